for x in *a, b: pass
x[*a] = 1
def f(): return *a, *b
def g(): yield *a, *b
