x = 1 + \
    2
if a and \
   b:
    pass
with a as b, \
     c as d:
    pass
assert x, \
    "msg"
y = \
  3
def f(a,
      b): return \
    a
z = [1,
\
2]
