s = 'abc\
def'
t = "x\
\
y"
u = """a\
b"""
