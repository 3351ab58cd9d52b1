# Helper package for import_finder: relative imports inside a package.
print("finder_pkg_helper init", __name__, __package__)
from . import leaf
from .leaf import LEAF as LEAF_VALUE
