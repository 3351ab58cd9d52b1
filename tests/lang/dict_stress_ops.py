# Tests dict correctness under many pseudo-random inserts/updates/deletes (LCG-driven), checked against an association-list reference; order, len, membership.

state = 12345
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2 ** 31
    return (state >> 16) % n

d = {}
ref_keys = []
ref_vals = {}
mismatches = 0
for step in range(3000):
    op = rnd(10)
    k = rnd(200)
    key = k if k % 3 else f"s{k}"
    if op < 5:
        if key not in ref_vals:
            ref_keys.append(key)
        ref_vals[key] = step
        d[key] = step
    elif op < 8:
        if key in ref_vals:
            ref_keys.remove(key)
            del ref_vals[key]
            del d[key]
        else:
            try:
                del d[key]
                mismatches += 1
            except KeyError:
                pass
    else:
        if d.get(key) != ref_vals.get(key):
            mismatches += 1
    if step % 500 == 0:
        print(step, len(d), list(d) == ref_keys)
print("final", len(d), list(d) == ref_keys, all(d[k] == ref_vals[k] for k in ref_keys), mismatches)
print(list(d)[:8], list(d.values())[:8])
big = {}
for i in range(20000):
    big[i] = i * 2
for i in range(0, 20000, 2):
    del big[i]
print(len(big), big[19999], sum(big) % 1000003, list(big)[:3], list(big)[-2:])
for i in range(5000):
    big[-i] = i
print(len(big), list(big)[10000:10003])
s = {}
for i in range(1000):
    s[str(i)] = i
print(len(s), s["999"], sum(s.values()), "1000" in s, list(s)[-1])
keys = [(i, str(i)) for i in range(300)]
t = dict.fromkeys(keys, 0)
for k in keys[::3]:
    t[k] += 1
print(sum(t.values()), len(t), t[(3, "3")], t[(4, "4")])
