*a, *b = c
*a = b
a = *b
print(*a, *b)
def f(): return *a
__debug__ = 1
[x for x in (y := [1])]
