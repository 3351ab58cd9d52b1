# compile() of AST objects: trees from ast.parse (possibly transformed) and
# trees built by hand with fix_missing_locations run like their source; bad
# trees fail with CPython's TypeErrors and ValueErrors.
import ast

SRC = '''
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
class K:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"K({self.v!r})"
print([fib(i) for i in range(10)], K([1, 2]), {k: k * 2 for k in "ab"})
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e)
match [1, 2, 3]:
    case [1, *rest]:
        print("rest", rest)
print(10 ** 30, -(10 ** 30), 1.5e300 * 10, 2j, b"x" * 3, ..., None)
'''
ns = {}
exec(compile(ast.parse(SRC), "<ast>", "exec"), ns)
print(eval(compile(ast.parse("fib(20) + 1", mode="eval"), "<e>", "eval"), ns))
code = compile(ast.parse("x = 5", mode="single"), "<i>", "single")
exec(compile(ast.parse("x * 2", mode="single"), "<i>", "single"), {"x": 4})
exec(code, ns)
print(ns["x"])

# A transformed tree
class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if type(node.value) is int:
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node

t = Double().visit(ast.parse("print(1 + 2, 'a', [3, 4])"))
exec(compile(t, "<double>", "exec"))

# A tree built by hand
fn = ast.FunctionDef(
    name="add", args=ast.arguments(posonlyargs=[], args=[ast.arg("a"), ast.arg("b")],
                                   kwonlyargs=[], kw_defaults=[], defaults=[ast.Constant(10)]),
    body=[ast.Return(ast.BinOp(ast.Name("a", ast.Load()), ast.Add(), ast.Name("b", ast.Load())))],
    decorator_list=[])
mod = ast.Module(body=[fn, ast.Expr(ast.Call(ast.Name("print", ast.Load()),
                                             [ast.Call(ast.Name("add", ast.Load()),
                                                       [ast.Constant(1)], [])], []))],
                 type_ignores=[])
exec(compile(ast.fix_missing_locations(mod), "<built>", "exec"))
print(compile(ast.fix_missing_locations(mod), "<built>", "exec").co_filename)
print(compile(ast.Expression(ast.Constant(3, lineno=1, col_offset=0)), "f", "eval").co_consts)
same = ast.parse("x")
print(compile(same, "f", "exec", ast.PyCF_ONLY_AST) is same)

# Errors
L = dict(lineno=1, col_offset=0)
def check(tree, mode="exec"):
    try:
        compile(tree, "<t>", mode)
        print("ok")
    except (TypeError, ValueError, SyntaxError, OverflowError) as e:
        print(type(e).__name__, e)

def expr_stmt(e):
    return ast.Module(body=[ast.Expr(e, **L)], type_ignores=[])

check(ast.Module(body=[ast.Expr(value=None, **L)], type_ignores=[]))
check(ast.Module(body=[ast.Expr(**L)], type_ignores=[]))
check(expr_stmt(ast.Name(id=None, ctx=ast.Load(), **L)))
check(expr_stmt(ast.Name(id="x", ctx=ast.Store(), **L)))
check(expr_stmt(ast.Name(id="x", ctx=ast.Load())))
check(expr_stmt(ast.Name(id="x", ctx=ast.Load(), lineno=1)))
check(expr_stmt(ast.Name(id=3, ctx=ast.Load(), **L)))
check(expr_stmt(ast.Name(id="True", ctx=ast.Load(), **L)))
check(expr_stmt(ast.Constant([1], **L)))
check(expr_stmt(ast.Constant({1: 2}, **L)))
check(expr_stmt(3))
check(ast.Module(body=ast.Pass(), type_ignores=[]))
check(ast.Module(body=[]))
check(ast.Module(body=[], type_ignores=[]))
check(ast.Expression(body=ast.Constant(1, **L)))
check(ast.Module(body=[ast.Pass(lineno="x", col_offset=0)], type_ignores=[]))
check(ast.Module(body=[ast.Pass(lineno=1)], type_ignores=[]))
check(ast.Module(body=[ast.Pass(lineno=2 ** 70, col_offset=0)], type_ignores=[]))
check(ast.Module(body=[ast.Pass(lineno=2, col_offset=0, end_lineno=1, end_col_offset=0)],
                 type_ignores=[]))
check(ast.Module(body=[ast.Pass(lineno=1, col_offset=5, end_lineno=1, end_col_offset=2)],
                 type_ignores=[]))
args0 = ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[])
check(ast.Module(body=[ast.FunctionDef(name="f", args=args0, body=[], decorator_list=[], **L)],
                 type_ignores=[]))
check(ast.Module(body=[ast.FunctionDef(name="f", args=None, body=[ast.Pass(**L)],
                                       decorator_list=[], **L)], type_ignores=[]))
check(expr_stmt(ast.BinOp(ast.Constant(1, **L), ast.Mult, ast.Constant(2, **L), **L)))
check(expr_stmt(ast.BinOp(ast.Constant(1, **L), ast.Add, ast.Constant(2, **L), **L)))
check(ast.Module(body=[ast.Return(**L)], type_ignores=[]))
check(ast.Module(body=[ast.ImportFrom(module="x", names=[], level=0, **L)], type_ignores=[]))
check(expr_stmt(ast.Compare(ast.Constant(1, **L), [], [], **L)))
check(expr_stmt(ast.Compare(ast.Constant(1, **L), [ast.Eq()], [], **L)))
check(expr_stmt(ast.BoolOp(ast.And(), [ast.Constant(1, **L)], **L)))
check(expr_stmt(ast.Dict([ast.Constant(1, **L)], [], **L)))
check(expr_stmt(ast.ListComp(ast.Constant(1, **L), [], **L)))
check(ast.Module(body=[ast.Assign(targets=[], value=ast.Constant(1, **L), **L)],
                 type_ignores=[]))
check(ast.Module(body=[ast.Delete(targets=[ast.Name("x", ast.Load(), **L)], **L)],
                 type_ignores=[]))
check(ast.Module(body=[ast.Assign(targets=[ast.Call(ast.Name("f", ast.Load(), **L), [], [], **L)],
                                  value=ast.Constant(1, **L), **L)], type_ignores=[]))
check(ast.Module(body=[ast.Try(body=[ast.Pass(**L)], handlers=[], orelse=[], finalbody=[], **L)],
                 type_ignores=[]))
check(ast.Module(body=[ast.Raise(cause=ast.Constant(1, **L), **L)], type_ignores=[]))
check(ast.Module(body=[ast.Global(names=[], **L)], type_ignores=[]))
check(ast.Module(body=[ast.AnnAssign(ast.Attribute(ast.Name("a", ast.Load(), **L), "b",
                                                   ast.Store(), **L),
                                     ast.Name("int", ast.Load(), **L), None, 1, **L)],
                 type_ignores=[]))
check(ast.Module(body=[None], type_ignores=[]))
check(expr_stmt(ast.Set([None], **L)))
check(ast.Module(body=[ast.Expr(ast.Constant(1, **L), **L)], type_ignores=()))
check(ast.Interactive(body=[ast.Pass(**L)]), "exec")
check(ast.Interactive(body=[ast.Pass(**L)]), "single")
check(ast.Module(body=[ast.Expr(ast.Constant(1, **L), **L)], type_ignores=[]), "eval")
check(ast.parse("x = 1"), "eval")

# Tuple constants (as ast.Constant holds them after constant folding by hand)
m = ast.Module([ast.Expr(ast.Call(ast.Name("print", ast.Load(), **L),
                                  [ast.Constant((1, (2, "a"), None), **L),
                                   ast.Constant(-10 ** 40, **L)], [], **L), **L)], [])
exec(compile(m, "<tuple>", "exec"))
c = compile(ast.Expression(ast.Constant((1, 2.5), **L)), "<tuple>", "eval")
print(eval(c), c.co_consts)
check(ast.Expression(ast.Constant((1, [2]), **L)), "eval")
