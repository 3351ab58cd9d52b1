# Tests nested tuple behaviour: hashing with nested mutable members, equality short-circuit on identity, ordering with mixed nested types, tuples of tuples sorting.

t1 = (1, (2, 3), "x")
t2 = (1, (2, 3), "x")
print(t1 == t2, hash(t1) == hash(t2), t1 < (1, (2, 4)), (1, (2, 3)) < (1, (2, 3), None), {t1: "v"}[t2])
try:
    hash((1, (2, [3])))
except TypeError as e:
    print(type(e).__name__, e)
nan = float("nan")
tn = (nan,)
print(tn == tn, (nan,) == (nan,), tn == (nan,), [tn] == [tn], tn in [tn], (1, nan) < (1, nan), (1, nan) <= (1, nan))
data = [(2, "b", (1,)), (1, "z", ()), (2, "a", (0, 0)), (2, "b", (0,)), (1, "z", (5,))]
print(sorted(data))
print(sorted(data, key=lambda t: (t[1], t[0])), max(data), min(data))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print((1, 2, 3) > (1, 2), (0,) > (), () >= (), (1, "b") > (1, "a", "z"), ((1,),) < ((1, 0),))
class Cmp:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print(f"  eq {self.v} {o.v}")
        return self.v == o.v
    def __lt__(self, o):
        print(f"  lt {self.v} {o.v}")
        return self.v < o.v
    __hash__ = object.__hash__
a, b = Cmp(1), Cmp(2)
print((a, b) < (a, a))
print((Cmp(1), b) < (Cmp(1), a))
print((a,) == (a,), (a, b) == (a, Cmp(2)))
deep = ((((1,),),),)
print(deep, len(deep), deep[0][0][0][0], hash(deep) == hash(((((1,),),),)))
print(tuple(sorted({(1, 2), (0, 5), (1, 0)})), tuple(reversed(sorted([(3,), (1,), (2,)]))))
