del (a, [b, (c)]), d.e, f[g]
del ((a))
del [a.b, c[d]]
