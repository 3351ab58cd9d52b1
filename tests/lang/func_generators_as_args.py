# Tests passing generators/iterators to functions: single consumption, sum/max/min/sorted/any/all/join consuming lazily, generator expression as sole argument syntax.

def nums(n, log):
    for i in range(n):
        log.append(i)
        yield i

log = []
g = nums(5, log)
print(sum(g), sum(g), log)
log.clear()
print(any(x > 1 for x in nums(10, log)), log)
log.clear()
print(all(x < 3 for x in nums(10, log)), log)
log.clear()
print(max(nums(4, log)), min(nums(4, log)), sorted(nums(3, log), reverse=True), len(log))
print("-".join(str(i) for i in range(4)), list(str(i) for i in range(3)), tuple(i for i in "ab"), set(i % 2 for i in range(5)) == {0, 1})
print(sum(i * i for i in range(10)), max((len(w), w) for w in ["a", "ccc", "bb"]), dict((i, i * i) for i in range(3)))
print(sum((i for i in range(3)), 10), sorted((i for i in [3, 1, 2]), key=lambda v: -v))
for src in ["f(x for x in y, 1)", "f(1, x for x in y)", "f(x for x in y)", "f((x for x in y), 1)", "f(*(x for x in y))"]:
    try:
        compile(src, "<s>", "eval")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg)
def consume_twice(it):
    return list(it), list(it)
print(consume_twice(x for x in range(3)), consume_twice([0, 1]), consume_twice(iter([5])))
def first_n(it, n):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out
shared = iter(range(10))
print(first_n(shared, 3), first_n(shared, 3), list(shared))
print(list(zip(range(3), (c for c in "abcdef"))), list(map(pow, (i for i in [2, 3]), [3, 2])))
print(next(x for x in range(100) if x * x > 50), next((x for x in [] if x), "none found"))
print(sum(1 for line in "a\nb\n\nc".splitlines() if line), "".join(sorted(set(c for c in "mississippi"))))
