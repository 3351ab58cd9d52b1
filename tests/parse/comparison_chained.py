a < b <= c == d != e > f >= g
a is b
a is not b
a in b
a not in b
a in b is c not in d is not e
x == y
1 < x < 10
(a < b) < c
