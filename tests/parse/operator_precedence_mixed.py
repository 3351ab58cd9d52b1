not a == b
not a in b
a + b == c and d < e or not f
a | b == c
-a.b
-a[0]
-a()
a ** b[c]
await_ = a if not b else c
x = a and b if c else d or e
