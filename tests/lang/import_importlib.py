# importlib on krait's import system: import_module, reload, util.find_spec,
# module_from_spec/exec_module, the meta path finders and their specs.
import importlib
import importlib.machinery
import importlib.util
import os
import shutil
import sys
import tempfile

root = tempfile.mkdtemp()
def write(rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    return path

write("il_plain.py", "COUNT = globals().get('COUNT', 0) + 1\nVALUE = 'v1'\n")
write("il_pkg/__init__.py", "NAME = 'pkg'\n")
write("il_pkg/sub.py", "from . import NAME\nWHO = NAME + '.sub'\n")
write("il_pkg/deep/__init__.py", "")
write("il_pkg/deep/leaf.py", "from ..sub import WHO\nLEAF = WHO + '.leaf'\n")
write("il_ns/part.py", "PART = 'namespace part'\n")
write("il_broken.py", "raise RuntimeError('broken at import')\n")
write("il_syntax.py", "def f(:\n")
sys.path.insert(0, root)
rel = lambda p: os.path.relpath(p, root) if isinstance(p, str) else p

finders = {getattr(f, "__name__", None): f for f in sys.meta_path}
PathFinder, BuiltinImporter = finders["PathFinder"], finders["BuiltinImporter"]
m = importlib.import_module("il_plain")
print(m.COUNT, m.VALUE, m is sys.modules["il_plain"], rel(m.__file__))
print(m.__spec__.name, rel(m.__spec__.origin), m.__spec__.parent == "", m.__spec__.has_location)
print(importlib.import_module("il_plain") is m)

sub = importlib.import_module("il_pkg.sub")
print(sub.WHO, "il_pkg" in sys.modules, sub.__package__, sub.__spec__.parent)
leaf = importlib.import_module(".deep.leaf", package="il_pkg")
print(leaf.LEAF, leaf.__name__)
print(importlib.import_module("..sub", "il_pkg.deep").WHO)
ns = importlib.import_module("il_ns.part")
print(ns.PART, importlib.import_module("il_ns").__spec__.origin)

# reload runs the module again in the same namespace.
write("il_plain.py", "COUNT = globals().get('COUNT', 0) + 1\nVALUE = 'v2-longer'\n")
r = importlib.reload(m)
print(r is m, m.COUNT, m.VALUE)

# util.find_spec and the finders.
s = importlib.util.find_spec("il_pkg")
print(s.name, rel(s.origin), [rel(p) for p in s.submodule_search_locations])
print(importlib.util.find_spec("il_missing"), importlib.util.find_spec("il_pkg.nothing"))
print(importlib.util.find_spec("il_pkg.sub").name)
s = importlib.util.find_spec("math")
print(s.name, s.origin, s.loader is BuiltinImporter, s.parent)
print(PathFinder.find_spec("il_plain") is not None)
print(PathFinder.find_spec("sub", [os.path.join(root, "il_pkg")]).name)
print(PathFinder.find_spec("math"), BuiltinImporter.find_spec("il_plain"))
print(BuiltinImporter.find_spec("math").name)

# module_from_spec + exec_module: a fresh module, not in sys.modules.
spec = importlib.util.find_spec("il_pkg.sub")
fresh = importlib.util.module_from_spec(spec)
print(fresh.__name__, hasattr(fresh, "WHO"), rel(fresh.__file__))
spec.loader.exec_module(fresh)
print(fresh.WHO, fresh is sys.modules["il_pkg.sub"])
print(spec.loader.is_package("il_pkg.sub"), importlib.util.find_spec("il_pkg").loader.is_package("il_pkg"))
print(rel(spec.loader.get_filename("il_pkg.sub")), type(spec.loader.get_code("il_pkg.sub")).__name__)

# Errors come through unchanged.
for name in ("il_missing", "il_broken", "il_syntax", "il_plain.nope"):
    try:
        importlib.import_module(name)
    except Exception as e:
        print(name, type(e).__name__, str(e).replace(root, "ROOT"))
print("il_broken" in sys.modules)
try:
    importlib.import_module(".x")
except TypeError as e:
    print(type(e).__name__, e)
importlib.invalidate_caches()
shutil.rmtree(root)
