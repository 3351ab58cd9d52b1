# Deep module helper with a parent-relative import.
from .. import mod_a
from ..mod_a import A as parent_A
DEEP = "deep" + parent_A
