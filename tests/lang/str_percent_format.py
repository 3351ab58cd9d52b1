# Tests printf-style % formatting of str: every conversion, flags, width/precision, '*', mapping keys, errors.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

print("%s|%r|%a" % ("é", "é", "é"))
print("%d %i %u" % (42, -42, 7), "%d" % 3.99, "%d" % True, "%i" % -0.5)
print("%o %x %X %#o %#x %#X" % (255, 255, 255, 255, 255, 255), "%x" % -255, "%#x" % -255)
print("%e %E %f %F %g %G" % (1234.5, 1234.5, 1234.5, 1234.5, 1234.5, 0.00001234))
print("%c%c%c" % ("a", 98, 0x1d11e))
print("%%", "100%%" % (), "%s%%" % 5)
for spec in ["%5d", "%-5d|", "%05d", "%+d", "% d", "%+05d", "%-+5d|", "%.3d", "%8.3d", "%-8.3d|", "%#5x", "%#05x", "%-#8o|"]:
    print(spec, repr(spec % 42), repr(spec % -42))
for spec in ["%10.3f", "%-10.3f|", "%010.3f", "%+.2e", "% .1f", "%.0f", "%#.0f", "%.10g", "%#g", "%-12g|", "%012.4e"]:
    print(spec, repr(spec % 3.14159), repr(spec % -0.000271828))
print("%.2s|%5s|%-5s|%5.1s|" % ("abcdef", "ab", "ab", "xyz"))
print("%*d|%-*d|%.*f|%*.*f" % (6, 42, 6, 42, 2, 3.14159, 10, 3, 2.71828))
print("%(name)s is %(age)d; %(name)r" % {"name": "Al", "age": 30})
print("%(a)s %(a)s" % {"a": 1}, "%(x)5.1f|" % {"x": 2.25})
print("%s" % (1,), "%s" % [1, 2], "%s" % ((1, 2),), "%s %s" % (1, 2))
print("%r" % "it's", "%r" % 'say "hi"', "%a" % "∑", "%s" % None)
print("%x" % 2 ** 70, "%d" % -(2 ** 70), "%o" % 8 ** 30)
show("too few", lambda: "%s %s" % (1,))
show("too many", lambda: "%s" % (1, 2))
show("not all converted", lambda: "hi" % 5)
show("bad char", lambda: "%y" % 5)
show("incomplete", lambda: "abc %" % ())
show("%d str", lambda: "%d" % "5")
show("%x float", lambda: "%x" % 1.5)
show("%c big", lambda: "%c" % 0x110000)
show("%c str2", lambda: "%c" % "ab")
show("%f str", lambda: "%f" % "1.5")
show("mapping needed", lambda: "%(a)s" % 5)
show("missing key", lambda: "%(b)s" % {"a": 1})
show("* non-int", lambda: "%*d" % ("a", 1))
show("mixed mapping", lambda: "%(a)s %s" % {"a": 1})
print("%s" % {"k": "v"}, "no args" % (), "%s" % "%s", "%%s" % ())
show("%5%", lambda: "%5%|" % ())
show("%5% arg", lambda: "%5%|" % (1,))

class Idx:
    def __index__(self):
        return 65

class Flt:
    def __float__(self):
        return 1.25

class IntOnly:
    def __int__(self):
        return 9

print("%x %c" % (Idx(), Idx()), "%d" % Idx(), "%f" % Flt())
show("%d IntOnly", lambda: "%d" % IntOnly())
show("%x IntOnly", lambda: "%x" % IntOnly())
print(b"%s %d %x %c %r" % (b"ab", 5, 255, 65, b"q"), b"%5s|%-4b|" % (b"x", b"yz"), b"%a" % "é")
show("bytes %s str", lambda: b"%s" % "a")
print(bytearray(b"%d-%d") % (1, 2))
