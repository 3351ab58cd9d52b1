# string: the constants, capwords, Template (with its regex-built pattern
# and custom delimiters) and Formatter (over _string's parser), including
# a subclass overriding get_value/convert_field/format_field.
import string

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords(" hello   wide world "), string.capwords("a-b c-d", "-"))

t = string.Template("$who likes ${what}, $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"))
print(t.get_identifiers(), t.is_valid())
for bad in [lambda: t.substitute(who="a"), lambda: string.Template("$").substitute(),
            lambda: string.Template("${bad").substitute()]:
    try:
        bad()
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
class Pct(string.Template):
    delimiter = "%"
print(Pct("%x and %{y}").substitute(x=1, y=2))

f = string.Formatter()
print(f.format("{0:>{1}}|{name!r}|{x[1]}|{p.real}", "hi", 6, name="n", x=[1, 2], p=3j))
print(list(f.parse("a{0!r:>3}b{{c}}")), f.vformat("{} {}", (1, 2), {}))
class Upper(string.Formatter):
    def get_value(self, key, args, kwargs):
        return kwargs.get(key, f"<{key}>") if isinstance(key, str) else args[key]
    def convert_field(self, value, conversion):
        return str(value).upper() if conversion == "u" else super().convert_field(value, conversion)
    def format_field(self, value, spec):
        return "[" + super().format_field(value, spec) + "]"
u = Upper()
print(u.format("{a!u} {missing} {0:^5}", 7, a="abc"))
try:
    f.format("{0[}", 1)
except ValueError as e:
    print(e)
try:
    f.format("{} {0}", 1)
except ValueError as e:
    print(e)
