# Tests bytes split/strip/partition edge cases: whitespace definition for bytes, maxsplit, empty separators, non-ASCII bytes, splitlines rules for bytes.

ws = b" \t\n\r\x0b\x0cX\x1c\x1d\x1e\x1f\x85\xa0Y "
print(ws.split(), ws.strip(), ws.lstrip(), ws.rstrip(), len(ws.strip()))
print(b"a b  c".split(b" "), b"a b  c".split(), b"a b  c".split(None, 1), b"a b  c".rsplit(None, 1), b"".split(), b"".split(b","))
print(b"a,b,c".split(b",", 0), b"a,b,c".split(b",", 1), b"a,b,c".rsplit(b",", 1), b",a,".split(b","))
for sep in [b"", bytearray()]:
    try:
        b"abc".split(sep)
    except ValueError as e:
        print(type(e).__name__, e)
print(b"line1\nline2\r\nline3\rline4\x0bnotbreak\x0cnotbreak\x1cnotbreak\x85notbreak".splitlines())
print(b"a\r\n\r\nb\n".splitlines(True), b"".splitlines(), b"\n".splitlines(), b"x".splitlines(keepends=True))
print(b"key=value=more".partition(b"="), b"key=value=more".rpartition(b"="), b"novalue".partition(b"="), b"novalue".rpartition(b"="))
print(b"\xff\xfeabc\xfe\xff".strip(b"\xff\xfe"), b"xxhixx".strip(b"x"), b"hi".strip(b""), b"aaa".strip(b"a"))
print(b"Hello World".swapcase(), b"\xe9t\xe9".upper(), b"MiXeD 123".lower(), b"hello world".title(), b"hELLO".capitalize())
print(b"abc".center(8, b"-"), b"abc".ljust(2), b"12".zfill(5), b"-12".zfill(5), b"+".zfill(3), b"a\tb\tc".expandtabs(3))
print(b"abcabc".count(b"bc"), b"abcabc".count(b""), b"abcabc".find(b"c", 3), b"abcabc".rfind(b"a", 0, 3), b"abc".index(98))
print(b"one two".split(maxsplit=1), b"one two three".rsplit(maxsplit=1), b"a||b".split(b"|"), b"a||b".split(b"||"))
print(bytearray(b" x y ").split(), bytearray(b"a-b").partition(b"-"), type(bytearray(b"a-b").partition(b"-")[0]).__name__)
print(b"%b" % b"x" in b"xyz", b"x" * 3 in b"xxxx", b"\x00" in b"a\x00b", bytes(3).split(b"\x00"))
