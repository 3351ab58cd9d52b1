# importlib.metadata over krait: distributions found on sys.path through
# sys.meta_path's PathFinder.find_distributions (a .dist-info and an
# .egg-info made here), their versions, metadata, entry points, files and
# requirements, and a missing one.
import os
import sys
import tempfile
import importlib.metadata as md

with tempfile.TemporaryDirectory() as d:
    info = os.path.join(d, "demo_pkg-1.2.3.dist-info")
    os.mkdir(info)
    with open(os.path.join(info, "METADATA"), "w") as f:
        f.write("Metadata-Version: 2.1\nName: demo-pkg\nVersion: 1.2.3\n"
                "Summary: A demo\nRequires-Dist: other (>=1.0)\nRequires-Dist: extra ; extra == 'x'\n")
    with open(os.path.join(info, "entry_points.txt"), "w") as f:
        f.write("[console_scripts]\ndemo = demo_pkg.cli:main\n[demo.plugins]\none = demo_pkg.one\n")
    with open(os.path.join(info, "RECORD"), "w") as f:
        f.write("demo_pkg/__init__.py,,\ndemo_pkg-1.2.3.dist-info/METADATA,,\n")
    egg = os.path.join(d, "old_thing-0.9.egg-info")
    os.mkdir(egg)
    with open(os.path.join(egg, "PKG-INFO"), "w") as f:
        f.write("Metadata-Version: 1.1\nName: old-thing\nVersion: 0.9\n")
    sys.path.insert(0, d)
    print(md.version("demo-pkg"), md.version("demo_pkg"), md.version("old-thing"))
    dist = md.distribution("demo-pkg")
    print(dist.metadata["Name"], dist.metadata["Summary"], dist.requires)
    print(sorted(str(p) for p in dist.files))
    eps = md.entry_points(group="demo.plugins")
    print([(ep.name, ep.value, ep.group) for ep in eps])
    print([ep.name for ep in md.entry_points(group="console_scripts") if ep.value.startswith("demo_pkg")])
    names = sorted(x.metadata["Name"] for x in md.distributions(path=[d]))
    print(names)
    print(sorted(n for n in (x.metadata["Name"] for x in md.distributions()) if n in names))
    try:
        md.version("no-such-distribution")
    except md.PackageNotFoundError as e:
        print("PackageNotFoundError", e)
    print(type(sys.meta_path[-1]).__name__ == "type", hasattr(sys.meta_path[-1], "find_distributions"))
    sys.path.remove(d)
