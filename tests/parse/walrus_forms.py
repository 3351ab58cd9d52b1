(x := 1)
if y := f():
    pass
while (n := n - 1):
    pass
f(x := 1)
f(a, b := 2)
[y := 1, y ** 2]
a[b := 1]
print((z := 3) + z)
elements = [(e := 1), e]
def g(p=(d := 4)): pass
{(k := 1): (v := 2)}
