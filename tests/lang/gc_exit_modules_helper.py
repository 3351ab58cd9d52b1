# Imported by gc_exit_modules.py: a module-level object whose __del__ runs at
# exit, with the module's globals still there; an import inside it fails.
import sys


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("helper del", self.name, PREFIX, type(sys).__name__)
        try:
            import gc_exit_modules_helper
            print("import worked", gc_exit_modules_helper is not None)
        except ImportError as e:
            print("ImportError:", e)


PREFIX = "[helper]"
single = Tracked("module-level")
