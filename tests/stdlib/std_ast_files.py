# ast.parse of CPython's own library files: node counts, the exact
# ast.dump (with positions) of sampled statements and the length of every
# statement's dump, and unparse/parse round trips, as python3.11 gives them.
import ast
import os

LIB = os.path.dirname(ast.__file__)
if not os.path.exists(os.path.join(LIB, "textwrap.py")):
    LIB = "/usr/lib/python3.11"

for name in ["textwrap", "heapq"]:
    with open(os.path.join(LIB, name + ".py"), encoding="utf-8") as f:
        src = f.read()
    tree = ast.parse(src, name + ".py")
    full = ast.dump(tree, include_attributes=True)
    kinds = {}
    for node in ast.walk(tree):
        kinds[type(node).__name__] = kinds.get(type(node).__name__, 0) + 1
    print(name, len(full), len(tree.body), sorted(kinds.items())[:12])
    print([len(ast.dump(s, include_attributes=True)) for s in tree.body])
    for s in tree.body[::17]:
        print(ast.dump(s, include_attributes=True)[:400])
    last = tree.body[-1]
    print(ast.dump(last, include_attributes=True)[-300:])
    text = ast.unparse(tree)
    again = ast.parse(text)
    print(len(text), ast.dump(again) == ast.dump(tree))
    segs = [ast.get_source_segment(src, s) for s in tree.body[:40]]
    print(sum(len(s) for s in segs if s))
