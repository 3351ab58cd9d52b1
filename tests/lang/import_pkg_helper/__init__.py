# Package helper for the import_* tests.
print("import_pkg_helper/__init__ executing")
PKG_VALUE = "pkg"
from . import mod_a
from .mod_a import a_func as exported_a
