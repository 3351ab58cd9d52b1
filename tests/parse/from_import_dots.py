from ... import a
from .... import b
from ...pkg import c
from .....pkg.sub import d
from . . . import e
from .. . import f
