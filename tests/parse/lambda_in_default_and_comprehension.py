def f(key=lambda x: x): pass
[lambda: x for x in y]
[(lambda: x) for x in y]
(lambda: (yield))
