# Tests bool values in numeric and container contexts: indexing with bools, counting, sorting mixed bools/ints, dict keys collisions, arithmetic result types, formatting.

data = ["zero", "one"]
print(data[True], data[False], data[True:], "ab"[False], (10, 20)[True])
flags = [True, False, True, True]
print(sum(flags), flags.count(True), flags.count(1), flags.index(False), max(flags), min(flags), sorted(flags))
print(sorted([2, True, 0, False, -1, 1]), sorted([1, True, 1.0], key=lambda x: type(x).__name__))
d = {False: "f", True: "t"}
d[0] = "zero"
d[1.0] = "one"
print(d)
print(True + 1, type(True + 1).__name__, True * 2.5, type(True * 2.5).__name__, True / True, True // True, True % 2, -True, True ** 10, True << 4)
print(True & 1, type(True & 1).__name__, True | False, type(True | False).__name__, True ^ True, type(False ^ False).__name__, ~False)
print(divmod(True, 1), round(True), abs(False), int(True), float(False), complex(True), str(True), repr(False), bool("False"))
print(f"{True:>6}|{False:d}|{True:.2f}|{True!r}|{True:b}", "%s %d %r" % (True, False, True), format(True, "^7"))
print([i for i, f in enumerate(flags) if f], list(map(int, flags)), list(map(bool, [0, 1, 2, [], [0]])))
print(all(flags), any(flags), not any([False, 0, None]), True in [1], False in [0.0], 1 in [True])
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, int), type(True).__mro__[1].__name__, True.__class__.__bases__)
print(hash(True) == hash(1) == hash(1.0), True == 1 == 1.0, True is not 1 if False else "skip", {True, 1, 1.0})
print(bool(0.0), bool(-0.0), bool(0j), bool(float("nan")), bool("0"), bool(" "), bool(b"\x00"), bool([[]]))
print(True.real, True.imag, True.numerator, True.denominator, True.bit_length(), False.bit_length(), True.conjugate())
print(bool.__name__, bool(), bool(None), bool(...), bool(NotImplemented.__class__))
counts = {True: 0, False: 0}
for v in [3, 0, "", "x", [], [1], None, 0.1]:
    counts[bool(v)] += 1
print(counts)
print((3 > 2) + (2 > 1) + (1 > 0), (3 > 2) * 10, [True] * 3, "x" * True + "y" * False)
