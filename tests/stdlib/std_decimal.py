# decimal (CPython's _pydecimal: contexts live in a ContextVar): arithmetic
# at various precisions and roundings, localcontext isolation, signals and
# traps, quantize, string forms, hashing consistent with int/float.
import decimal
from decimal import Decimal as D, localcontext, getcontext, setcontext, Context

print(D("1.1") + D("2.2"), D("1") / D("7"), D(2).sqrt(), D("10") ** 20, D("-0.0"))
print(D(0.1), D("1e-3"), D("123.4500").normalize(), D("1.30") * D("1.20"))
ctx = getcontext()
print(ctx.prec, ctx.rounding, ctx.Emax, ctx.Emin)
with localcontext() as c:
    c.prec = 5
    print(D(1) / D(3), D("2").sqrt(), getcontext().prec)
    c.rounding = decimal.ROUND_DOWN
    print(D(2) / D(3))
print(getcontext().prec, D(1) / D(3))
for r in [decimal.ROUND_HALF_EVEN, decimal.ROUND_HALF_UP, decimal.ROUND_CEILING, decimal.ROUND_FLOOR]:
    print(r, [str(D(x).quantize(D("1"), rounding=r)) for x in ["2.5", "3.5", "-2.5", "0.5"]])
with localcontext(Context(prec=3, traps=[decimal.DivisionByZero])) as c:
    try:
        D(1) / D(0)
    except decimal.DivisionByZero as e:
        print("trapped", type(e).__name__)
    c.traps[decimal.DivisionByZero] = False
    print(D(1) / D(0), bool(c.flags[decimal.DivisionByZero]))
try:
    D("abc")
except decimal.InvalidOperation as e:
    print("invalid", type(e).__name__)
print(D("NaN").is_nan(), D("-Infinity"), D("1E+2").to_integral_value(), D("12.345").as_tuple())
print(hash(D(5)) == hash(5), hash(D("0.5")) == hash(0.5), D("1.5") == 1.5, D(3) < 3.5)
print(sorted([D("3.1"), D(2), D("-1"), D("2.50")]), sum([D("0.1")] * 10))
print(f"{D('1234.5678'):,.2f}", format(D("1e-10"), "f"), D("7").compare(D("7.0")))
print(D(10).ln().quantize(D("1.0000")), D(100).log10(), D(2).exp().quantize(D("0.001")))

# Threads of work in separate contexts (contextvars copies).
import contextvars
def in_ctx(prec):
    getcontext().prec = prec
    return str(D(1) / D(7))
print([contextvars.copy_context().run(in_ctx, p) for p in (3, 6, 9)], getcontext().prec)
new = Context(prec=4)
setcontext(new)
print(getcontext() is new, D(2) / D(3))
