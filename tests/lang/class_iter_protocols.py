# Tests user-defined iterables: separate iterator classes, __iter__ as generator, re-iterability vs one-shot iterators, iteration in all consumers.

class Range3:
    def __init__(self, start, stop):
        self.start, self.stop = start, stop

    def __iter__(self):
        return Range3Iter(self.start, self.stop)

class Range3Iter:
    def __init__(self, cur, stop):
        self.cur, self.stop = cur, stop

    def __iter__(self):
        return self

    def __next__(self):
        if self.cur >= self.stop:
            raise StopIteration
        v = self.cur
        self.cur += 1
        return v

r = Range3(1, 4)
print(list(r), list(r), sum(r), max(r), sorted(r, reverse=True), tuple(r), set(r) == {1, 2, 3}, 2 in r, [x * y for x in r for y in r])
it = iter(r)
print(next(it), list(it), list(it))

class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c

    def __reversed__(self):
        for c in reversed(self.children):
            yield from reversed(c)
        yield self.value

t = Tree(1, Tree(2, Tree(4), Tree(5)), Tree(3, Tree(6)))
print(list(t), list(reversed(t)), len(list(t)), dict(enumerate(t)))
a, b, *rest = t
print(a, b, rest)
print(*t)
print(dict.fromkeys(t), "".join(map(str, t)), any(v > 5 for v in t), list(zip(t, "abcdef")), list(map(str, t)))

class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1

print(list(Countdown(3)), [list(Countdown(i)) for i in range(3)], sum(Countdown(100)))

class Infinite:
    def __iter__(self):
        i = 0
        while True:
            yield i
            i += 1

for v in Infinite():
    if v > 3:
        break
print("stopped at", v)
out = []
for i, v in zip(range(3), Infinite()):
    out.append((i, v))
print(out)

class GetItemOnly:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return chr(97 + i)

print(list(GetItemOnly()), "b" in GetItemOnly(), list(enumerate(GetItemOnly())), list(reversed(list(GetItemOnly()))))

class IterReturnsSelfButNoNext:
    def __iter__(self):
        return self

try:
    list(IterReturnsSelfButNoNext())
except TypeError as e:
    print(type(e).__name__, e)

class StopsWithValue:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration(42)

print(list(StopsWithValue()))
