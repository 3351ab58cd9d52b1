# Tests lazy iteration builtins more deeply: consumption order, partial consumption, zip stopping rules, map with unequal lengths, reversed on ranges and sequences.

log = []
def gen(tag, n):
    for i in range(n):
        log.append(f"{tag}{i}")
        yield i
z = zip(gen("a", 3), gen("b", 2))
print(list(z), log)
log.clear()
z = zip(gen("a", 2), gen("b", 3))
print(list(z), log)
log.clear()
m = map(lambda x, y: x + y, gen("a", 3), gen("b", 2))
print(list(m), log)
log.clear()
f = filter(lambda v: v % 2, gen("f", 5))
print(next(f), log)
print(list(f), log)
log.clear()
e = enumerate(gen("e", 3), start=100)
print(next(e), list(e))
it = iter(range(10))
pairs = list(zip(it, it))
print(pairs)
it = iter("abcdefg")
print(list(zip(*[it] * 3)))
print(list(zip(range(3), strict=True)), list(zip()), list(zip([], [1])))
try:
    list(zip([1, 2], gen("s", 1), strict=True))
except ValueError as ex:
    print(type(ex).__name__, ex)
print(list(reversed(range(0, 10, 3))), list(reversed(range(10, 0, -4))), list(reversed(range(0))), list(reversed([])))
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
print(list(map(len, ["", "a", "ab"])), list(map(str.upper, "ab")), list(map(int.__add__, [1, 2], [10, 20])))
print(list(filter(lambda x: x, [0, "", None, 1, "a"])), list(filter(None, range(-2, 3))))
print(sum(1 for _ in filter(str.isalpha, "a1b2c3")), max(map(abs, [-7, 3])), sorted(map(lambda s: s[::-1], ["ab", "ba"])))
nested = enumerate(zip("ab", map(str.upper, "cd")))
print(list(nested))
counter = iter(range(3))
print([(x, y) for x in counter for y in counter])
print(list(enumerate(reversed("abc"))), list(reversed(list(enumerate("abc")))))
lens = map(len, iter(["xx", "y"]))
print(type(lens).__name__, list(lens), list(lens))
def stops_early():
    yield 1
    return "ignored"
print(list(zip(stops_early(), "abc")), list(map(str, stops_early())))
