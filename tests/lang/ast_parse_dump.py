# ast.parse over krait's own parser: dump with and without positions,
# unparse, literal_eval, walk, NodeVisitor/NodeTransformer, get_source_segment,
# get_docstring, increment_lineno, fix_missing_locations, modes and errors.
import ast

SRC = '''\
"""Module doc."""
import os, sys as system
from . import x
from ..pkg.mod import (a as b, c)

@decorator(arg)
class C(Base, metaclass=Meta):
    """Class doc."""
    attr: int = 3
    def method(self, a, /, b=1, *args, c, d=2, **kw) -> "ret":
        global g
        x = y = a + b * c ** -d
        x += 1
        lst[1:2, ::3] = {k: v for k, v in kw.items() if k}
        del lst[0], self.attr
        return (yield from gen()) if x else lambda q=1: q

async def coro(it):
    async with ctx() as (p, q), other:
        async for i in it:
            await i
    try:
        pass
    except* ValueError as e:
        raise RuntimeError("bad") from e
    else:
        pass
    finally:
        print(f"{i!r:>{width}} and {{literal}} {x=}")

match command.split():
    case [action, *rest] if action != "go":
        pass
    case {"key": 1, **others}:
        pass
    case Point(x=0, y=_) | [1, 2] as whole:
        pass
    case None | True | -1 | 1 + 2j | "s" | b"b":
        pass
while not (a is not b and c not in d or e <= f < g):
    break
else:
    assert x, "msg"
for i, (j, k) in enumerate(z):
    continue
with open("f") as fh: nonlocal_stuff = [*fh, *()]
print(u"unicode", 0x1F, 1_000.5e-3, 10 ** 30, ..., None, not x, ~x, +x)
'''

tree = ast.parse(SRC)
dump = ast.dump(tree, include_attributes=True)
print(len(dump))
for node in tree.body:
    print(ast.dump(node, include_attributes=True))
print(ast.dump(tree, indent=2)[:600])
print(ast.unparse(tree))

# Other modes
print(ast.dump(ast.parse("1 + x", mode="eval")))
print(ast.dump(ast.parse("x = 1; y", mode="single")))
print(ast.dump(ast.parse(b"# coding: latin-1\ns = '\xe9'\n")))
print(ast.dump(ast.parse("x = 'é' + y", "<file>"), include_attributes=True))
print(ast.dump(compile("a.b(c)", "<s>", "eval", ast.PyCF_ONLY_AST)))

# Syntax errors keep their positions
for bad in ["x = (1, 2", "def f(:\n  pass", "a = 1 +", "f(**x, *y)", "return\n"]:
    try:
        ast.parse(bad, "<bad>")
        print("parsed", repr(bad))
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset, e.filename)

# literal_eval
for text in ["[1, 2.5, -3j, 'a', b'b', (None, True), {1: {2}}]", "{'a': (1, -2.0)}",
             "set()", "1 + 2j", "-(1)", "x", "f()", "[1, 2] + [3]"]:
    try:
        print(repr(ast.literal_eval(text)))
    except ValueError as e:
        print("ValueError:", str(e).split(" <")[0], type(ast.parse(text).body[0].value).__name__)

# walk and visitors
names = sorted({n.id for n in ast.walk(tree) if isinstance(n, ast.Name)})
print(names)
print(sum(1 for _ in ast.walk(tree)))

class Counter(ast.NodeVisitor):
    def __init__(self):
        self.counts = {}
    def generic_visit(self, node):
        k = type(node).__name__
        self.counts[k] = self.counts.get(k, 0) + 1
        super().generic_visit(node)

c = Counter()
c.visit(tree)
print(sorted(c.counts.items()))

class Rename(ast.NodeTransformer):
    def visit_Name(self, node):
        return ast.copy_location(ast.Name(node.id.upper(), node.ctx), node)
    def visit_Constant(self, node):
        if isinstance(node.value, int) and not isinstance(node.value, bool):
            return ast.Constant(node.value * 10)
        return node

t2 = Rename().visit(ast.parse("x = a + 1\nprint(b, 2)"))
print(ast.unparse(ast.fix_missing_locations(t2)))
print(ast.dump(t2.body[0], include_attributes=True))

# helpers
print(tree.body[0].value.value, tree.body[4].body[0].value.value)
fn = tree.body[4].body[2]
print(fn.name, ast.get_source_segment(SRC, fn.body[1]))
print(ast.get_source_segment(SRC, fn.args, padded=True))
t3 = ast.parse("a\nb")
ast.increment_lineno(t3, 5)
print([(s.lineno, s.end_lineno) for s in t3.body])
print([(k, type(v).__name__) for k, v in ast.iter_fields(ast.parse("x").body[0])])
print([type(n).__name__ for n in ast.iter_child_nodes(tree.body[4])])
