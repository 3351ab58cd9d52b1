# gc's introspection: get_referents, get_referrers, get_objects (with its
# generation argument), is_finalized, get_debug/set_debug and the DEBUG_ flags.
import gc
class A:
    pass
a = A()
b = [a, 1, "s"]
d = {"k": b}
print(sorted(type(x).__name__ for x in gc.get_referents(b)), gc.get_referents(1, "x"))
print(any(r is d for r in gc.get_referrers(b)), any(r is b for r in gc.get_referrers(a)))
print(any(o is d for o in gc.get_objects()), isinstance(gc.get_objects(generation=0), list))
print(len(gc.get_objects(-1)) > 0, gc.get_objects(2) == [] or True)
for bad in [-2, 3, "x"]:
    try:
        gc.get_objects(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class F:
    def __del__(self):
        pass
f = F(); f.me = f
print(gc.is_finalized(f))
del f
gc.collect()
print(gc.get_debug(), gc.set_debug(gc.DEBUG_STATS & 0), gc.get_debug(), gc.DEBUG_LEAK, gc.DEBUG_SAVEALL)
print(sorted(type(x).__name__ for x in gc.get_referents((a, b))))
