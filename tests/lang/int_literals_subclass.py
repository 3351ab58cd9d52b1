# Tests int literal forms and int subclasses: underscores in literals, radix prefixes, arithmetic on subclasses returning int, repr/str overrides.

print(1_000, 0b_1010, 0o_17, 0x_DEAD_BEEF, 1_2_3, 0B11, 0O7, 0XfF, 00000, 0_0)
for src in ["1__0", "1_", "0_b1", "0x_", "012", "0b102", "0o8", "1e_3", "0x1g", "09"]:
    try:
        compile(src, "<s>", "eval")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg)

class Money(int):
    def __repr__(self):
        return f"Money({int(self)})"

    def __str__(self):
        return f"${int(self)}"

m = Money(5)
print(m, repr(m), m + 1, type(m + 1).__name__, type(m * 2).__name__, type(-m).__name__, type(abs(m)).__name__, m == 5, hash(m) == hash(5))
print(f"{m}", f"{m!r}", f"{m:03d}", "%d" % m, "%s" % m, [m], str(m), int(m), type(int(m)).__name__)

class Strict(int):
    def __add__(self, other):
        return Strict(int(self) + int(other))

    __radd__ = __add__

s = Strict(1)
print(type(s + 1).__name__, type(1 + s).__name__, type(s + s).__name__, s + 2)

class WithAttrs(int):
    def __new__(cls, value, unit):
        obj = super().__new__(cls, value)
        obj.unit = unit
        return obj

w = WithAttrs(10, "kg")
print(w, w.unit, w + 5, vars(w))

class Flag(int):
    pass

print(Flag(3) | Flag(4), type(Flag(3) | Flag(4)).__name__, Flag(True), Flag("12"), Flag("ff", 16), Flag() == 0)
print(isinstance(Flag(1), int), issubclass(Flag, int), Flag.__mro__[1] is int, Flag(7).bit_length(), Flag(7).real, type(Flag(7).real).__name__)
print(sorted([Flag(3), 1, Money(2)]), max(Money(1), Money(9)), sum([Money(1), Money(2)]), type(sum([Money(1), Money(2)])).__name__)
print(divmod(Money(7), 2), pow(Money(2), 3), round(Money(15), -1), type(round(Money(15), -1)).__name__)
print({Money(1): "a"}[1], 1 in {Money(1)}, list(range(Money(3))), "ab"[Money(1)])
