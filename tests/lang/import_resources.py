# importlib.resources over krait's loaders: a package's data files and
# subdirectories (FileReader from the loader's get_resource_reader), the
# legacy functions, as_file, a namespace package's portions, and errors.
import importlib.resources as res
import os
import sys
import tempfile
import warnings

warnings.simplefilter("ignore", DeprecationWarning)  # the legacy functions are tested too

with tempfile.TemporaryDirectory() as d:
    pkg = os.path.join(d, "respkg")
    os.makedirs(os.path.join(pkg, "data", "deep"))
    with open(os.path.join(pkg, "__init__.py"), "w") as f:
        f.write("")
    with open(os.path.join(pkg, "mod.py"), "w") as f:
        f.write("X = 1\n")
    with open(os.path.join(pkg, "hello.txt"), "w") as f:
        f.write("hello resource\n")
    with open(os.path.join(pkg, "data", "table.csv"), "wb") as f:
        f.write(b"a,b\n1,2\n")
    with open(os.path.join(pkg, "data", "deep", "leaf.bin"), "wb") as f:
        f.write(bytes(range(5)))
    for portion in ("p1", "p2"):
        os.makedirs(os.path.join(d, portion, "nspkg"))
        with open(os.path.join(d, portion, "nspkg", portion + ".txt"), "w") as f:
            f.write("from " + portion + "\n")
    sys.path[:0] = [d, os.path.join(d, "p1"), os.path.join(d, "p2")]
    import respkg
    import respkg.mod
    import nspkg

    root = res.files("respkg")
    print(type(root).__name__, root.name, root.is_dir())
    print(root.joinpath("hello.txt").read_text(), end="")
    print((root / "data" / "table.csv").read_bytes())
    print(sorted(p.name for p in root.iterdir() if p.name != "__pycache__"))
    print(sorted(p.name for p in (root / "data").iterdir()), (root / "data" / "deep" / "leaf.bin").read_bytes())
    print((root / "nothere.txt").is_file(), (root / "data").is_file(), (root / "hello.txt").is_file())
    print(res.read_text("respkg", "hello.txt"), end="")
    print(res.is_resource("respkg", "hello.txt"), res.is_resource("respkg", "data"))
    print(sorted(x for x in res.contents("respkg") if x != "__pycache__"))
    with res.as_file(root / "hello.txt") as path:
        print(os.path.relpath(str(path), d), open(path).read(), end="")
    with res.path("respkg", "hello.txt") as path:
        print(os.path.basename(str(path)))
    reader = respkg.__spec__.loader.get_resource_reader("respkg")
    print(type(reader).__name__, sorted(x for x in reader.contents() if x != "__pycache__"))
    ns = res.files("nspkg")
    print(type(ns).__name__, sorted(p.name for p in ns.iterdir()))
    print((ns / "p2.txt").read_text(), end="")
    try:
        res.read_text("respkg", "missing.txt")
    except FileNotFoundError as e:
        print("FileNotFoundError", os.path.basename(e.filename))
    try:
        respkg.__spec__.loader.get_resource_reader("other")
    except ImportError as e:
        print("ImportError", e)
    del sys.path[:3]
