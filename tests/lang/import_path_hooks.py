# sys.path_hooks: a program's hook makes the finder for the sys.path entries
# it accepts (ImportError: not its entry), the finder is cached in
# sys.path_importer_cache and asked for each module, packages get their
# __path__ searched through it too, and other entries import as before.
import importlib.abc
import importlib.util
import sys

calls = []

class VirtualFinder(importlib.abc.PathEntryFinder, importlib.abc.Loader):
    def __init__(self, entry):
        self.entry = entry
        self.tree = {"vmod": "X = 'from %s'" % entry, "vpkg": "", "vpkg.inner": "Y = 'inner'"}

    def find_spec(self, fullname, target=None):
        calls.append(("find_spec", self.entry, fullname))
        if fullname not in self.tree:
            return None
        is_pkg = fullname == "vpkg"
        spec = importlib.util.spec_from_loader(fullname, self, is_package=is_pkg)
        if is_pkg:
            spec.submodule_search_locations = [self.entry + "/vpkg"]
        return spec

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(self.tree[module.__name__], module.__dict__)

def hook(entry):
    calls.append(("hook", entry))
    if not entry.startswith("virtual:"):
        raise ImportError("not a virtual entry")
    return VirtualFinder(entry)

sys.path_hooks.insert(0, hook)
sys.path.insert(0, "virtual:one")
import vmod
import vpkg.inner
import json  # a module of the standard library still imports
print(vmod.X, vpkg.inner.Y, json.dumps([1]))
print(type(sys.path_importer_cache["virtual:one"]).__name__, vpkg.__path__)
print([c for c in calls if c[0] == "hook" and c[1].startswith("virtual")])
print([c for c in calls if c[0] == "find_spec"][:4])
try:
    import not_anywhere
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e)

def broken_hook(entry):
    if entry == "broken:entry":
        raise RuntimeError("hook failed")
    raise ImportError("not mine")

sys.path_hooks.insert(0, broken_hook)
sys.path.insert(0, "broken:entry")
try:
    import never_found_module
except RuntimeError as e:
    print("RuntimeError", e)
sys.path.remove("broken:entry")
sys.path_hooks.remove(broken_hook)
sys.path.remove("virtual:one")
sys.path_hooks.remove(hook)
import csv
print(csv.__name__, "virtual:one" in sys.path_importer_cache)
