# Tests break/continue: nested loops, in while with complex conditions, inside try/except/finally and with blocks, and loop variables afterwards.

out = []
for i in range(5):
    if i % 2:
        continue
    for j in range(5):
        if j > i:
            break
        if j == 1:
            continue
        out.append((i, j))
print(out)
i = 0
res = []
while i < 10:
    i += 1
    if i in (2, 4):
        continue
    if i == 7:
        break
    res.append(i)
print(res, i)

def search(grid, target):
    found = None
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v == target:
                found = (r, c)
                break
        if found:
            break
    return found

print(search([[1, 2], [3, 4], [5, 6]], 4), search([[1]], 9))
log = []
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        log.append(f"body{i}")
    except Exception:
        pass
    finally:
        log.append(f"fin{i}")
print(log)
log = []
for i in range(3):
    try:
        raise ValueError(i)
    except ValueError:
        if i == 0:
            continue
        log.append(f"handled{i}")
        if i == 1:
            break
print(log)

class CM:
    def __init__(self, tag):
        self.tag = tag

    def __enter__(self):
        return self

    def __exit__(self, *a):
        log.append(f"exit{self.tag}")

log = []
for i in range(3):
    with CM(i):
        if i == 0:
            continue
        if i == 1:
            break
print(log)
total = 0
for x in range(100):
    if x % 3:
        continue
    if x > 20:
        break
    total += x
print(total)
words = ["alpha", "", "beta", "stop", "gamma"]
kept = []
for w in words:
    if not w:
        continue
    if w == "stop":
        break
    kept.append(w.upper())
print(kept)
n = 0
while True:
    n += 1
    if n < 3:
        continue
    break
print(n)
gen_log = []
def gen():
    try:
        for i in range(10):
            yield i
    finally:
        gen_log.append("gen closed")
g = gen()
for v in g:
    if v == 2:
        break
print(gen_log)
g.close()
print(gen_log)
for src in ["break", "continue", "def f():\n    break", "class C:\n    continue", "for x in y:\n    def g():\n        break"]:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg)
