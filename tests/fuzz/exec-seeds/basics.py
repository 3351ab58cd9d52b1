# A seed for fuzz_exec: functions, closures, defaults, keywords, loops,
# exceptions, comprehensions, unpacking, f-strings, slices.
def add(a, b=2, *rest, scale=1, **kw):
    return (a + b + sum(rest)) * scale + len(kw)

def counter(start):
    n = start
    def bump(k=1):
        nonlocal n
        n += k
        return n
    return bump

def loops(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        total += i * i
    while total > 100:
        total //= 2
    return total

def errors(x):
    try:
        return 10 / x
    except ZeroDivisionError as e:
        return str(e)
    finally:
        x = None

def comps(n):
    a = [i * 2 for i in range(n) if i != 3]
    b = {i: str(i) for i in range(n)}
    c = {i % 3 for i in range(n)}
    d = list(x + 1 for x in a)
    return a, b, c, d

def unpack(seq):
    first, *middle, last = seq
    (p, q), r = (1, 2), 3
    return first, middle, last, p + q + r

def text(name, value):
    return f"{name!r:>10}={value:.3f} {name.upper()} {value!s}"[::-1][2:9]

c = counter(5)
print(add(1), add(1, 2, 3, 4, scale=2, extra=1), c(), c(3), loops(20), errors(0), errors(4))
print(comps(5), unpack([1, 2, 3, 4]), text("x", 3.14159))
big = 2 ** 80 - 1
print(big, -big, 1.5e300 * 10, complex(1, 2) * 3j, b"ab\x00" * 2, frozenset({1, 2}))
