# complex(str): CPython's grammar (<float>, <float>j, <float><signed-float>j,
# <sign>j, j, parentheses, spaces), underscores, non-ASCII digits and spaces,
# and the two different error messages.

cases = [
    "0", "-0", "+0", "0j", "-0j", "1", "1.", ".5", "1.5", "1e3", "1E-3", "1e+3",
    "j", "J", "+j", "-j", "2j", "2J", "-2.5j", ".5j", "5.j", "1e5j", "1e-5J",
    "1+2j", "1-2j", "-1+2j", "-1-2j", "+1+2j", "1+j", "1-j", "1.5+2.5j",
    "1e3+1e-3j", "1E3-1E-3J", "inf", "-inf", "infj", "-infj", "inf+infj",
    "infinity", "-Infinity", "infinityj", "INFj", "nan", "nanj", "-nanj",
    "nan+nanj", "1+nanj", "1e400", "1e400j", "-1e400+1e-400j", "1e-400",
    "(1+2j)", "( 1+2j )", " (1+2j) ", "(1)", "( 1 )", "(j)", "  3  ", "\t4j\n",
    "1_0", "1_0j", "1_000.000_1+2_0j", "1e1_0", "0_0", "1_2.3_4e5_6j",
    "\u0661\u0662", "\u0661+\u0662j", "\u2003 5j \u2003", "\uff11\uff12j",
]
bad = [
    "", " ", "()", "(", ")", "(1+2j", "1+2j)", "1 + 2j", "1+ 2j", "1 +2j",
    "1+2", "1+2jj", "j1", "jj", "j j", "1j+2", "1+-2j", "1-+2j", "++1",
    "+", "-", ".", ".j", "e5", "1e", "1e+", "1e+j", "1.5e", "1.5ej",
    "0x10", "0b1", "1+2i", "one", "1,5", "1j 2", "\x00", "1\x00", "nan nan",
    "infi", "infinityy", "1__0", "_1", "1_", "1_.5", "1._5", "1_e5", "1e_5",
    "1_j", "(_1)", "1+_2j", "\u0663x",
]
for s in cases:
    z = complex(s)
    print(repr(s), repr(z), repr(z.real), repr(z.imag))
for s in bad:
    try:
        print(repr(s), complex(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)

# Strings with a second argument, and strings as the second argument.
for args in [("1", 2), ("1",), (1, "2"), ("1", "2")]:
    try:
        print(args, complex(*args))
    except TypeError as e:
        print(args, "TypeError:", e)

# str subclasses parse like str; bytes are not accepted.
class S(str):
    pass

print(complex(S("3+4j")), type(complex(S("3+4j"))).__name__)
for v in [b"1+2j", bytearray(b"1"), None, [1], {}]:
    try:
        print(complex(v))
    except TypeError as e:
        print(type(v).__name__, "TypeError:", e)

# Round trip: complex(repr(z)) == z for many values, signed zeros included.
vals = [complex(a, b) for a in (0.0, -0.0, 1.5, -2.25, 1e300, 5e-324, float("inf"))
        for b in (0.0, -0.0, 3.0, -1e-7, 1e22, float("-inf"))]
ok = 0
for z in vals:
    w = complex(repr(z))
    same = (repr(w) == repr(z))
    ok += same
    if not same:
        print("round trip differs", repr(z), repr(w))
print("round trips", ok, "of", len(vals))
