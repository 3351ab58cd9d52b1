x = ()
y = []
z = {}
w = set()
v = ""
u = b""
t = f""
