# binascii: base64 both ways (padding rules, skipped characters, 3.11's
# strict mode and its errors), hex with separators, uuencode lines with and
# without backticks, crc32 and crc_hqx with running values, ASCII str
# accepted by the a2b_ functions only.
import binascii as b

def attempt(f, *a, **k):
    try:
        return f(*a, **k)
    except Exception as e:
        return f"{type(e).__name__}: {e}"

samples = [b"", b"a", b"ab", b"abc", b"abcd", bytes(range(50)), bytearray(b"xyz"), memoryview(b"mv!")]
for d in samples:
    enc = b.b2a_base64(d)
    print(bytes(d)[:8], enc, b.b2a_base64(d, newline=False) == enc[:-1], b.a2b_base64(enc) == bytes(d))
    print("   ", b.hexlify(d)[:20], b.crc32(d), b.crc_hqx(d, 0), b.b2a_uu(d[:45])[:20], b.b2a_uu(d[:45], backtick=True)[:8])
print(attempt(b.b2a_base64, "text"), attempt(b.hexlify, "text"), attempt(b.crc32, "t"))

for s in [b"YQ==", b"YWJj", b"YWJjZA", b"YWJjZA=", b"YWJjZA==", b"Y", b"YW=Jj", b"=YWJj",
          b"YW Jj\n", b"YWJj====", "YWJj", "YWJ\u00e9", b"YQ==YQ==", b"YWJ!j", b"YQ===", b"YQ=a",
          b"Y W J j Z A", b"YWJjZ", b"YWJjZA=x", b"", b"===="]:
    print(repr(s), attempt(b.a2b_base64, s), attempt(b.a2b_base64, s, strict_mode=True))
print(attempt(b.a2b_base64, 7), attempt(b.a2b_base64, [1]))

for s in [b"", b"0a", b"0A1b", b"abc", b"zz", "ff", "\u00e9e", 5, bytearray(b"CAFE")]:
    print(repr(s), attempt(b.unhexlify, s), attempt(b.a2b_hex, s))
print(b.hexlify(b"abcdef", "-"), b.hexlify(b"abcdef", b":", 2), b.b2a_hex(b"abcdef", "-", -2))
print(attempt(b.hexlify, b"ab", "--"), attempt(b.hexlify, b"ab", 3))

print(b.crc32(b"hello", 12345), b.crc32(b"hello", -1), b.crc32(b"hello", 2**40))
print(b.crc32(b"world", b.crc32(b"hello ")) == b.crc32(b"hello world"))
print(b.crc_hqx(b"123456789", 0xffff), b.crc_hqx(b"x", -1), b.crc_hqx(b"", 0x12345))
print(attempt(b.crc32, b"x", 1.5), attempt(b.crc_hqx, b"x"))

for s in [b"", b"!86)C\n", b"#86)C\n", b"#86)C   \n", b"#86)Cxx\n", b"#86\x01C\n", b" \n",
          b"`\n", b"%86)C86\n", "#86)C\n", b"#86)C```\n"]:
    print(repr(s), attempt(b.a2b_uu, s))
line = b.b2a_uu(b"The quick brown fox jumps over the lazy dog!!")
print(attempt(b.b2a_uu, b"x" * 46), line, b.a2b_uu(line))

print(b.Error.__mro__[1].__name__, b.Incomplete.__mro__[1].__name__, b.Error.__module__)
try:
    b.unhexlify(b"1")
except ValueError as e:
    print("ValueError", type(e).__name__, e)
