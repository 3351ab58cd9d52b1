# Tests str.format: auto/manual numbering, keyword and attribute/index fields, conversions, nested specs, errors, format_map.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

print("{} {} {}".format(1, "a", [2]), "{0} {1} {0}".format("x", "y"), "{a}-{b}".format(a=1, b=2), "{0}{k}".format(5, k=6))
print("{{}} {{{}}} }}{{".format(7), "{!r} {!s} {!a}".format("é", "é", "é"))
print("{0[0]} {0[1][1]} {1[key]} {1[key]!r}".format([1, [2, 3]], {"key": "v"}))
print("{0.real} {0.imag} {1.__name__}".format(3 + 4j, int), "{x[0]}{x[-1]}".format(x="ab") if False else "{x[0]}".format(x="ab"))
print("{0[-1]}".format({"-1": "strkey"}), "{0[1]}".format({1: "int"}) if False else "{0[1]}".format(["a", "b"]))
print("{:>{w}}|{:^{w}.{p}f}|".format("r", 3.14159, w=8, p=2), "{0:{1}{2}}".format(42, ">", 6))
print("{:*^11}".format("mid"), "{0:>5}{0:<5}|".format("ab"), "{:=+8}".format(-42), "{:08.3f}".format(-3.14159))
print("{:,}".format(1234567), "{:_}".format(1234567), "{:_x}".format(0xdeadbeef), "{:,.2f}".format(-9876543.21))
print("{:b} {:o} {:x} {:X} {:#b} {:#o} {:#x} {:c} {:d} {:n}".format(10, 10, 255, 255, 10, 10, 255, 97, 7, 1234))
print("{:e} {:.2%} {:g} {:.3}".format(12345.6789, 0.1234, 1e-7, 3.14159))
print("{:10}|{:<10}|{:10}|{:>3}|".format("s", 5, 1.5, "long string"))
show("auto then manual", lambda: "{} {0}".format(1))
show("manual then auto", lambda: "{0} {}".format(1))
show("index error", lambda: "{2}".format(1, 2))
show("key error", lambda: "{x}".format(y=1))
show("attr error", lambda: "{0.nope}".format(1))
show("bad conversion", lambda: "{!x}".format(1))
show("single }", lambda: "a}b".format())
show("single {", lambda: "a{b".format())
show("unmatched", lambda: "{0".format(1))
show("bad spec", lambda: "{:d}".format("s"))
show("bad spec2", lambda: "{:s}".format(5))
show("nested too deep", lambda: "{:{:{}}}".format(1, 2, 3))
show("empty attr", lambda: "{0.}".format(1))
show("empty index", lambda: "{0[]}".format([1]))
show("missing ]", lambda: "{0[0}".format([1]))
show("list index str", lambda: "{0[a]}".format([1]))
show("conversion no char", lambda: "{!}".format(1))
show("too few", lambda: "{} {}".format(1))
print("{0[0]}".format("xyz"), "{0[ 0]}".format({" 0": "sp"}), "{0[0x1]}".format({"0x1": "hex"}))
print("{:}".format(5), "{0!s:>4}".format(1.0), "{!r:^9}".format("q"))
print("{}".format(None), "{:>6}".format(None) if False else "{!s:>6}".format(None))
show("None spec", lambda: "{:>6}".format(None))
print("{a}{b}".format_map({"a": 1, "b": 2}))

class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"

print("{name} is {age}".format_map(Default(name="Bo")))
show("format_map list", lambda: "{0}".format_map([1]))
print("{0:{fill}{align}{width}}".format("z", fill="-", align="^", width=5))
print("{:%Y}".format(type("D", (), {"__format__": lambda self, spec: "D(" + spec + ")"})()))
print("{0}{0}{0}".format("ab"), "{}".format("{}"), "{{{0}}}".format("x"))
