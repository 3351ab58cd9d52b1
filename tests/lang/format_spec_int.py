# Tests the format-spec mini-language on ints: fill/align, sign, '#', '0', width, grouping, every type code.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

nums = [0, 7, -7, 255, -255, 1234567, -1234567, 2 ** 64]
specs = ["", "d", "5", "<5", ">5", "^5", "=5", "05", "+", "-", " ", "+5", "=+8", "x", "X", "#x", "#X", "o", "#o", "b", "#b",
         "#010b", ",", "_", "_b", "_x", "_o", ",d", "010,", "+,", "c" if False else "n", "e", ".2f", "%", ".1%", "g", "E",
         "*<8", "0=8", "08x", "#08x", "+#x", " #o", "x^9", ">+10,"]
for n in nums:
    print(n, [format(n, s) for s in specs])
print(format(65, "c"), format(0x1d11e, "c"), format(97, "^5c"), format(10, "c") == "\n")
show("c neg", lambda: format(-1, "c"))
show("c big", lambda: format(0x110000, "c"))
show("c with sign", lambda: format(65, "+c"))
show("c with #", lambda: format(65, "#c"))
show("c with ,", lambda: format(65, ",c"))
show("s code", lambda: format(5, "s"))
show("precision", lambda: format(5, ".2d"))
show("precision x", lambda: format(5, ".2x"))
show(", with x", lambda: format(5, ",x"))
show(", and _", lambda: format(5, ",_"))
show("_ and ,", lambda: format(5, "_,"))
show("bad type", lambda: format(5, "q"))
show("two fills", lambda: format(5, "xx<5"))
show("width huge", lambda: format(5, "99999999999999999999"))
show("empty spec on bool", lambda: format(True, "d"))
print(format(True, "x"), format(False, "#b"), format(True, "+.1f"))
print(format(-0, "+"), format(0, " "), format(1, "= 5"), format(-1, "= 5"), format(1, "^+5"))
print(format(123456789, "_d"), format(123456789, ",d"), format(-12345, "08,d"), format(12345, "09,d"), format(1234, "0=9_"))
print(format(0xabcdef12, "_X"), format(0o12345670, "_o"), format(0b10101010101, "_b"), format(0b10101010101, "#_b"))
print(format(1234, "012,"), format(1234, "013,"), format(-1234, "012,"), format(1234, "0>12,"))
print(format(10 ** 30, ","), format(-(10 ** 25), "_"), format(2 ** 100, "x"), format(-(2 ** 70), "#o"))
print(format(255, "\x00<5") == "255\x00\x00", format(255, "é^9"), format(255, "{<6"), format(255, "}>6"))
print(int.__format__(42, ">6"), (42).__format__(""), format(42), format(-42))

class MyInt(int):
    pass

print(format(MyInt(42), "x"), format(MyInt(42), ""), f"{MyInt(-5):+05}")
