# Tests bytearray-specific methods and behaviours: in-place ops, methods returning bytearray, resizing during slices, comparisons with bytes.

ba = bytearray(b"Hello World")
print(ba.upper(), ba.lower(), ba.split(), ba.replace(b"l", b"L"), type(ba.upper()).__name__, type(ba.split()[0]).__name__)
print(ba.find(b"o"), ba.count(b"l"), ba.startswith(b"Hell"), ba.endswith(bytearray(b"ld")), ba.index(b"W"), b"W" in ba, 87 in ba)
print(ba.strip(b"Hd"), ba.center(15, b"*"), ba.zfill(13), ba.partition(b" "), ba.title(), ba.swapcase())
ba2 = bytearray(b"abc")
ba2.extend(b"def")
ba2[0:0] = b"<"
ba2.append(ord(">"))
print(ba2, len(ba2))
ba2[1:4] = b""
print(ba2)
ba2[:] = ba2[::-1]
print(ba2)
ba3 = bytearray(10)
ba3[2:5] = b"\x01\x02\x03"
ba3[-1] = 255
print(ba3, ba3.count(0), bytes(ba3) == ba3)
ba4 = bytearray(b"x")
ba4 *= 3
ba4 += bytearray(b"yz")
print(ba4, ba4 * 2, 2 * ba4, ba4 + b"!", b"!" + ba4)
print(bytearray(b"abc") == b"abc", bytearray(b"abc") != "abc", bytearray(b"b") > b"a", bytearray() == bytearray(b""), bytearray(b"a") in [b"a"])
ba5 = bytearray(b"remove every e")
while ord("e") in ba5:
    ba5.remove(ord("e"))
print(ba5)
ba6 = bytearray(range(10))
del ba6[1:9:2]
print(ba6, ba6.pop(), ba6.pop(0), ba6)
ba6.insert(1, 100)
ba6.reverse()
print(ba6, ba6.hex(), ba6.decode("latin-1"))
print(bytearray(b"a,b,,c").split(b","), bytearray(b"line1\nline2").splitlines(), bytearray(b"  pad  ").lstrip(), bytearray(b"x").join([b"1", b"2"]))
m = bytearray(b"mutable")
alias = m
m += b"!"
print(alias, alias is m)
print(bytearray(b"\x00\xff").isalnum(), bytearray(b"ABC").isupper(), bytearray(b"a1").isalnum(), bytearray(b"").isspace())
print(list(bytearray(b"hi")), [bytes([c]) for c in bytearray(b"hi")], bytearray(b"hi")[0], bytearray(b"hi")[-1:])
print(bytearray(b"abc").translate(None, b"b"), bytearray(b"abc").translate(bytes.maketrans(b"a", b"A")), bytearray(b"abc").removeprefix(b"a"))
