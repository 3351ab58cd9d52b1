from a import b
from a import b as c
from a import b, c as d, e
from a import (b)
from a import (b, c,)
from a import (
    b as c,
    d,
)
from a.b.c import d
from a import *
from . import x
from .. import y
from .m import z
from ..pkg.mod import w as v
