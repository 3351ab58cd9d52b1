a[1:2] = b
a[::2] = c
a[:, ::] = d
del a[:]
a[x:y:z] += 1
