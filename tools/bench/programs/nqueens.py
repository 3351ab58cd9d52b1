# N-queens with generators: recursive generators that extend a partial
# placement row by row ('yield from' down the recursion), a generator
# expression for the safety test, and a second solver over permutations
# produced by a generator, filtered by set sizes.


def safe(placed, col):
    row = len(placed)
    return all(c != col and abs(c - col) != row - r for r, c in enumerate(placed))


def place(n, placed):
    if len(placed) == n:
        yield tuple(placed)
        return
    for col in range(n):
        if safe(placed, col):
            placed.append(col)
            yield from place(n, placed)
            placed.pop()


def permutations(items):
    if len(items) <= 1:
        yield items
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield [items[i]] + p


def by_permutations(n):
    # A permutation already puts one queen per row and column; it is a
    # solution when the two families of diagonals are all distinct.
    for p in permutations(list(range(n))):
        if len({c + r for r, c in enumerate(p)}) == n and len({c - r for r, c in enumerate(p)}) == n:
            yield p


def main():
    counts = []
    signature = 0
    for n in range(4, 11):
        k = 0
        for sol in place(n, []):
            k += 1
            signature = (signature * 31 + sum(i * c for i, c in enumerate(sol))) % 1000003
        counts.append(k)
    count8 = sum(1 for _ in by_permutations(8))
    first = next(iter(by_permutations(8)))
    print("solutions", counts, "perm8", count8, "first8", first, "sig", signature)


main()
