# sys.meta_path finders a program adds: find_spec finders with
# create_module/exec_module loaders, packages and their submodules, an old
# find_module/load_module finder, finders after the built-in ones, a finder
# that raises, an emptied meta_path, and the order finders are asked in.
import sys
import importlib.abc
import importlib.util
import types
import warnings

asked = []

class Virtual(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def __init__(self, prefix):
        self.prefix = prefix

    def find_spec(self, name, path, target=None):
        asked.append((self.prefix, name, None if path is None else list(path)))
        if name == self.prefix or name.startswith(self.prefix + "."):
            spec = importlib.util.spec_from_loader(name, self, is_package=name.count(".") < 2)
            return spec
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.value = module.__name__.upper()
        module.executed = getattr(module, "executed", 0) + 1

finder = Virtual("virt")
sys.meta_path.insert(0, finder)
import virt
import virt.sub
import virt.sub.leaf
from virt import other
print(virt.value, virt.sub.value, virt.sub.leaf.value, other.value)
print(virt.__spec__.name, type(virt.__loader__).__name__, virt.__path__, virt.sub.__package__)
print(virt.sub.leaf.__package__, hasattr(virt.sub.leaf, "__path__"))
print([a for a in asked if a[0] == "virt"])
import virt  # already in sys.modules: not asked again
print(len([a for a in asked if a[1] == "virt"]), virt.executed)
try:
    import virt.sub.leaf.deeper
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e, e.name)

# A module the built-in finders know is still found through them.
import json
print(json.dumps([1]), ("virt", "json", None) in asked)

# A finder after PathFinder sees only what the path does not have.
class Late(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        asked.append(("late", name))
        if name == "late_only":
            return importlib.util.spec_from_loader(name, finder)
        return None

sys.meta_path.append(Late())
import late_only
import string
print(late_only.value, ("late", "string") in asked, ("late", "late_only") in asked)

# An old-style finder: find_module + load_module, with an ImportWarning.
class Old:
    def find_module(self, name, path=None):
        return self if name == "legacy_mod" else None

    def load_module(self, name):
        m = types.ModuleType(name)
        m.x = 42
        sys.modules[name] = m
        return m

sys.meta_path.append(Old())
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    import legacy_mod
print(legacy_mod.x, [str(x.message) for x in w if issubclass(x.category, ImportWarning)])

# A finder that raises stops the import with its exception.
class Broken(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "boom":
            raise RuntimeError("finder failed")
        return None

sys.meta_path.insert(0, Broken())
try:
    import boom
except RuntimeError as e:
    print("RuntimeError", e)
print("boom" in sys.modules)

# A loader whose exec_module fails leaves nothing in sys.modules.
class Failing(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name, path, target=None):
        return importlib.util.spec_from_loader(name, self) if name == "half" else None
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        module.partial = True
        raise ValueError("exec failed")

sys.meta_path.insert(0, Failing())
try:
    import half
except ValueError as e:
    print("ValueError", e, "half" in sys.modules)

# Not found anywhere.
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e)

# An empty meta_path finds nothing new, but sys.modules still answers.
saved = sys.meta_path[:]
sys.meta_path.clear()
try:
    import csv
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e)
import json as j2
print(j2 is json)
sys.meta_path[:] = saved
import csv
print(csv.__name__)
