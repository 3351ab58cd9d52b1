# Closures and comprehensions: counters and accumulators that rebind a
# 'nonlocal', function factories and composition, lambdas passed to map,
# filter and sorted, and list, dict, set and generator comprehensions
# (nested, filtered, and capturing variables of the enclosing function).


def make_counter(step):
    count = 0

    def bump():
        nonlocal count
        count += step
        return count

    return bump


def make_accumulator():
    items = []

    def add(x):
        items.append(x)
        return len(items)

    def total():
        return sum(items)

    return add, total


def compose(*funcs):
    def composed(x):
        for f in reversed(funcs):
            x = f(x)
        return x

    return composed


def adder(n):
    return lambda x: x + n


def multiplier(n):
    def mul(x):
        return x * n

    return mul


def comprehensions(n, offset):
    squares = [i * i + offset for i in range(n)]
    evens = [x for x in squares if x % 2 == 0]
    table = {i: i * offset % 97 for i in range(n)}
    residues = {v % 17 for v in table.values()}
    pairs = [(a, b) for a in range(12) for b in range(a) if (a * b + offset) % 5 == 0]
    total = sum(x % 7 for x in squares if x % 3)
    nested = [[row * col for col in range(6)] for row in range(6)]
    return len(evens) + len(residues) + len(pairs) + total + sum(map(sum, nested))


def main():
    checksum = 0
    counters = [make_counter(k) for k in range(1, 6)]
    for i in range(600000):
        checksum += counters[i % 5]()
    add, total = make_accumulator()
    for i in range(500000):
        add(i % 11)
    checksum += total()
    f = compose(adder(3), multiplier(5), adder(-1), lambda x: x // 2)
    for i in range(500000):
        checksum = (checksum + f(i)) % 1000000007
    for offset in range(9000):
        checksum += comprehensions(100, offset)
    data = list(range(3000))
    odd = list(filter(lambda x: x & 1, data))
    scaled = list(map(lambda x: x * 3 % 1000, odd))
    key_sorted = sorted(scaled, key=lambda x: (-(x % 10), x))
    checksum += key_sorted[0] + key_sorted[-1] + len(key_sorted)
    print("checksum", checksum % 1000000007, [c() for c in counters])


main()
