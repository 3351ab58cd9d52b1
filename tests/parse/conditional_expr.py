a if b else c
a if b else c if d else e
(a if b else c) if d else e
x = a if b else c
f(a if b else c)
a if (b if c else d) else e
lambda: a if b else c
