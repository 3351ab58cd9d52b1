# Module inside the helper package using relative imports.
from .mod_a import A
from . import mod_a
from .sub.deep import DEEP
B = A + "b" + DEEP
same_module = mod_a
