# Tests bytes methods: find/count/split/strip/replace/join/partition, case and predicates, centering, startswith.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

b = b"  Hello, World! 123  "
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" 1-3"), b.upper(), b.lower(), b.swapcase(), b.title(), b.capitalize())
print(b.split(), b.split(b","), b.split(b"l", 1), b.rsplit(b"l", 1), b"a\nb\r\nc".splitlines(), b"a\nb".splitlines(True))
print(b.find(b"o"), b.rfind(b"o"), b.find(111), b.count(b"l"), b.count(108), b.index(b"W"), b.rindex(b"l"), b.find(b"zz"))
print(b.replace(b"l", b"L"), b.replace(b"l", b"", 2), b"-".join([b"a", b"b", bytearray(b"c")]), b"".join([]))
print(b"k=v".partition(b"="), b"a=b=c".rpartition(b"="), b"x".partition(b"y"))
print(b.startswith(b"  H"), b.endswith((b"x", b"  ")), b.strip().startswith(b"World", 7))
print(b"abc".center(9, b"*"), b"abc".ljust(6), b"abc".rjust(6, b"0"), b"42".zfill(5), b"-42".zfill(5), b"a\tb".expandtabs(4))
print(b"abc".isalpha(), b"abc1".isalnum(), b"123".isdigit(), b" \t".isspace(), b"ABC".isupper(), b"abc".islower(), b"Ab Cd".istitle(), b"\x80".isascii(), b"".isalpha())
print(b"\xe9".upper(), b"\xc9".lower(), b"\xe9".isalpha(), b"pre_x".removeprefix(b"pre_"), b"x.py".removesuffix(b".py"))
show("join str", lambda: b",".join(["a"]))
show("join int", lambda: b",".join([1]))
show("find str", lambda: b"abc".find("a"))
show("find 256", lambda: b"abc".find(256))
show("split empty", lambda: b"abc".split(b""))
show("replace str", lambda: b"abc".replace("a", "b"))
show("center fill str", lambda: b"abc".center(9, "*"))
show("index missing", lambda: b"abc".index(b"z"))
show("strip str", lambda: b"abc".strip("a"))
print(b"a,b,,c".split(b",", maxsplit=2), b"  a  b ".split(None, 1), b"abc".split(bytearray(b"b")))
print(b"AbC".translate(None), b"hello".count(b""), b"".split(), b" ".split(b" "))
print(b"ab".join([b"1", b"2"]), bytes.join(b"+", (b"x", b"y")), b"abc"[1:2].hex())
print(b"%d%%" % 5, b"x" * 0, b"tab\there".expandtabs())
