# sys.set_int_max_str_digits: the 4300-digit default, the ValueErrors of
# str()/repr()/int()/f-strings past it, bases that are powers of two being
# exempt, 0 meaning no limit, and the bounds of the setting itself.
import sys

print(sys.get_int_max_str_digits())

def show(label, fn):
    try:
        r = fn()
        print(label, "ok", r if isinstance(r, int) and r < 10 ** 6 else len(str(r)) if isinstance(r, int) else len(r))
    except ValueError as e:
        print(label, "ValueError:", e)

ok = 10 ** 4299
too = 10 ** 4300
show("str 4300 digits", lambda: str(ok))
show("str 4301 digits", lambda: str(too))
show("str -4300 digits", lambda: str(-ok))
show("repr 4301", lambda: repr(too))
show("f-string 4301", lambda: f"{too}")
show("format d", lambda: format(too, "d"))
show("format x", lambda: format(too, "x"))
show("hex", lambda: hex(too))
show("bin", lambda: bin(too))
show("oct", lambda: oct(too))
show("int 4300", lambda: int("9" * 4300))
show("int 4301", lambda: int("9" * 4301))
show("int 4301 with sign and spaces", lambda: int("  -" + "9" * 4301 + " "))
show("int hex 10000", lambda: int("f" * 10000, 16))
show("int base 2", lambda: int("1" * 20000, 2))
show("int base 36", lambda: int("z" * 4301, 36))
show("int underscores", lambda: int("_".join(["9"] * 4301)))
show("int leading zeros", lambda: int("0" * 5000 + "1"))
show("float ok", lambda: len(str(float("9" * 300))))

sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits())
show("str 4301 at 5000", lambda: str(too))
show("int 5001", lambda: int("1" * 5001))
sys.set_int_max_str_digits(0)
show("str unlimited", lambda: str(10 ** 20000))
show("int unlimited", lambda: int("7" * 20000))
for bad in [1, 639, -1]:
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print(bad, "ValueError:", e)
sys.set_int_max_str_digits(640)
show("str 641", lambda: str(10 ** 640))
show("str 640", lambda: str(10 ** 639))
try:
    sys.set_int_max_str_digits("5000")
except TypeError as e:
    print("TypeError:", e)
sys.set_int_max_str_digits(maxdigits=4300)
print(sys.get_int_max_str_digits())
# Round trip of a 10,000-digit number with the limit lifted.
sys.set_int_max_str_digits(0)
n = int("1234567890" * 1000)
print(len(str(n)), str(n * n)[:15], str(n * n)[-15:], n % 999999937)
