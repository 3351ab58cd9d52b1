# Tests str splitting: split, rsplit (sep, maxsplit), splitlines (all line boundaries, keepends), partition, rpartition.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

for s in ["a b c", "  a  b  c  ", "", "   ", "a", "a\tb\nc\x0bd\x0ce\rf\x1cg\x1dh\x1ei\x85j\u2000k\u3000l", "a,b,,c,", ",", "one"]:
    print(repr(s), s.split(), s.split(None, 1), s.rsplit(None, 1), s.split(","), s.rsplit(",", 1), s.split(",", 0))
print("a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 2), "a,b,c,d".split(",", -1), "a,b,c,d".split(",", 100))
print("a::b::c".split("::"), "a::b::c".rsplit("::", 1), ":::".split("::"), "aaaa".split("aa"), "aaa".rsplit("aa"))
print("  x  y  ".split(maxsplit=1), "  x  y  ".rsplit(maxsplit=1), "x y".split(sep=None, maxsplit=0), "  x y ".split(None, 0), "  x y  ".rsplit(None, 0))
show("split empty sep", lambda: "abc".split(""))
show("rsplit empty sep", lambda: "abc".rsplit(""))
show("split int", lambda: "abc".split(1))
show("split maxsplit str", lambda: "abc".split(",", "1"))
lines = "line1\nline2\r\nline3\rline4\x0bline5\x0cline6\x1cline7\x1dline8\x1eline9\x85line10\u2028line11\u2029end"
print(lines.splitlines())
print(lines.splitlines(True))
print("".splitlines(), "\n".splitlines(), "\n\n".splitlines(), "a\n".splitlines(), "a\r\n\r\n".splitlines(keepends=True), "a\n\rb".splitlines())
print("no newline".splitlines(), "\r".splitlines(True), "x\r\ny".split("\n"))
for s in ["key=value", "key=", "=value", "novalue", "a=b=c", ""]:
    print(repr(s), s.partition("="), s.rpartition("="))
print("abcabc".partition("bc"), "abcabc".rpartition("bc"), "abc".partition("abc"), "abc".rpartition("x"))
show("partition empty", lambda: "abc".partition(""))
show("rpartition empty", lambda: "abc".rpartition(""))
show("partition None", lambda: "abc".partition(None))
print("π=3.14".partition("="), "日本語テキスト".split("語"), "a\u3000b".split(), "a\u00a0b".split(), "a\u200bb".split())
print("1 2 3".split(" "), " 1  2 ".split(" "), "1\t\t2".split("\t"))
