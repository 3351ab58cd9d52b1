# Zip archives on sys.path, as CPython's zipimporter path hook reads them:
# modules, packages, subpackages and relative imports inside the archive, a
# module's attributes, resources read from the archive, errors from a module
# in it, an archive that starts with a #! line, and entries that are no
# archive (cached as None in sys.path_importer_cache).
import importlib.resources
import os
import sys
import tempfile
import zipfile

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "lib.zip")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("zmod.py", "X = 41 + 1\ndef where():\n    return __name__, __package__\n")
        z.writestr("zpkg/__init__.py", "from . import inner\nfrom .sub import deep\nNAME = __name__\n")
        z.writestr("zpkg/inner.py", "Y = 'inner'\n")
        z.writestr("zpkg/sub/__init__.py", "")
        z.writestr("zpkg/sub/deep.py", "from .. import inner\nZ = inner.Y * 2\n")
        z.writestr("zpkg/data.txt", "resource text\n")
        z.writestr("zbroken.py", "x = 1\ndef f(:\n    pass\n")
        z.writestr("zraises.py", "raise ValueError('at import')\n")
    sys.path.insert(0, path)
    import zmod
    import zpkg
    import zpkg.sub.deep
    print(zmod.X, zmod.where(), zpkg.NAME, zpkg.inner.Y, zpkg.sub.deep.Z)
    rel = lambda p: os.path.relpath(p, d)
    print(rel(zmod.__file__), rel(zpkg.__file__), [rel(p) for p in zpkg.__path__])
    print(type(zmod.__loader__).__name__, zmod.__spec__.name, rel(zmod.__spec__.origin))
    print(zpkg.__spec__.submodule_search_locations is not None, zmod.__spec__.parent == "")
    print(repr(sys.path_importer_cache[path]).replace(d, "D"))
    print(importlib.resources.files("zpkg").joinpath("data.txt").read_text(), end="")
    try:
        import zbroken
    except SyntaxError as e:
        print("SyntaxError", e.msg, rel(e.filename), e.lineno)
    try:
        import zraises
    except ValueError as e:
        print("ValueError", e, "zraises" in sys.modules)
    try:
        import zpkg.missing
    except ModuleNotFoundError as e:
        print("ModuleNotFoundError", e)
    sys.path.remove(path)

    # An archive with a #! line before it (as zipapp -p writes).
    shebang = os.path.join(d, "app.pyz")
    with open(shebang, "wb") as f:
        f.write(b"#!/usr/bin/env python3\n")
        with zipfile.ZipFile(f, "w") as z:
            z.writestr("shebang_mod.py", "V = 'after the #! line'\n")
    sys.path.insert(0, shebang)
    import shebang_mod
    print(shebang_mod.V, rel(shebang_mod.__file__))
    sys.path.remove(shebang)

    # A plain file and a missing entry are no importers.
    plain = os.path.join(d, "plain.txt")
    with open(plain, "w") as f:
        f.write("not a zip\n")
    missing = os.path.join(d, "nowhere")
    sys.path[:0] = [plain, missing]
    try:
        import not_anywhere_at_all
    except ModuleNotFoundError as e:
        print("ModuleNotFoundError", e)
    print(sys.path_importer_cache.get(plain, "absent"))
    del sys.path[:2]
