#!/usr/bin/python3.11
# tools/gen_token_cases.py: writes tests/unit/token_cases.h, the expected
# tokens and lexical errors that tests/unit/test_tokenizer.c checks, all taken
# from python3.11 itself:
# - token cases: positions and texts from the tokenize module, turned into
#   what CPython's C tokenizer (the one compile() uses) reports where the two
#   differ: no COMMENT/NL, NEWLINE from the comment before the line break to
#   the line break, DEDENT/ENDMARKER at EOF at the end of the last line,
#   names NFKC-normalised, byte columns;
# - error cases: the SyntaxError attributes of compile(), columns converted
#   from 1-based character offsets to 0-based byte columns.
# Run: /usr/bin/python3.11 tools/gen_token_cases.py > tests/unit/token_cases.h
import io
import re
import keyword
import sys
import token
import tokenize
import unicodedata
import warnings

TOKEN_SOURCES = [
    # indentation
    "if x:\n    y\n    z\nw\n",
    "if x:\n    if y:\n        z\n\n    # c\n  # d\n    w\nv\n",
    "if x:\n\tif y:\n\t\tz\n\tw\n",
    "if x:\n    y\n",
    "if x:\n    y",
    "if x:\n    if y:\n        z",
    "if x:\n    y # c",
    "if x:\n    y\n# c",
    "if x:\n    y\n    \n",
    "\n\n  # c\nx\n",
    "if 1:\n\x0c  y\n",
    "if 1:\n  y\n\x0c  z\n",
    "if x:\n  \\\n    y\n",
    "def f():\n    pass\n\n\n\nclass C:\n    def g(self):\n        return 1\n",
    "x = 1\r\ny = 2\r\n",
    "if x:\r\n    y\r\n",
    "",
    "\n",
    "# only a comment",
    "x",
    "x\n\n\n",
    # continuation lines and implicit joining
    "x = 1 + \\\n    2\n",
    "x = (1 +\n     2)\n",
    "x = [1,\n# c\n\n     2]\n",
    "x = {1: 2, # c\n     3: 4}\n",
    "f(a,\n  b)(c\n)\n",
    "x = 1 \\\n\n",
    "x = (\\\n1)\n",
    # numbers
    "1 12 1_000 0 00 0_0 0x1f 0XAB_CD 0o17 0O1_7 0b101 0B1_0\n",
    "1.5 1. .5 1e10 1E-5 1e+5 1.5e3 1_0.0_1e-1_0 0.0 00.5 012e3\n",
    "1j 1.5J .5j 1e5j 0j 00j 012j 1_0j\n",
    "1if x else y\n",
    "[0x1for x in y]\n",
    "1or 2\n",
    "x = 1in y\n",
    "1not in y\n",
    "1is 2\n",
    "1and 2\n",
    "1else\n",
    "0b1or 1\n",
    "1jif 1 else 2\n",
    "1 .__class__\n",
    "1..real\n",
    "x.y...z\n",
    # strings
    "'a' \"b\" '''c''' \"\"\"d\"\"\"\n",
    "b'x' B'x' r'x' R'x' u'x' U'x' f'x' F'x'\n",
    "rb'x' Rb'x' rB'x' RB'x' br'x' Br'x' bR'x' BR'x'\n",
    "fr'x' Fr'x' fR'x' FR'x' rf'x' Rf'x' rF'x' RF'x'\n",
    "ub'x'\n",
    "ur'x'\n",
    "bu'x'\n",
    "fb'x'\n",
    "'' \"\" '''''' \"\"\"\"\"\"\n",
    "'a\\'b' \"a\\\"b\" 'a\\\\'\n",
    "x = '''a\nb\n  c'''\n",
    "x = \"\"\"a\\\"\"\"b\"\"\" + 1\n",
    "x = 'a\\\nb'\n",
    "x = f'{a!r:>{w}}' f\"{'q'}\"\n",
    "x = '''a''''b'\n",
    "x = \"\"\"a\n\n\"\"\" y\n",
    "x = 'é' + \"日本\"\n",
    "x = '''\r\nab\r\n'''\n",
    # operators
    "a+b-c*d/e%f&g|h^i~j<k>l=m.n,o;p:q@r\n",
    "a==b!=c<=d>=e<<f>>g**h//i->j:=k...\n",
    "a+=1;a-=1;a*=1;a/=1;a%=1;a&=1;a|=1;a^=1;a<<=1;a>>=1;a**=1;a//=1;a@=1\n",
    "a..b\n",
    "a!b\n",
    "a $ b ? c ` d\n",
    "(([{}]))\n",
    # names
    "False None True and as assert async await break class continue def del\n",
    "elif else except finally for from global if import in is lambda nonlocal\n",
    "not or pass raise return try while with yield match case _ print\n",
    "async def f(): await x\n",
    "éa = ñ + _x1 + 日本語\n",
    "ｉｆ = ﬁ + 𝔞𝔟 + \u2160\n",
    "Ω = µ + \u212b\n",
]

# Names the tokenize module gets wrong (it does not know every identifier
# character): the expected NAME tokens come from ast.parse's Name nodes.
NAME_SOURCES = [
    "x\u00b7 = e\u0301 + _\u00b7\u0387 + a\u2160\u2161 + \U0001d4b3\n",
    "x = ℘ + ℮ + ⅈf + ﬃ + ｘ\n",
    "y = \u0101 + \u212a + x\u0661 + \u00aa + \u00b5\n",
]

# (source, class): class says who reports it in CPython: "lexical" (the
# tokenizer raises it), "stream" (pegen raises it when the parser fetches the
# bad token), "unclosed" (EOF inside brackets), "eof" (EOF after a
# backslash) or "stray" (a character that is CPython's OP token).
ERROR_SOURCES = [
    # numbers
    "1abc", "1_000abc", "0x", "0x_", "0xg", "0x1_", "0x1__2", "0o8", "0o18", "0o1_8", "0o",
    "0oa", "0b2", "0b12", "0b", "0b1a", "012", "0_12", "x = 0_7if 1 else 2", "é=012", "1_",
    "1__0", "1.e", "1e", "1e+", "1e-x", "1e+a", "1ex", "1.5_", "1._5", "1_.5", "1e1_", "1jx",
    "1.0j_", "1_j", "0_", "0b1_", "0o7_", "1e_1", "1.__x", "x = 1.__class__", "1andx", "1an",
    "1notx", "0x1and 2", "0x1else 2", "0or 1", "1ee", "1€", "1é", "0b1é", "1.5é", "x = 09",
    "0x1g", "1.5jx", "0_x",
    # strings
    "x = \"abc", "x = 'abc\ny'", "x = '''abc\r\n", "x = '''abc\n", "x = '''abc\r\n\r\n", "x = \"\"\"abc\ny", "x = f\"ab", "é = \"ab", "x = 'ab\\\ncd",
    "x = b'''\n\n", "x = '''a''''", "'''''''", "x = 'a\\", "x = '''\na\\", "$ \"abc",
    "x = (1,\n'abc", "x = rb'\n'",
    # characters
    "a → b", "a€", "€", "a\u200b", "a\x01", "x = \x1b", "x\x7f", "\u00a0x = 1", "x = 1 \u3000",
    "\u00b7 = 1", "x\u309b = 1", "x = \x0b", "a\U0001f600b", "x\u2075 = 1",
    # brackets
    "x = )", "x = (]", "x = (\n]", "[(\n)}", "def f():\n  x\n  )", "}", "(" * 201,
    "[" * 200 + "]" * 200 + "(" * 201,
    # indentation
    "if x:\n\ty\n        z", "if x:\n        y\n\tz", "if x:\n    \ty\n\tz",
    "if x:\n\ty\n    \tz", "if x:\n  y\n z", "if x:\n    y\n\\\n  z",
    "".join(" " * i + "if 1:\n" for i in range(100)) + " " * 100 + "x",
    "if x:\n\tif y:\n\t  z\n        w",
    # continuation lines
    "x = 1\\ y", "x = 1\ny = 2 \\ y", "x = é\\ y", "x = 1 \\ \n 2", "if x:\n  \\y",
    "x = 1\\", "x = 1\\\n", "x = 1 + \\\r", "(\r\n", "x = (\r\n\r\n", "\\", "  \\\n", "if x:\n  y\n\\", "x = \\\n\\\n\\\n", "(\\",
    "x = (1,\\",
    # brackets left open
    "(", "x = (1 2", "foo(\n1 2", "f(x\n\n", "x = [1,\n  {2:\n", "f(\n  x  # c\n",
    # stray characters
    "a $ b", "a ? b", "a ! b", "a ` b", "x = $", "a!b", "$\n(", "(\n$",
    # null bytes
    "x = 1\ny = \"a\0b\"\n", "\0",
]

# Raw bytes for ktok_decode_source: BOM, PEP 263 declarations, bytes that
# are not UTF-8, line breaks.
DECODE_SOURCES = [
    b"x = 1\n", b"\xef\xbb\xbfx = 1\n", b"\xef\xbb\xbf# coding: utf-8\nx = 1\n",
    b"\xef\xbb\xbf# coding: latin-1\nx = 1\n", b"\xef\xbb\xbf# coding: foo\nx = 1\n",
    b"# coding: latin-1\nx = '\xff'\n", b"# -*- coding: Latin_1 -*-\nx = '\xe9'\n",
    b"#!/usr/bin/python\n# vim: set fileencoding=iso-8859-15 :\nx = '\xa4'\n",
    b"x = 1\n# coding: latin-1\ny = '\xff'\n", b"x=1 # coding: latin-1\ny='\xff'\n",
    b"  # coding: cp1252\nx = '\x80'\n", b"# coding=utf8\nx = 1\n", b"# coding: UTF_8\nx = 1\n",
    b"# coding: foo\nx = 1\n", b"#coding:ascii\nx = '\xc3\xa9'\n",
    b"# coding: cp1252\nx = '\x81'\n", b"# coding: koi8-r\nx = '\xf0\xc9'\n",
    b"# coding: euc-jp\nx = '\xa4'\n", b"# coding: shift_jis\nx = '\x82\xa0'\n",
    b"x = '\xff'\n", b"x = 1\ny = '\xc3('\n", b"x = '\xed\xa0\x80'\n", b"# \xff\nx = 1\n",
    b"x = 1 # \xf0\x9f\x98 \xed\xa0\x80\n", b"x\xff = 1\n", b"x = b'\xff'\n",
    b"x = f'\xff'\n", b"x = 1 \xff\n", b'x = """\n\xff"""\n', b"x = 'ab\xe9cd'\n",
    b"x = '\xf0\x9f\x98'\n", b"x = '\xc0\x80'\n", b"x = '\xf4\x90\x80\x80'\n",
    b"a\xc3\xa9\xff = 1\n", b"x = r'\xff'\n", b"x = 'a\\n\xe2\x82 b'\n",
    b'x = 1\r\ny = """a\r\nb\rc"""\r', b"", b"\r", b"x = 1",
    b"# coding: utf8\nx = '\xff'\n", b"# coding: utf8\n# \xf0\x9f\x98\nx = 1\n",
    b"# coding: u8\nx = '\xc3\xa9'\n",
    # a string's bytes are decoded once the parser has the token after its run
    b"x = '\xff' + 1", b"x = '\xff'  'b'\n", b"f('\xff', 1)", b"x = '\xff'   # c\n",
    b"x = ('\xff'\n   )", b"x = 'a' '\xff' 'c' + 2", b"xb'\xed\xa0\x80'", b"\xc3\xa9\xa9",
    b"'\xe2\x82#\xa9\\)\xc3\xa9f'\xa91", b"x = ('\xff',\n# c\n 2)", b"x = '\xff'",
]

STREAM_MESSAGES = (
    "inconsistent use of tabs and spaces in indentation",
    "unindent does not match any outer indentation level",
    "too many levels of indentation",
    "unexpected character after line continuation character",
)

KIND_OF_ERROR = {
    "SyntaxError": "KDIAG_SYNTAX_ERROR",
    "IndentationError": "KDIAG_INDENTATION_ERROR",
    "TabError": "KDIAG_TAB_ERROR",
}


def c_string(data):
    out = []
    escaped = False  # a hex escape must not run on into a hex digit
    for b in data:
        c = chr(b)
        if escaped and c in "0123456789abcdefABCDEF":
            out.append('" "')
        escaped = False
        if c in '"\\':
            out.append("\\" + c)
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif 0x20 <= b < 0x7F:
            out.append(c)
        else:
            out.append("\\x%02x" % b)
            escaped = True
    return '"' + "".join(out) + '"'


def lines_of(src):
    """The source's lines as CPython splits them ('\\r\\n', '\\r', '\\n')."""
    return src.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def byte_col(line, chars):
    return len(line[:chars].encode())


def end_of_text(src):
    """Line and byte column where CPython's tokenizer stands at EOF (its
    translate_newlines turns a final "\\r\\n" into two line breaks)."""
    lines = lines_of(src)
    if len(lines) > 1 and lines[-1] == "" and not src.endswith("\r\n"):
        lines.pop()
    return len(lines), len(lines[-1].encode())


def expected_tokens(src):
    raw = list(tokenize.generate_tokens(io.StringIO(src).readline))
    lines = lines_of(src)
    eof_line, eof_col = end_of_text(src)
    out = []
    for i, t in enumerate(raw):
        if t.type in (tokenize.COMMENT, tokenize.NL):
            continue
        line = lines[t.start[0] - 1] if t.start[0] <= len(lines) else ""
        end_line = lines[t.end[0] - 1] if t.end[0] <= len(lines) else ""
        sl, sc = t.start[0], byte_col(line, t.start[1])
        el, ec = t.end[0], byte_col(end_line, t.end[1])
        text = t.string
        if t.type == tokenize.NEWLINE:
            prev = raw[i - 1]
            el, ec = sl, sc
            if prev.type == tokenize.COMMENT and prev.start[0] == sl:
                sc = byte_col(line, prev.start[1])
            kind, text = "NEWLINE", None
        elif t.type == tokenize.INDENT:
            # From the start of the line of the next token to it: where the
            # C tokenizer stands, also after a backslash in the indentation.
            nxt = raw[i + 1]
            sl = el = nxt.start[0]
            sc, ec = 0, byte_col(lines[sl - 1], nxt.start[1])
            kind, text = "INDENT", None
        elif t.type == tokenize.DEDENT or t.type == tokenize.ENDMARKER:
            kind, text = token.tok_name[t.type], None
            if t.type == tokenize.ENDMARKER or raw[i + 1].type in (tokenize.DEDENT,
                                                                 tokenize.ENDMARKER):
                sl, sc, el, ec = eof_line, eof_col, eof_line, eof_col
        elif t.type == tokenize.NAME:
            if text in keyword.kwlist:
                kind = "KEYWORD"
            else:
                kind = "NAME"
                text = unicodedata.normalize("NFKC", text)
        elif t.type == tokenize.OP:
            kind = token.tok_name[t.exact_type]
            if text == "<>":
                kind = "NOTEQUAL"
        elif t.type == tokenize.ERRORTOKEN:
            if text.isspace():
                continue
            kind = "ERRORTOKEN"
        else:
            kind = token.tok_name[t.type]
        out.append("%s %d,%d-%d,%d%s\n" % (kind, sl, sc, el, ec,
                                           "" if text is None else " " + text))
    return "".join(out)


def expected_names(src):
    import ast
    out = []
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.Name):
            line = lines_of(src)[node.lineno - 1]
            # ast columns are UTF-8 byte offsets already
            out.append((node.lineno, node.col_offset, node.end_col_offset, node.id))
    out.sort()
    return "".join("NAME %d,%d-%d,%d %s\n" % (l, c, l, e, i) for l, c, e, i in out)


def compile_error(src):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(src, "<case>", "exec")
    except SyntaxError as e:
        return e
    except ValueError as e:
        return e
    raise AssertionError("compiles: %r" % src)


def classify(src, e):
    if isinstance(e, ValueError):  # compile() refuses NUL before tokenizing
        return "lexical"
    if e.msg in STREAM_MESSAGES:
        return "stream"
    if e.msg.endswith("was never closed"):
        return "unclosed"
    if e.msg == "unexpected EOF while parsing":
        return "eof"
    if e.msg == "invalid syntax":
        return "stray"
    return "lexical"


def error_case(src):
    e = compile_error(src)
    cls = classify(src, e)
    if isinstance(e, ValueError):
        nul = src.index("\0")
        lineno = src.count("\n", 0, nul) + 1
        col = nul - (src.rfind("\n", 0, nul) + 1)
        return cls, "KDIAG_SYNTAX_ERROR", "source code cannot contain null bytes", lineno, col, col
    line = lines_of(src)[e.lineno - 1]
    col = -1 if e.offset <= 0 else byte_col(line, e.offset - 1)
    end_col = -1 if e.end_offset in (None, 0, -1) else byte_col(line, e.end_offset - 1)
    return cls, KIND_OF_ERROR[type(e).__name__], e.msg, e.lineno, col, end_col


def decoded_text(data):
    """What CPython tokenizes for 'data' that compiles: the decoded text with
    line breaks translated (bytes that are not UTF-8 sit only in comments)."""
    enc = "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for line in data.splitlines()[:2]:
        m = re.match(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", line)
        if m:
            enc = m.group(1).decode()
            break
        if not re.match(rb"^[ \t\f]*(#.*)?$", line):
            break
    text = data.decode(enc, "replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").encode()


def decode_case(data):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(data, "<case>", "exec")
    except SyntaxError as e:
        # These offsets are byte counts in CPython (no character conversion).
        col = -1 if e.offset is None or e.offset <= 0 else e.offset - 1
        end_col = -1 if e.end_offset in (None, 0, -1) else e.end_offset - 1
        return 0, b"", e.msg, e.lineno or 0, col, end_col
    return 1, decoded_text(data), "", 0, 0, 0


def main():
    w = sys.stdout.write
    w("// Generated by tools/gen_token_cases.py from python3.11; do not edit.\n")
    w("// Token cases: each token as \"KIND line,col-end_line,end_col[ text]\\n\".\n")
    w("// Error cases: who reports the error in CPython, and its attributes.\n\n")
    w("typedef struct TokenCase {\n    const char *src;\n    size_t len;\n"
      "    const char *tokens;\n} TokenCase;\n\n")
    w("static const TokenCase token_cases[] = {\n")
    for src in TOKEN_SOURCES:
        data = src.encode()
        w("    {%s, %d,\n     %s},\n" % (c_string(data), len(data),
                                        c_string(expected_tokens(src).encode())))
    w("};\n\n")
    w("static const TokenCase name_cases[] = {\n")
    for src in NAME_SOURCES:
        data = src.encode()
        w("    {%s, %d,\n     %s},\n" % (c_string(data), len(data),
                                        c_string(expected_names(src).encode())))
    w("};\n\n")
    w("typedef struct ErrorCase {\n    const char *src;\n    size_t len;\n"
      "    const char *cls;\n    KDiagKind kind;\n    const char *msg;\n"
      "    int lineno;\n    int col;\n    int end_col;\n} ErrorCase;\n\n")
    w("static const ErrorCase error_cases[] = {\n")
    for src in ERROR_SOURCES:
        cls, kind, msg, lineno, col, end_col = error_case(src)
        data = src.encode()
        w("    {%s, %d, \"%s\", %s,\n     %s, %d, %d, %d},\n" % (
            c_string(data), len(data), cls, kind, c_string(msg.encode()), lineno, col, end_col))
    w("};\n\n")
    w("typedef struct DecodeCase {\n    const char *src;\n    size_t len;\n    int ok;\n"
      "    const char *text;\n    size_t text_len;\n    const char *msg;\n    int lineno;\n"
      "    int col;\n    int end_col;\n} DecodeCase;\n\n")
    w("static const DecodeCase decode_cases[] = {\n")
    for data in DECODE_SOURCES:
        ok, text, msg, lineno, col, end_col = decode_case(data)
        w("    {%s, %d, %d, %s, %d,\n     %s, %d, %d, %d},\n" % (
            c_string(data), len(data), ok, c_string(text), len(text), c_string(msg.encode()),
            lineno, col, end_col))
    w("};\n")


main()
