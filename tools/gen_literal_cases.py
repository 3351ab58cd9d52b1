#!/usr/bin/python3.11
# tools/gen_literal_cases.py: writes tests/unit/literal_cases.h, the expected
# values of tests/unit/test_literal.c, asking python3.11 (the oracle) for every
# one of them: decoded numbers and strings, error messages and places, reprs.
# Usage: /usr/bin/python3.11 tools/gen_literal_cases.py > tests/unit/literal_cases.h
import math
import random
import struct
import sys
import warnings

assert sys.version_info[:2] == (3, 11), "run with python3.11, the oracle"
warnings.simplefilter("ignore")  # invalid escapes only warn in 3.11

INT64 = 1 << 63


def c_str(data):
    """A C string literal holding the bytes (or UTF-8 text) 'data'."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    out = []
    for b in data:
        ch = chr(b)
        if ch in '"\\?':
            out.append("\\" + ch)
        elif 0x20 <= b < 0x7F:
            out.append(ch)
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def c_len(data):
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return len(data)


def bits(x):
    return "0x%016xu" % struct.unpack("<Q", struct.pack("<d", x))[0]


# --- numbers --------------------------------------------------------------

NUMBERS = [
    "0", "00", "0_0", "000_000", "1", "7", "10", "1_000", "123_456_789",
    "9223372036854775807", "9223372036854775808", "9_223_372_036_854_775_808",
    "18446744073709551615", "18446744073709551616",
    "123456789012345678901234567890", "1" + "0" * 4299, "9" * 4300,
    "0x0", "0x_1", "0X_dead_BEEF", "0xff", "0x7fffffffffffffff", "0x8000000000000000",
    "0xffffffffffffffff", "0x1_0000_0000_0000_0000", "0xffffffffffffffffffffffff",
    "0x" + "f" * 200, "0x1" + "0" * 300, "0x" + "a5" * 3000,
    "0o0", "0o_7", "0O777", "0o777777777777777777777", "0o1000000000000000000000",
    "0o7" + "7" * 100, "0b0", "0b_1", "0B1010", "0b" + "1" * 63, "0b1" + "0" * 63,
    "0b" + "1" * 64, "0b" + "10" * 200,
    "0.0", "0.", ".0", "1.", ".5", "1.5", "1_000.5", "1_000.5e-1_0", "3.14159",
    "1e10", "1E10", "1e+10", "1e-10", "1e22", "1e23", "1e308", "1.7976931348623157e308",
    "1.7976931348623159e308", "1e309", "1e500", "1e-400", "5e-324", "2e-324", "3e-324",
    "2.2250738585072014e-308", "2.2250738585072011e-308", "4.9406564584124654e-324",
    "0.1", "0.2", "0.3", "123456789012345678.0", "1" + "0" * 400 + ".0",
    "0." + "0" * 400 + "1", "00.5", "0777.5", "0777e1", "1_2.3_4e5_6",
    "9007199254740993.0", "9007199254740992.5", "0.30000000000000004",
    "1j", "0j", "0J", "10j", "1.5j", "1e300j", "1e999j", "1_000.5e-1_0j", "0777j",
    ".5j", "5.j", "1E-5J", "1" * 5000 + "j", "1" * 5000 + ".0",
]

DIGITS_ERROR_NUMBERS = ["1" * 4301, "1_" * 4300 + "1", "9" * 5000, "1" + "0" * 10000]


def number_row(text):
    sys.set_int_max_str_digits(0)  # so huge hex literals can be written in decimal
    try:
        return number_row_unlimited(text)
    finally:
        sys.set_int_max_str_digits(4300)


def number_row_unlimited(text):
    v = eval(text)
    if isinstance(v, int):
        if v < INT64:
            return '{%s, KCONST_INT, %dLL, NULL, 0, %s}' % (c_str(text), v, c_str(repr(v)))
        return '{%s, KCONST_BIGINT, 0, %s, 0, %s}' % (c_str(text), c_str(str(v)),
                                                      c_str(repr(v)))
    if isinstance(v, float):
        return '{%s, KCONST_FLOAT, 0, NULL, %s, %s}' % (c_str(text), bits(v), c_str(repr(v)))
    assert isinstance(v, complex) and v.real == 0.0
    return '{%s, KCONST_COMPLEX, 0, NULL, %s, %s}' % (c_str(text), bits(v.imag), c_str(repr(v)))


def number_error_row(text):
    try:
        compile(text, "f", "eval")
    except SyntaxError as e:
        assert e.lineno == 1 and e.offset == 0, (e.lineno, e.offset)
        return "{%s, %s}" % (c_str(text), c_str(e.msg))
    raise AssertionError(text)


def random_number_texts(rng):
    out = []
    for _ in range(300):
        # Decimal floats in every notation, most with a few digits.
        mant = str(rng.randrange(1, 10 ** rng.randrange(1, 20)))
        point = rng.randrange(len(mant) + 1)
        text = mant[:point] + "." + mant[point:]
        if rng.random() < 0.5:
            text += "e%d" % rng.randrange(-330, 310)
        out.append(text)
    for _ in range(300):
        x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        if math.isfinite(x):
            out.append(repr(abs(x)))
    for _ in range(200):
        n = rng.getrandbits(rng.randrange(1, 200))
        out.append(rng.choice(["%d" % n, "0x%x" % n, "0o%o" % n, "0b%s" % bin(n)[2:]]))
    for k in range(len(out) - 100, len(out)):
        out[k] = add_underscores(rng, out[k])
    return out


def add_underscores(rng, text):
    """Puts single underscores between some digits (never after a base letter
    with another underscore, never at either end)."""
    out = text[0]
    for i in range(1, len(text)):
        prev, ch = text[i - 1], text[i]
        base_letter = i <= 2 and text[:2].lower() in ("0x", "0o", "0b")
        if prev.isalnum() and ch.isalnum() and not base_letter and rng.random() < 0.3:
            out += "_"
        out += ch
    return out


# --- strings --------------------------------------------------------------

STRINGS = [
    "''", '""', "''''''", '""""""', "'abc'", '"abc"', "'a\"b'", '"a\'b"',
    "'''a'b\"c\nd'''", '"""x\ny"""', "'é'", "'日本語'", "'😀'", "'\U000e0001'",
    r"'\\'", r"'\''", r"'\"'", r"'\a\b\f\n\r\t\v'", r"'\0'", r"'\7'", r"'\07'", r"'\007'",
    r"'\0000'", r"'\101\102'", r"'\377'", r"'\400'", r"'\777'", r"'\8'", r"'\9'",
    r"'\x00'", r"'\x41\x7f\x80\xff'", r"'\xAb'", r"'\u0041'", r"'\u00e9'", r"'\uFFFF'",
    r"'\ud800'", r"'\udfff'", r"'\ud83d\ude00'", r"'\U00000041'", r"'\U0001F600'",
    r"'\U0010FFFF'", r"'\N{LATIN SMALL LETTER A}'", r"'\N{latin small letter a}'",
    r"'\N{NUL}'", r"'\N{GREEK SMALL LETTER ALPHA}\N{EM DASH}'", r"'\N{GRINNING FACE}'",
    r"'\N{CJK UNIFIED IDEOGRAPH-4E00}'", r"'\N{HANGUL SYLLABLE GA}'",
    r"'\q'", r"'\é'", r"'\\é'", r"'\\\é'", r"'\z\y\Z'", r"'a\
b'", "'''a\\\nb'''", r"'\
'", r"'x\ny'", r"'\{'",
    r"r'\n'", r"R'\x'", r"r'\N{foo}'", r"r'\\'", r"r'\''", r"r'é\u'", r"rb'\x'",
    r"Rb'\n'", r"bR'\777'", r"BR'a'", r"u'\u0041'", r"U'x'",
    r"b''", r"b'abc'", r"B'\x00\xff\xFe'", r"b'\0\7\77\377\400\777'", r"b'\u0041'",
    r"b'\U00000041'", r"b'\N{LATIN SMALL LETTER A}'", r"b'\q\z'", r"b'\a\b\f\n\r\t\v'",
    r"b'\\\'\"'", "b'''a\\\nb\nc'''", r"b'\8'", "b'\"'", "b\"'\"",
    "'\x7f\x01\x1f'", "'\t\x0b\x0c'", "' \u00a0\u00ad\u2028\u3000'",
]

STRING_ERRORS = [
    r"'\x1'", r"'abc\x1'", r"'ab\xZZ'", r"'\x'", r"'\xg'", r"'\x0g'", r"'\xé'",
    r"'ab\u12'", r"'\u'", r"'\u00g'", r"'ab\U1234'", r"'\U'", r"'ab\U00110000'",
    r"'\Uffffffff'", r"'\U0011ffff'", r"'ab\N{foo}'", r"'ab\N{'", r"'ab\N'",
    r"'ab\Nx'", r"'ab\N{}'", r"'ab\N{LATIN SMALL LETTER A'",
    r"'\N{LATIN SMALL LETTER A}\N{}'", r"'é\x1'", r"'\é\x1'", r"'éé\N{xx}'",
    r"'\N{é}'", r"'\N{\é}'", r"'\\\é\u1'", r"'😀\U0001'", r"u'\x1'", r"'''\x1'''",
    "'ab\\\n\\x1'", "'''ab\n\\x1'''", "'''ab\nc\\x1'''", "'''ab\ncd\n\\N{x}'''",
    r"b'ab\x1'", r"b'\x1'", r"b'\xzz'", r"b'\x'", r"b'ab\x'", r"b'\\\x1'",
    "b'é'", "b'aé'", "rb'é'", "b'''a\nbc\\x'''", "b'\\xé'",
]


STRING_PIECES = [
    "a", "Z", " ", "0", "7", "8", "f", "G", "{", "}", "x", "u", "U", "N", "é", "日", "😀",
    "\\", "\\", "\\", "\\x", "\\u", "\\U", "\\N{", "\\N", "\\'", "\\\n", "\\0",
    "\\377", "\\400", "41", "e9", "0001f600", "d800", "LATIN SMALL LETTER A}", "NUL}",
    "GRINNING FACE}", "\\t", "\\q",
]


def random_string_texts(rng):
    """Random bodies made of escape fragments: some decode, many fail; each
    one goes to the table it belongs to."""
    ok, errors = [], []
    for k in range(600):
        is_bytes = k % 3 == 0
        body = "".join(rng.choice(STRING_PIECES) for _ in range(rng.randrange(1, 8)))
        if is_bytes and rng.random() < 0.9:
            body = body.encode("ascii", "replace").decode().replace("?", "q")
        trailing = len(body) - len(body.rstrip("\\"))
        if trailing % 2:
            body += "a"
        text = ("b'" if is_bytes else "'") + body + "'"
        try:
            compile("x = " + text, "f", "exec")
            ok.append(text)
        except SyntaxError as e:
            if not e.msg.startswith(("(unicode error)", "(value error)", "bytes can only")):
                continue  # a tokenizer error: the pieces left a newline unescaped
            if "\n" in text and not text.isascii():
                continue  # see string_error_row
            errors.append(text)
    return ok, errors


def string_row(text):
    v = eval(text)
    kind = "KCONST_BYTES" if isinstance(v, bytes) else "KCONST_STR"
    return "{%s, %d, %s, %s, %d, %s}" % (c_str(text), c_len(text), kind, c_str(v), c_len(v),
                                         c_str(repr(v)))


def string_error_row(text):
    """CPython reports these at the token after the string: with 'x = ' before
    and a NEWLINE after, that is where the STRING token ends."""
    src = "x = " + text
    try:
        compile(src, "f", "exec")
    except SyntaxError as e:
        lines = src.split("\n")
        line = lines[e.lineno - 1]
        if len(lines) > 1:
            # CPython turns byte columns into characters on the wrong line
            # for multi-line tokens; keep those cases ASCII.
            assert line.isascii() and lines[0].isascii(), text
        col = len(line[:e.offset - 1].encode())
        assert col == len(line.encode()), (text, col)  # the NEWLINE token
        return "{%s, %d, %s, %d, %d}" % (c_str(text), c_len(text), c_str(e.msg), e.lineno, col)
    raise AssertionError(text)


# --- reprs ----------------------------------------------------------------

FLOATS = [
    0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3, 1e22, 1e23, 1e16, 1e15,
    9999999999999998.0, 1e16 - 2, 12345678901234567.0, 123456789012345678.0, 1e-4, 1e-5,
    0.0001234, 0.00001234, 1.5e-5, 5e-324, 1e-323, 2.2250738585072014e-308,
    2.225073858507201e-308, 1.7976931348623157e308, math.inf, -math.inf, math.nan,
    -math.nan, math.pi, math.e, 100.0, 1e100, 1e300, 1.5, 2.5, 1234.5678, 9.5367431640625e-07,
    2.0 ** 63, 2.0 ** 64, 2.0 ** -1074, 2.0 ** 1023, 2.0 ** -1022, 0.5, 4.35, 0.07,
    5e-5, 123.0, 1e17, 9007199254740993.0, 1e21, 1.0000000000000002, 0.9999999999999999,
]

COMPLEX = [
    (0.0, 2.0), (0.0, 0.0), (0.0, -0.0), (-0.0, 1.0), (-0.0, -1.0), (0.0, 1e300),
    (0.0, math.inf), (0.0, math.nan), (1.0, math.nan), (math.inf, -math.inf), (2.5, 1e-5),
    (1.0, 2.0), (-1.5, -0.1), (1e16, 1e16), (math.nan, 0.0), (0.0, 1e-5), (3.0, 0.0),
    (-0.0, 0.0), (0.0, 1.5e300), (0.0, 5e-324),
]

STR_VALUES = [
    "", "a", "'", '"', "'\"", "a'b", 'a"b', "\\", "\t\n\r", "\x00\x01\x1f\x7f",
    "\x80\x9f\xa0\xad\xff", "é日本😀", "\u2028\u2029\u3000\ufeff", "\ud800\udfff",
    "\U000e0001\U0010ffff\U000f0000", "\u0378\u0530", "'\\'", "x" * 100, "\u00a0 \u1680",
]

BYTES_VALUES = [
    b"", b"a", b"'", b'"', b"'\"", b"\\", b"\t\n\r", bytes(range(256)), b"a'b", b'a"b',
]


def float_repr_rows(rng):
    values = list(FLOATS)
    for _ in range(2000):
        x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        if not math.isnan(x):
            values.append(x)
    for _ in range(1000):
        values.append(round(rng.uniform(-1e6, 1e6), rng.randrange(0, 8)))
    for e in range(-1074, 1024, 7):
        values.append(2.0 ** e)
        values.append(math.nextafter(2.0 ** e, 0.0))
    for e in range(-330, 309):
        values.append(float("1e%d" % e))
    return ["{%s, %s}" % (bits(x), c_str(repr(x))) for x in values]


def str_repr_rows(rng):
    values = list(STR_VALUES)
    for start in range(0, 0x3400, 0x40):
        values.append("".join(chr(c) for c in range(start, start + 0x40)))
    for _ in range(200):
        values.append("".join(chr(rng.randrange(0x110000)) for _ in range(16)))
    rows = ["{0, %s, %d, %s}" % (c_str(v), c_len(v), c_str(repr(v))) for v in values]
    rows += ["{1, %s, %d, %s}" % (c_str(v), len(v), c_str(repr(v))) for v in BYTES_VALUES]
    return rows


def table(name, ctype, rows):
    print("static const %s %s[] = {" % (ctype, name))
    for r in rows:
        print("    %s," % r)
    print("};")
    print()


def main():
    rng = random.Random(3110)
    print("// Generated by tools/gen_literal_cases.py from python3.11; do not edit.")
    print("// clang-format off")
    print()
    numbers = NUMBERS + random_number_texts(rng)
    table("number_cases", "NumberCase", [number_row(t) for t in numbers])
    table("number_errors", "NumberError", [number_error_row(t) for t in DIGITS_ERROR_NUMBERS])
    ok, errors = random_string_texts(rng)
    table("string_cases", "StringCase", [string_row(t) for t in STRINGS + ok])
    table("string_errors", "StringError", [string_error_row(t) for t in STRING_ERRORS + errors])
    table("float_reprs", "FloatRepr", float_repr_rows(rng))
    table("complex_reprs", "ComplexRepr",
          ["{%s, %s, %s}" % (bits(r), bits(i), c_str(repr(complex(r, i)))) for r, i in COMPLEX])
    table("str_reprs", "StrRepr", str_repr_rows(rng))


main()
