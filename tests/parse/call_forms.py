f()
f(a)
f(a, b)
f(a,)
f(*a)
f(**k)
f(*a, **k)
f(a, *b, c, *d, e=1, **f)
f(a=1, *b)
f(**a, **b)
f(a=1, **b, c=2)
f(a)(b)(c)
f(*a, *b, c=d, *e)
f(
    a,
    b=1,
)
