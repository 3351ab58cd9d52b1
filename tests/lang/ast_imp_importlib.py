# _imp (what importlib bootstraps on) and importlib itself importing:
# builtin queries, the import lock, keyed source hashes as CPython's
# SipHash-1-3, co_filename fix-ups; importlib.util/machinery helpers.
import _imp
import sys

print(_imp.is_builtin("sys"), _imp.is_builtin("builtins"), _imp.is_builtin("math"),
      _imp.is_builtin("no_such_module"))
print(_imp.is_frozen("no_such_module"), _imp.find_frozen("no_such_module"))
try:
    _imp.get_frozen_object("no_such_module")
except ImportError as e:
    print("ImportError", e)
try:
    _imp.is_builtin(3)
except TypeError as e:
    print("TypeError", type(e).__name__)
print(_imp.lock_held(), _imp.check_hash_based_pycs)
_imp.acquire_lock()
_imp.acquire_lock()
print(_imp.lock_held())
_imp.release_lock()
_imp.release_lock()
print(_imp.lock_held())
try:
    _imp.release_lock()
except RuntimeError as e:
    print("RuntimeError", e)
for key, data in [(0, b""), (1, b"abc"), (2**40, b"hello world, longer than eight bytes"),
                  (-1, b"x" * 1000), (123, bytearray(b"12345678"))]:
    print(key, _imp.source_hash(key, data))
print(_imp.source_hash(key=7, source=b"kw"))

import math
spec = type("Spec", (), {"name": "math"})()
print(_imp.create_builtin(spec).__name__, _imp.exec_builtin(math))

code = compile("def f():\n    def g(): pass\n    return g\n", "old.py", "exec")
_imp._fix_co_filename(code, "new.py")
inner = [c for c in code.co_consts if hasattr(c, "co_code")][0]
print(code.co_filename, inner.co_filename,
      [c.co_filename for c in inner.co_consts if hasattr(c, "co_code")])

import importlib
import importlib.machinery
import importlib.util
print(importlib.machinery.SOURCE_SUFFIXES, importlib.machinery.BYTECODE_SUFFIXES)
print(importlib.util.resolve_name(".sub", "pkg"), importlib.util.resolve_name("..x", "a.b.c"))
print(importlib.util.source_hash(b"source text"))
print(importlib.import_module("math") is math, importlib.import_module(".path", "os").__name__)
print(importlib.util.find_spec("sys").name, importlib.machinery.BuiltinImporter.__name__)
print(importlib.util.MAGIC_NUMBER == importlib.util.MAGIC_NUMBER, len(importlib.util.MAGIC_NUMBER))
print(importlib.util.cache_from_source("/a/b.py").startswith("/a/__pycache__/b."))
