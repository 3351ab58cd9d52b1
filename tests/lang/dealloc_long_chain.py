# Regression: dropping the last reference to a long linked chain freed it
# recursively in C, one level per node, and krait crashed with a stack
# overflow (tools/bench/programs/alloc.py). Deallocation must not recurse
# without bound, whatever the shape of the data.


class Cell:
    __slots__ = ("value", "next")

    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt


def chain(n):
    head = None
    for i in range(n):
        head = Cell(i, head)
    return head


head = chain(200000)
print(head.value, head.next.value)
head = None
print("slots chain freed")

nested = []
for i in range(100000):
    nested = [nested, i]
print(nested[1])
nested = None
print("nested lists freed")

d = {}
for i in range(100000):
    d = {"inner": d, "i": i}
print(d["i"])
d = None
print("nested dicts freed")

t = ()
for i in range(100000):
    t = (t, i)
print(t[1])
del t
print("nested tuples freed")
