from ..leaf import LEAF
from . import SUB
DEEP = (LEAF, SUB)
