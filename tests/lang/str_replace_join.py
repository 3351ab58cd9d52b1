# Tests str replace (count), join (errors), translate/maketrans, removeprefix/removesuffix, concatenation and repetition.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("one", "1", 0), s.replace("one", "1", -1))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"), "".replace("a", "b"), "aaa".replace("a", ""))
print("aaaa".replace("aa", "b"), "abc".replace("abc", ""), "xyz".replace("q", "r"), "ééé".replace("é", "e", 1))
show("replace int", lambda: "a".replace(1, "b"))
show("replace count kw", lambda: "aaa".replace("a", "b", count=1))
print(",".join(["a", "b", "c"]), "".join([]), "-".join("xyz"), " ".join(("a",)), ", ".join(str(i) for i in range(5)))
print("ab".join(["1", "2", "3"]), "".join(map(str, [1, 2])), "x".join({"k": 1}), "\n".join(["l1", "l2"]))
show("join ints", lambda: ",".join([1, 2]))
show("join mixed", lambda: ",".join(["a", None]))
show("join bytes", lambda: ",".join([b"a"]))
show("join non-iter", lambda: ",".join(5))
t = str.maketrans("abc", "xyz")
print(sorted(t.items()), "aabbcc".translate(t), "cab".translate(t))
t2 = str.maketrans("ab", "12", "c")
print("abcabc".translate(t2), sorted(t2.items()))
t3 = str.maketrans({"a": "A", "b": None, ord("c"): "CC", "d": 100})
print(sorted(t3.items()), "abcde".translate(t3))
print("hello".translate({ord("l"): None}), "hello".translate({104: "J", 111: "0"}), "hi".translate({}))
show("maketrans uneq", lambda: str.maketrans("ab", "c"))
show("maketrans long key", lambda: str.maketrans({"ab": "c"}))
show("maketrans one str", lambda: str.maketrans("ab"))
show("translate bad value", lambda: "a".translate({97: 1.5}))
show("translate huge", lambda: "a".translate({97: 0x110000}))

class LookupAll:
    def __getitem__(self, k):
        if k == ord("z"):
            raise LookupError
        return chr(k).upper()

print("xyz abc".translate(LookupAll()))
print("prefix_name".removeprefix("prefix_"), "prefix_name".removeprefix("x"), "name.py".removesuffix(".py"), "name.py".removesuffix(""), "".removeprefix(""))
print("aaa".removeprefix("a"), "aaa".removesuffix("aa"), "ab".removeprefix("ab"))
show("removeprefix tuple", lambda: "abc".removeprefix(("a",)))
print("ab" + "cd", "ab" * 3, 3 * "ab", "ab" * 0, "ab" * -2, "" * 100, "x" * True)
show("str * float", lambda: "a" * 2.0)
show("str * str", lambda: "a" * "b")
show("str + None", lambda: "a" + None)
show("huge repeat", lambda: "ab" * (2 ** 62))
x = "a"
x += "b"; x *= 3
print(x)
print("abc" < "abd", "abc" < "ab", "" < "a", "Z" < "a", "é" > "z", "a" == "a", "A" != "a", "abc" >= "abc")
show("str < int", lambda: "a" < 1)
print("a" == 1, "1" != 1)
