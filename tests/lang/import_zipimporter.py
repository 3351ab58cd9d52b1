# zipimport over krait: CPython's zipimport.py (which imports the frozen
# importlib by its _frozen_importlib names) reading modules and packages from
# a zip archive made here, its specs, sources and errors.
import os
import sys
import tempfile
import zipfile
import zipimport
import importlib.util
import _frozen_importlib
import _frozen_importlib_external
import importlib._bootstrap
import importlib._bootstrap_external

print(_frozen_importlib is importlib._bootstrap, _frozen_importlib.__name__)
print(_frozen_importlib_external is importlib._bootstrap_external)
print(sys.modules["_frozen_importlib"] is _frozen_importlib)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "lib.zip")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("zmod.py", "X = 41 + 1\ndef f():\n    return __name__\n")
        z.writestr("zpkg/__init__.py", "from . import inner\nNAME = __name__\n")
        z.writestr("zpkg/inner.py", "Y = 'inner'\n")
        z.writestr("zbad.py", "def broken(:\n")
        z.writestr("data.txt", "not python\n")
    zi = zipimport.zipimporter(path)
    print(zi.prefix == "", os.path.basename(zi.archive))
    for name in ("zmod", "zpkg", "nothere"):
        spec = zi.find_spec(name)
        print(name, spec is not None and os.path.basename(spec.origin))
    print(zi.is_package("zmod"), zi.is_package("zpkg"))
    try:
        zi.is_package("nothere")
    except zipimport.ZipImportError as e:
        print("ZipImportError", str(e).replace(d, "D"))
    spec = zi.find_spec("zmod")
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    print(m.X, m.f(), os.path.relpath(m.__file__, d))
    print(zi.get_source("zmod").splitlines()[0], zi.get_data(os.path.join(path, "data.txt")))
    code = zi.get_code("zmod")
    print(type(code).__name__, os.path.relpath(code.co_filename, d))
    try:
        zi.get_code("zbad")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno)
    sub = zipimport.zipimporter(os.path.join(path, "zpkg"))
    print(sub.prefix, sub.find_spec("inner") is not None)
    for bad in (os.path.join(d, "nonexistent.zip"), os.path.join(d)):
        try:
            zipimport.zipimporter(bad)
        except zipimport.ZipImportError as e:
            print("ZipImportError", str(e).replace(d, "D"))
    with open(os.path.join(d, "plain.txt"), "w") as f:
        f.write("plain")
    try:
        zipimport.zipimporter(os.path.join(d, "plain.txt"))
    except zipimport.ZipImportError as e:
        print("ZipImportError", str(e).replace(d, "D"))
