# Calls: methods, keywords, star-args, ** merging, imported modules.
import math
o.m(1, k=2)
math.sqrt(2)
f(*a, **k)
f(1, *a, 2, x=1, **k, y=2)
g(a, b, c=1, d=2)
o.attr.m(*a)
