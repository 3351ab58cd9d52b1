# Automatic collections after a phase that made no garbage (vm/gc.c waits
# longer after a collection that freed nothing): cyclic garbage made
# afterwards is still collected without gc.collect(), as in CPython, and a
# phase of only live objects leaves them all alive.
import gc
import weakref

freed = 0


def note(_ref):
    global freed
    freed += 1


class Node:
    pass


def make_cycles(n):
    refs = []
    for _ in range(n):
        a, b = Node(), Node()
        a.other, b.other = b, a
        refs.append(weakref.ref(a, note))
    return refs


# Phase 1: only live objects (every young collection frees nothing).
keep = [[i] for i in range(30000)]
print("live kept:", len(keep), sum(len(x) for x in keep))

# Phase 2: cycles; nearly all must be freed by automatic collections.
refs = make_cycles(20000)
alive = sum(1 for r in refs if r() is not None)
print("cycles freed automatically:", freed > 19000, alive < 1000)

# Phase 3: live objects again, then cycles again.
keep2 = [{"k": i} for i in range(30000)]
before = freed
refs2 = make_cycles(20000)
print("second round freed:", freed - before > 19000)
print("all live objects intact:", keep[12345] == [12345], keep2[29999] == {"k": 29999})

# Explicit collection still frees what is left.
gc.collect()
print("after collect:", all(r() is None for r in refs + refs2), freed == 40000)
print("thresholds:", gc.get_threshold())
