# itertools: every iterator, its repr where it has one, and argument errors.
import itertools as it
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress,
                       count, cycle, dropwhile, filterfalse, groupby, islice, pairwise,
                       permutations, product, repeat, starmap, takewhile, tee, zip_longest)


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


def take(n, iterable):
    return list(islice(iterable, n))


c = count()
print(take(3, c), repr(c))
print(take(3, count(10, 5)), repr(count(10, 5)), repr(count(2.5)), repr(count(1, 1.0)))
print(take(3, count(2**70, -2**69)), repr(count(start=3, step=2)), repr(count(5, 0)))
print(take(4, count(0.5, 0.25)), take(2, count(1j)))
show("count str", lambda: count("a"))
show("count step", lambda: count(1, "a"))
show("count 3", lambda: count(1, 2, 3))
show("count kw", lambda: count(x=1))

print(take(7, cycle("abc")), take(3, cycle([])), take(5, cycle(iter([1, 2]))))
show("cycle()", lambda: cycle())

print(list(repeat("x", 3)), repr(repeat("x", 3)), repr(repeat(1)), take(2, repeat(None)))
r = repeat(7, 2)
print(r.__length_hint__(), next(r), r.__length_hint__(), repr(r), list(repeat(1, -3)))
show("repeat len", lambda: repeat(1).__length_hint__())
show("repeat()", lambda: repeat())
show("repeat times", lambda: repeat(1, "x"))
print(list(repeat(object=1, times=2)))

print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([], initial=0)), list(accumulate([])))
print(list(accumulate(["a", "b", "c"])), list(accumulate([2, 3, 4], lambda a, b: a * b)))
print(list(accumulate([1, 2], func=None, initial=None)))
show("accumulate()", lambda: accumulate())
show("accumulate kw", lambda: accumulate([1], initial=3, x=1))
show("accumulate types", lambda: list(accumulate([1, "a"])))

print(list(chain("ab", [1, 2], (), range(2))), list(chain()), list(chain.from_iterable(["ab", "c"])))
print(list(chain.from_iterable(iter([[1], [], [2, 3]]))), chain[int])
show("chain(1)", lambda: list(chain(1)))
show("chain kw", lambda: chain(x=1))
show("from_iterable(1)", lambda: chain.from_iterable(1))
show("from_iterable items", lambda: list(chain.from_iterable([1])))

print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress(range(10), cycle([0, 1]))))
print(list(compress(data="abc", selectors=[True])))
show("compress(x)", lambda: compress([1]))

print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", None])))
print(list(dropwhile(bool, [])), list(takewhile(bool, [0, 1])))
t = takewhile(lambda x: x < 2, iter(range(5)))
print(list(t), list(t))
show("dropwhile(f)", lambda: dropwhile(len))
show("filterfalse(None)", lambda: filterfalse(None))
show("takewhile kw", lambda: takewhile(bool, [], x=1))

print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(lambda *a: a, ["ab", [1]])))
show("starmap(f)", lambda: starmap(len))
show("starmap items", lambda: list(starmap(len, [1])))

print(list(pairwise("ABCDE")), list(pairwise("A")), list(pairwise([])))
show("pairwise()", lambda: pairwise())

print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)))
print(list(islice("ABCDEFG", 0, None, 2)), list(islice(range(100), 5, 50, 10)), list(islice("ab", None)))
print(list(islice(count(), 3, 10, 3)), list(islice("abc", None, None, None)), list(islice("abc", 5, 2)))
src = iter(range(10))
print(list(islice(src, 3)), next(src))
for args in ([-1], ["a"], [-5], [1, 2, 0], [1, 2, -1], [-1, 2], [None, -1], [1, 2, 3, 4], [],
             [2**70], [0, 2**70, 2**70]):
    show("islice" + repr(args), lambda: list(islice(range(3), *args)))
show("islice kw", lambda: islice([], stop=1))

print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest("ab", range(3))))
print(list(zip_longest()), list(zip_longest([], [])), list(zip_longest("a")))
show("zip_longest kw", lambda: zip_longest([1], fill=3))
show("zip_longest(1)", lambda: zip_longest(1))

print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")], [(k, len(list(g))) for k, g in groupby([1, 3, 2, 4, 5], lambda x: x % 2)])
groups = list(groupby("aabbc"))
print([(k, list(g)) for k, g in groups])
g = groupby("aaab")
k1, g1 = next(g)
print(k1, next(g1))
k2, g2 = next(g)
print(k2, list(g1), list(g2), list(g))
print(type(g1).__name__, list(groupby([], key=len)))
show("groupby()", lambda: groupby())
show("_grouper()", lambda: type(g1)(1, 2))

print(list(product("ab", range(2))), list(product(range(2), repeat=3))[:4], len(list(product("abc", repeat=2))))
print(list(product()), list(product("ab", [])), list(product(repeat=0)), list(product("ab", repeat=0)))
show("product repeat", lambda: product([1], repeat=-1))
show("product kw", lambda: product([1], x=1))
show("product(1)", lambda: product(1))

print(list(permutations("ABC", 2)), list(permutations(range(3))))
print(list(permutations("ab", 0)), list(permutations("ab", 3)), list(permutations([])), len(list(permutations(range(5)))))
print(list(permutations(range(4), 3))[-3:], list(permutations(iterable="ab", r=None)))
show("permutations r", lambda: permutations([1], -1))
show("permutations str", lambda: permutations([1], "a"))

print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)), list(combinations("ab", 0)))
print(list(combinations("ab", 3)), list(combinations([], 0)), len(list(combinations(range(10), 4))))
show("combinations r", lambda: combinations([1], -1))
show("combinations()", lambda: combinations([1]))
show("combinations str", lambda: combinations([1], "a"))

print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement([], 2)))
print(list(combinations_with_replacement("ab", 0)), len(list(combinations_with_replacement(range(5), 3))))

a, b = tee(iter(range(5)))
print(next(a), next(a), list(b), list(a))
x, y, z = tee("abc", 3)
print(list(x), list(y), list(z), tee([1], 0), type(x).__name__)
big1, big2 = tee(range(200))
print(sum(big1), next(big2), sum(big2))
c1, = tee(count(), 1)
c2 = c1.__copy__()
print(next(c1), next(c1), next(c2))
d1, d2 = tee(c1)
print(d1 is c1, next(d1), next(d2), next(c1))
show("tee n", lambda: tee([1], -1))
show("tee str", lambda: tee([1], "a"))
show("tee()", lambda: tee())


def gen():
    yield next(t0)


t0, = tee(gen(), 1)
show("tee reenter", lambda: next(t0))

print(it.count.__module__, it.count.__name__, it.count, type(groupby([1])))
print(issubclass(type(c1), object), isinstance(chain(), chain))


class MyChain(chain):
    pass


print(list(MyChain("ab", "c")), type(MyChain()).__name__)

# The itertools recipes from the documentation.
def grouper(iterable, n, fillvalue=None):
    args = [iter(iterable)] * n
    return zip_longest(*args, fillvalue=fillvalue)


def roundrobin(*iterables):
    num_active = len(iterables)
    nexts = cycle(iter(it).__next__ for it in iterables)
    while num_active:
        try:
            for nxt in nexts:
                yield nxt()
        except StopIteration:
            num_active -= 1
            nexts = cycle(islice(nexts, num_active))


def powerset(iterable):
    s = list(iterable)
    return chain.from_iterable(combinations(s, r) for r in range(len(s) + 1))


def unique_everseen(iterable, key=None):
    seen = set()
    for element in filterfalse(seen.__contains__, iterable):
        seen.add(element)
        yield element


def partition(pred, iterable):
    t1, t2 = tee(iterable)
    return filterfalse(pred, t1), filter(pred, t2)


print(list(grouper("ABCDEFG", 3, "x")), list(roundrobin("ABC", "D", "EF")))
print(list(powerset([1, 2, 3])), list(unique_everseen("AAAABBBCCDAABBB")))
print([list(p) for p in partition(lambda x: x % 2, range(10))])
print(list(starmap(max, pairwise(accumulate([5, 1, 7, 3])))))
