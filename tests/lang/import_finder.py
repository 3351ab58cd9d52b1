# Tests the path finder: packages with relative imports, dotted imports,
# namespace packages, module attributes and specs, failures leaving
# sys.modules clean, SyntaxError details, ModuleNotFoundError messages.
import sys

import finder_pkg_helper
print(finder_pkg_helper.LEAF_VALUE, finder_pkg_helper.leaf.LEAF)
print(finder_pkg_helper.__name__, finder_pkg_helper.__package__)
print(finder_pkg_helper.__path__[0].rsplit("/", 1)[-1], len(finder_pkg_helper.__path__))
print(finder_pkg_helper.__file__.rsplit("/", 2)[-2:])
spec = finder_pkg_helper.__spec__
print(spec.name, spec.parent, spec.origin.rsplit("/", 1)[-1], spec.has_location)
print(spec.submodule_search_locations == finder_pkg_helper.__path__)
print(finder_pkg_helper.leaf.__spec__.parent, finder_pkg_helper.leaf.__spec__.submodule_search_locations)
print(finder_pkg_helper.leaf.__cached__.rsplit("/", 2)[-2] == "__pycache__")

import finder_pkg_helper.sub.deep
print(finder_pkg_helper.sub.deep.DEEP, finder_pkg_helper.sub.SUB)
print(finder_pkg_helper.sub.deep.__package__, finder_pkg_helper.sub.__package__)
from finder_pkg_helper.sub import deep as d2
print(d2 is finder_pkg_helper.sub.deep, "finder_pkg_helper.sub.deep" in sys.modules)

import finder_pkg_helper.leaf as lf
print(lf is sys.modules["finder_pkg_helper.leaf"])

# Namespace packages: a directory without __init__.py.
import finder_ns_helper.part.mod
ns = finder_ns_helper
print(ns.__name__, ns.__file__ if hasattr(ns, "__file__") else "no __file__", len(list(ns.__path__)))
print(finder_ns_helper.part.mod.WHERE, ns.__spec__.origin)

# A module raising at import time is removed from sys.modules.
try:
    import finder_pkg_helper.broken
except ValueError as e:
    print("ValueError", e)
print("finder_pkg_helper.broken" in sys.modules)
try:
    from finder_pkg_helper import broken
except ValueError as e:
    print("again ValueError", e)

# A SyntaxError in an imported module is a real SyntaxError.
try:
    import finder_pkg_helper.bad_syntax
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
    print(e.filename.rsplit("/", 1)[-1])
print("finder_pkg_helper.bad_syntax" in sys.modules)

# A module that replaces itself in sys.modules.
import finder_pkg_helper.replaced
print(sys.modules["finder_pkg_helper.replaced"])
from finder_pkg_helper import replaced
print(replaced)

# Not found.
for name in ["no_such_module_xyz", "finder_pkg_helper.nope", "finder_pkg_helper.leaf.x"]:
    try:
        __import__(name)
    except ModuleNotFoundError as e:
        print(type(e).__name__, e, e.name)
try:
    from finder_pkg_helper import nope
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
