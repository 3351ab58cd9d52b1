# Tests package imports: __init__ execution, submodules as attributes, relative imports (., ..), __name__/__package__, from-package import submodule.

import sys
import import_pkg_helper
print(import_pkg_helper.PKG_VALUE, import_pkg_helper.mod_a.A, import_pkg_helper.exported_a(), import_pkg_helper.__name__, import_pkg_helper.__package__)
print(hasattr(import_pkg_helper, "mod_b"))
import import_pkg_helper.mod_b
print(hasattr(import_pkg_helper, "mod_b"), import_pkg_helper.mod_b.B, import_pkg_helper.mod_b.same_module is import_pkg_helper.mod_a)
from import_pkg_helper.sub import deep
print(deep.DEEP, deep.__name__, deep.__package__, deep.mod_a is import_pkg_helper.mod_a)
from import_pkg_helper import sub
print(sub.SUB, sub.deep is deep, sub.__name__)
import import_pkg_helper.sub.deep as d2
print(d2 is deep)
from import_pkg_helper import mod_a as ma
print(ma.__name__, ma.__package__)
print(sorted(k for k in sys.modules if k.startswith("import_pkg")))
try:
    from import_pkg_helper import missing_sub
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    exec("from . import x", {"__name__": "toplevel", "__package__": ""})
except ImportError as e:
    print(type(e).__name__, e)
print(hasattr(import_pkg_helper, "__path__"), hasattr(import_pkg_helper.mod_a, "__path__"))
