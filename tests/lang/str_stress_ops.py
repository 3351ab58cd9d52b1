# Tests string operations on pseudo-random strings against manual reference implementations: find/rfind/count/split/replace/join round trips, slicing.

state = 31337
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    return (state >> 16) % n

alphabet = "ab cé𝄞"
def rstr(n):
    return "".join(alphabet[rnd(len(alphabet))] for _ in range(n))

def ref_find(s, sub, start=0):
    for i in range(start, len(s) - len(sub) + 1):
        if s[i:i + len(sub)] == sub:
            return i
    return -1

def ref_rfind(s, sub):
    for i in range(len(s) - len(sub), -1, -1):
        if s[i:i + len(sub)] == sub:
            return i
    return -1

def ref_count(s, sub):
    n = i = 0
    while True:
        j = ref_find(s, sub, i)
        if j < 0:
            return n
        n += 1
        i = j + max(len(sub), 1)

bad = []
for trial in range(300):
    s = rstr(rnd(40))
    sub = rstr(rnd(3) + 1)
    if s.find(sub) != ref_find(s, sub):
        bad.append(("find", trial))
    if s.rfind(sub) != ref_rfind(s, sub):
        bad.append(("rfind", trial))
    if s.count(sub) != ref_count(s, sub):
        bad.append(("count", trial))
    if sub.join(s.split(sub)) != s:
        bad.append(("split-join", trial))
    if s.replace(sub, "\x00").replace("\x00", sub) != s:
        bad.append(("replace", trial))
    a, b = sorted((rnd(len(s) + 1), rnd(len(s) + 1)))
    if s[a:b] + s[b:] != s[a:] or s[:a] + s[a:] != s:
        bad.append(("slice", trial))
    if s[::-1][::-1] != s or len(s.encode("utf-8").decode("utf-8")) != len(s):
        bad.append(("reverse/encode", trial))
    if s.split() != [w for w in s.split(" ") if w] and "\t" not in s:
        bad.append(("split-ws", trial))
print("bad:", bad)
sample = rstr(30)
print(repr(sample), len(sample), len(sample.encode()), sample.count("𝄞"), sample.upper().lower() == sample.lower())
parts = [rstr(rnd(5)) for _ in range(50)]
joined = "|".join(parts)
print(joined.split("|") == parts, len(joined), joined.count("|"))
acc = ""
for p in parts:
    acc += p
print(acc == "".join(parts), len(acc))
