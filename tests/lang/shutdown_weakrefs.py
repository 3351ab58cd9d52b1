# Weak references to cyclic garbage, as CPython's collector handles them: a
# callback runs when its weak reference outlives the garbage, never when the
# weak reference is part of the garbage itself (at a collection or at exit,
# where modules' dicts die in cycles with their functions: a __del__ still
# sees its module's globals, a dead module's weakref callback never runs).
import gc
import os
import sys
import tempfile
import weakref

class Obj:
    pass

log = []
a = Obj()
a.cycle = a
keep = weakref.ref(a, lambda r: log.append("outside ref callback"))
del a
gc.collect()
print(log, keep())
b = Obj()
b.cycle = b
b.ref = weakref.ref(b, lambda r: log.append("garbage ref callback"))
del b
gc.collect()
print(log)
c = Obj()
c.cycle = c
inner = Obj()
c.inner = inner
c.ref_to_inner = weakref.ref(inner, lambda r: log.append("inner ref callback"))
del c, inner
gc.collect()
print(log)

# A module that is garbage lets go of its globals without emptying them: a
# function that outlives it still reads them.
import types
m = types.ModuleType("tmpmod")
exec("X = 'still here'\ndef f():\n    return X\n", m.__dict__)
f = m.f
cycle = [m]
cycle.append(cycle)  # the module is held by garbage only; its dict by f too
del m, cycle
gc.collect()
print(f())

d = tempfile.mkdtemp()
with open(os.path.join(d, "first_mod.py"), "w") as f:
    f.write(
        "VALUE = 'first value'\n"
        "_private = 'private'\n"
        "class C:\n"
        "    def __del__(self):\n"
        "        print('first_mod C.__del__ sees', VALUE, _private)\n"
        "obj = C()\n"
    )
with open(os.path.join(d, "second_mod.py"), "w") as f:
    f.write(
        "import first_mod\n"
        "LABEL = 'second'\n"
        "class Target:\n"
        "    pass\n"
        "def _callback(ref):\n"
        "    print('second_mod callback sees', LABEL, first_mod)\n"
        "target = Target()\n"
        "ref = weakref_module.ref(target, _callback)\n"
    )
sys.path.insert(0, d)
import weakref as weakref_module
import builtins
builtins.weakref_module = weakref_module
import second_mod
os.remove(os.path.join(d, "first_mod.py"))
os.remove(os.path.join(d, "second_mod.py"))
import shutil
shutil.rmtree(d)
print("main done")
