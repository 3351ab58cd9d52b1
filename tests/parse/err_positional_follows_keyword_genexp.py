f(a=1, b, c for c in d)
