# Tests bool: int subclassing, arithmetic, repr, bool() on builtins, and/or/not results.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

print(True, False, repr(True), str(False), int(True), float(False))
print(isinstance(True, int), issubclass(bool, int), type(True).__mro__ if False else bool.__bases__)
print(True + True, True - False, True * 3, True / 2, True // 2, -True, ~True, +False, abs(False))
print(True == 1, False == 0, True is True, True == 1.0, hash(True) == hash(1))
print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool(" "), bool([]), bool([0]), bool(()), bool({}), bool(set()), bool(None), bool(range(0)), bool(range(1)), bool(b""), bool(0j))
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "x", [] and 1, None or 0, not 0, not [], not "a")
print(True & False, True | False, True ^ True, type(True | False).__name__, type(True | 0).__name__, type(True + 0).__name__)
print(sum([True, True, False, True]), [True] * 3, "ab" * True)
print(max(True, 2), min(False, -1), sorted([True, False, 2, -1]))
print(f"{True}", f"{True:d}", f"{True:5}|", f"{False!r}", format(True, ""), format(True, "^7"), format(True, ".1f"))
print("%s %d %r" % (True, True, False))
show("bool subclass", lambda: type("B", (bool,), {}))
show("bool(x=1)", lambda: bool(x=1))
print(bool.__new__(bool, 5), bool.__name__, True.real, True.imag, True.numerator)
d = {1: "one", True: "true", 1.0: "float"}
print(d)
s = {0, False, 0.0}
print(s, len(s))
print(True.__and__(1), True.__and__(True), True.__or__(3), True.__xor__(False))
print([x for x in range(5) if x % 2], list(filter(None, [0, 1, "", "a", None, [], [1]])))

class T:
    def __bool__(self):
        return False

class L:
    def __len__(self):
        return 0

class Both:
    def __bool__(self):
        return True

    def __len__(self):
        return 0

class BadBool:
    def __bool__(self):
        return 1

class BadLen:
    def __len__(self):
        return -1

print(bool(T()), bool(L()), bool(Both()), bool(object()), not T(), T() or "x", type(L() and "y").__name__)
show("BadBool", lambda: bool(BadBool()))
show("BadLen", lambda: bool(BadLen()))
show("if BadBool", lambda: 1 if BadBool() else 0)
print(True < 2, False < True, True > 0.5)
print(int("1") == True, str(True).lower(), True.__class__.__name__)
print(1 < 2 == True, (1 < 2) == True)
