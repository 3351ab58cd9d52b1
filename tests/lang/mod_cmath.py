# cmath: every function over ordinary, branch-cut and special arguments
# (values printed to 12 significant digits: the last bits may differ between
# implementations), the errors CPython raises, argument conversion, and the
# constants.
import cmath
import math

def show(z):
    if isinstance(z, tuple):
        return "(" + ", ".join(show(x) for x in z) + ")"
    if isinstance(z, bool):
        return str(z)
    if isinstance(z, float):
        return format(z, ".12g")
    return "(%s, %s)" % (format(z.real, ".12g"), format(z.imag, ".12g"))

def t(name, *args):
    try:
        print(name, args, show(getattr(cmath, name)(*args)))
    except Exception as e:
        print(name, args, type(e).__name__, e)

values = [0j, -0.0 + 0j, 1 + 0j, -1 + 0j, 1j, -1j, 0.5 + 0.5j, -2.5 + 3j, 3 - 4j, 1e-300 + 1e-300j,
          1e300 + 1e300j, -1e-20 - 0j, 2 + 0j, -2 - 0j]
funcs = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp", "log",
         "log10", "sin", "sinh", "sqrt", "tan", "tanh"]
for f in funcs:
    for v in values:
        t(f, v)
inf, nan = float("inf"), float("nan")
specials = [complex(inf, 0), complex(-inf, 0), complex(0, inf), complex(0, -inf), complex(inf, inf),
            complex(nan, 0), complex(0, nan), complex(nan, nan), complex(inf, nan), complex(1, inf)]
for f in funcs:
    for v in specials:
        t(f, v)
for v in values + specials:
    t("phase", v)
    t("polar", v)
    t("isfinite", v)
    t("isinf", v)
    t("isnan", v)
for r, phi in [(1, 0), (2, math.pi / 2), (-1, 1), (0, inf), (inf, 0.0), (inf, -0.0), (-inf, 0.0),
               (nan, 0.0), (0.0, nan), (inf, 1.0), (1.0, inf), (inf, nan), (1e308, 1e308)]:
    t("rect", r, phi)
t("log", 8, 2)
t("log", 1j, 1j)
t("log", 2, 1)
t("log", 0)
t("log", 0j, 2)
t("exp", 1000 + 0j)
t("cosh", 1000)
t("sinh", -1000 + 1j)
t("atanh", 1)
t("atanh", -1 + 0j)
t("polar", complex(1e308, 1e308))
t("sqrt", "x")
t("sqrt", None)
t("log", 1, "b")
t("sqrt")
t("rect", 1)

class HasComplex:
    def __complex__(self):
        return 4j
class HasFloat:
    def __float__(self):
        return 9.0
class HasIndex:
    def __index__(self):
        return 16
class BadComplex:
    def __complex__(self):
        return "no"
for obj in (HasComplex(), HasFloat(), HasIndex(), BadComplex(), True, 4, 2.25, 10**400):
    try:
        print(type(obj).__name__, show(cmath.sqrt(obj)))
    except Exception as e:
        print(type(obj).__name__, type(e).__name__, e)
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.1j), cmath.isclose(0j, 1e-10j, abs_tol=1e-9))
print(cmath.isclose(complex(inf, 0), complex(inf, 0)), cmath.isclose(complex(nan, 0), complex(nan, 0)))
try:
    cmath.isclose(1, 2, rel_tol=-1)
except ValueError as e:
    print("ValueError", e)
print(show(cmath.pi), show(cmath.e), show(cmath.tau), cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(sorted(n for n in dir(cmath) if not n.startswith("_")))
