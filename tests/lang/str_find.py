# Tests str searching: find, rfind, index, rindex, count, startswith, endswith, in, with start/end arguments.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

s = "abracadabra"
for sub in ["a", "abra", "bra", "", "z", "abracadabraX", "ra", "cad"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), sub in s, s.startswith(sub), s.endswith(sub))
for start, end in [(0, None), (1, None), (-4, None), (3, 8), (5, 5), (8, 3), (100, None), (-100, 4), (None, -1), (None, None)]:
    print(start, end, s.find("a", start, end), s.rfind("a", start, end), s.count("a", start, end),
          s.find("", start, end), s.rfind("", start, end), s.count("", start, end),
          s.startswith("a", start, end), s.endswith("a", start, end))
print("".find(""), "".rfind(""), "".count(""), "abc".count(""), "".find("a"), "".startswith(""), "".endswith(""))
print("abc".find("", 3), "abc".find("", 4), "abc".startswith("", 3), "abc".startswith("", 4), "abc".endswith("", 4))
print("aaaa".count("aa"), "aaaaa".count("aa"), "aaa".find("aa", 1), "aaa".rfind("aa"))
print(s.startswith(("x", "ab")), s.endswith(("x", "y")), s.startswith(()), s.endswith(("ra", "a"), 0, 5))
print(s.index("c"), s.rindex("a"), s.index("a", 1), s.rindex("a", 0, -1))
show("index missing", lambda: s.index("z"))
show("rindex missing", lambda: s.rindex("z"))
show("index range", lambda: s.index("a", 1, 2))
show("startswith list", lambda: s.startswith(["a"]))
show("endswith int", lambda: s.endswith(1))
show("find int", lambda: s.find(1))
show("count None", lambda: s.count(None))
show("in int", lambda: 1 in s)
show("find start str", lambda: s.find("a", "1"))
print(s.find("a", None, None), s.count("a", None), s.index("a", -1))
u = "héllo wörld ∑ 𝄞 end 𝄞"
print(u.find("ö"), u.find("∑"), u.find("𝄞"), u.rfind("𝄞"), u.count("l"), u.index("end"), len(u))
print("\x00a\x00".find("\x00", 1), "a\x00b".count("\x00"))
long = "x" * 1000 + "needle" + "x" * 1000
print(long.find("needle"), long.rfind("x"), long.count("xx"), long.find("needlf"))
print("ab" in "xaby", "" in "", "a" not in "bcd")
print(s.startswith("bra", 1), s.endswith("cad", 0, 7), s.endswith("abra", -4), s.startswith("abra", -11))
