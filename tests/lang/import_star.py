# Tests from-module-import-*: __all__ restricts names, underscore names excluded, star import only at module level, name binding in globals.

from import_mod_helper import *
print(VALUE, func(4))
print("Klass" in globals(), "_private" in globals(), "bump" in globals())
try:
    compile("def f():\n    from math import *\n", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
ns = {}
exec("from import_pkg_helper.sub import *", ns)
print(sorted(k for k in ns if not k.startswith("__")))
ns2 = {}
exec("from import_pkg_helper.mod_a import *", ns2)
print(sorted(k for k in ns2 if not k.startswith("__")))
import sys
print(sorted(k for k in sys.modules if k.startswith("import_")))
