# Tests exception str/repr/args across builtin types and constructor forms, including OSError errno mapping, KeyError quoting, UnicodeError fields and custom __str__.

cases = [ValueError(), ValueError(""), ValueError("msg"), ValueError("a", "b"), ValueError(1), ValueError(None), ValueError(("t",)),
         KeyError("k"), KeyError(""), KeyError(1), KeyError("a", "b"), KeyError(), IndexError(0), LookupError("l"),
         OSError(), OSError("only message"), OSError(2, "No such file or directory"), OSError(2, "msg", "name.txt"),
         OSError(2, "msg", "a", None, "b"), FileNotFoundError("x"), PermissionError(13, "denied", "/root"),
         SystemExit(2), StopIteration(3), AttributeError("attr"), NameError("n"), AssertionError(), AssertionError("failed"),
         UnicodeError("u"), RuntimeError("r", 1, [2]), Exception(Exception("nested"))]
for e in cases:
    print(f"{type(e).__name__:20} str={str(e)!r:45} repr={e!r} args={e.args!r}")
oe = OSError(2, "msg", "f1", None, "f2")
print(oe.errno, oe.strerror, oe.filename, oe.filename2, type(oe).__name__)
for code in [1, 2, 4, 9, 11, 13, 17, 20, 21, 32, 104, 110, 111, 999]:
    print(code, type(OSError(code, "x")).__name__)
ue = UnicodeEncodeError("ascii", "aé", 1, 2, "ordinal not in range(128)")
print(str(ue), ue.args, ue.object, ue.start, ue.end)
ue2 = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 2, "bad")
print(str(ue2))
ut = UnicodeTranslateError("abc", 1, 2, "cannot translate")
print(str(ut), ut.object)
class Custom(Exception):
    def __str__(self):
        return f"Custom<{len(self.args)} args>"
print(str(Custom()), str(Custom(1, 2)), repr(Custom(1)))
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr("x")), str(WithRepr("x")), [WithRepr()])
try:
    raise KeyError("quoted")
except KeyError as e:
    print(f"{e}", f"{e!r}", f"{e!s}", "%s" % e, str(e.args[0]))
