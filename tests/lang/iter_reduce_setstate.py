import copy
for it in [iter([1,2,3]), reversed([1,2,3]), iter((4,5,6))]:
    next(it)
    r = it.__reduce__()
    print(r[0].__name__, r[1:], list(copy.copy(it)), list(it), it.__reduce__()[0].__name__, it.__reduce__()[1:])
it = iter([1,2,3,4]); it.__setstate__(2); print(list(it))
it = iter([1,2,3,4]); it.__setstate__(-5); print(list(it))
it = iter([1,2,3,4]); it.__setstate__(99); print(list(it))
it = reversed([1,2,3,4]); it.__setstate__(1); print(list(it))
it = reversed([1,2,3,4]); it.__setstate__(99); print(list(it))
it = reversed([1,2,3,4]); it.__setstate__(-7); print(list(it))
it = iter((1,2,3)); it.__setstate__(1); print(list(it))
try: iter([]).__setstate__("x")
except TypeError as e: print(e)
