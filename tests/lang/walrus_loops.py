# Tests walrus in loops and comprehensions: reading chunks, accumulating state, any()/all() witnesses, nested comprehension binding, interaction with globals.

data = list(range(1, 20))
pos = 0
chunks = []
while (chunk := data[pos:pos + 6]):
    chunks.append(sum(chunk))
    pos += 6
print(chunks, chunk)
lines = iter(["a", "bb", "", "ccc"])
got = []
while (line := next(lines, None)) is not None:
    if not line:
        continue
    got.append(line)
print(got, line)
if any((found := n) % 7 == 0 for n in data):
    print("first multiple of 7:", found)
if not all((bad := n) < 15 for n in data):
    print("first >= 15:", bad)
seen = set()
dups = [x for x in [1, 2, 1, 3, 2, 4] if x in seen or (seen.add(x) or False)]
print(dups)
fib = [a := 0, b := 1]
for _ in range(8):
    a, b = b, a + b
    fib.append(b)
print(fib)
print([total := 0] + [total := total + x for x in range(1, 6)], total)
pairs = [(x, y) for x in range(5) if (y := x * x) > 3]
print(pairs, x if "x" in dir() else "x not leaked", y)
def outer():
    res = [[(inner_last := j) for j in range(i)] for i in range(4)]
    return res, inner_last
print(outer())
counter = 0
def bump():
    global counter
    return [(counter := counter + 1) for _ in range(3)]
print(bump(), counter)
matrix = [[1, 2], [3, 4]]
print([s for row in matrix if (s := sum(row)) > 3], s)
text = "key1=val1;key2=val2;bad;key3=val3"
parsed = {k: v for item in text.split(";") if (parts := item.split("="))[1:] for k, v in [parts]}
print(parsed)
n = 10
while (n := n - 3) > 0:
    print("n", n, end=" ")
print()
import re
for s in ["abc123", "nodigits", "x9"]:
    if (m := re.search(r"\d+", s)) is not None:
        print(s, "->", m.group())
    else:
        print(s, "-> no match")
