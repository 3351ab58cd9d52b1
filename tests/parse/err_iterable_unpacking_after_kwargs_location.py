f(a, **k, c=1, *b)
