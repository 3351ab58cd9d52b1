x = 1if y else 2
z = [0x1for x in y]
w = 1or 2
v = 1.5and 2
u = 1jif 0 else 1
t = 0o7or 1
