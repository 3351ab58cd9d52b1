# Tests import statement forms with a helper module: import, import as, from-import, from-import as, caching in sys.modules, attributes, errors.

import sys
import import_mod_helper
print(import_mod_helper.VALUE, import_mod_helper.func(5), import_mod_helper.Klass.attr, import_mod_helper.__name__)
import import_mod_helper as imh
print(imh is import_mod_helper, imh.VALUE)
from import_mod_helper import VALUE, func as doubler, Klass
print(VALUE, doubler(21), Klass.__module__)
import import_mod_helper
print("second import did not re-execute")
print("import_mod_helper" in sys.modules, sys.modules["import_mod_helper"] is imh)
print(imh.bump(), imh.bump(), imh.counter)
from import_mod_helper import counter
print(counter)
imh.bump()
print(counter, imh.counter)
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from import_mod_helper import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import import_mod_helper.sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
print(type(imh).__name__, hasattr(imh, "__file__"), imh.__spec__.name if imh.__spec__ else None, imh._private)
print(sorted(k for k in vars(imh) if not k.startswith("__")))
def local_import():
    import import_mod_helper as inner
    from import_mod_helper import func
    return inner.VALUE, func(1), "inner" in locals()
print(local_import())
print("inner" in globals())
import math, os.path as osp
print(math.floor(2.5), osp.basename("/a/b.txt"))
from math import (
    pi,
    e as euler,
)
print(round(pi, 3), round(euler, 3))
mod = __import__("import_mod_helper")
print(mod is imh)
import importlib
again = importlib.import_module("import_mod_helper")
print(again is imh)
print(__name__, type(__builtins__).__name__ in ("module", "dict"))
