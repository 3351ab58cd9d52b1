# Tests assignment expressions (:=): in conditions, loops, comprehensions (binding in enclosing scope), precedence/parenthesization, invalid targets.

import re
data = [1, 5, 12, 7, 20]
if (n := len(data)) > 3:
    print("long list", n)
print(n)
values = iter([3, 2, 1, 0, 5])
while (v := next(values)) != 0:
    print("v", v)
print("stopped at", v)
print([y for x in data if (y := x * 2) > 10], y)
print([(x, sq) for x in range(5) if (sq := x * x) % 2])
total = 0
print([total := total + x for x in data], total)
print((a := 10) + a, a)
print(f"{(b := 'walrus in f-string')!r}", b)

def f(x):
    return x * 3

print([fx for x in range(4) if (fx := f(x)) % 2 == 0], fx)
z = [1, 2, 3]
print(any((hit := e) > 1 for e in z), hit)
print(all((miss := e) < 2 for e in z), miss)
m = re.match(r"(\d+)", "123abc")
if m and (num := int(m.group(1))) > 100:
    print("parsed", num)
print((c := 1, 2), c)
x = (d := 5) * 2
print(x, d)

def scoped():
    [inner := i for i in range(3)]
    return inner

print(scoped())

def nonlocal_walrus():
    count = 0
    def bump():
        nonlocal count
        [count := count + 1 for _ in range(3)]
        return count
    return bump(), count

print(nonlocal_walrus())
result = {k: (vv := k * 2) for k in range(3)}
print(result, vv)
print([[w := j for j in range(i)] for i in range(3)], w)
lst = [1, 2]
print(lst[(i := 1)], i)
print((lambda: (q := 7) + q)())
bad = ["(a.b := 1)", "(a[0] := 1)", "((a, b) := (1, 2))", "[i := 0 for i in range(3)]", "[x for x in (y := [1])]",
       "def g():\n    [j := 1 for j in range(2)]", "class C:\n    [k := 1 for _ in range(2)]", "x := 5", "(p := 1 := 2)",
       "[(i := j) for j in range(2) for i in range(2)]"]
for src in bad:
    try:
        compile(src, "<s>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
print([1, (two := 2), two])
def defaults(a=(dflt := 99)):
    return a
print(defaults(), dflt)
while (chunk := "abcdef"[len(seen) if "seen" in dir() else 0:][:2]) and False:
    pass
print(chunk)
