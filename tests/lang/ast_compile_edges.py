# compile() of odd AST objects: cycles and deep nesting (RecursionError, no crash),
# node subclasses, bad field types and values, and the validator's checks on
# patterns, arguments and statements, with CPython's errors.
import ast, sys
L = dict(lineno=1, col_offset=0)
def check(t, mode='exec'):
    try:
        compile(t, '<t>', mode); print('ok')
    except Exception as e:
        print(type(e).__name__, str(e)[:100])
# cycle
b = ast.BinOp(ast.Constant(1, **L), ast.Add(), None, **L)
b.right = b
check(ast.Expression(b), 'eval')
# deep
e = ast.Constant(1, **L)
for i in range(100000):
    e = ast.UnaryOp(ast.USub(), e, **L)
check(ast.Expression(e), 'eval')
e = ast.Constant(1, **L)
for i in range(500):
    e = ast.UnaryOp(ast.USub(), e, **L)
check(ast.Expression(e), 'eval')
# list that mutates during conversion
# subclass nodes
class MyName(ast.Name): pass
check(ast.Expression(MyName('x', ast.Load(), **L)), 'eval')
# weird types
for v in [ast.Constant(1, lineno=None, col_offset=0), ast.Constant(1, lineno=1.5, col_offset=0), ast.Constant(1, lineno=True, col_offset=0),
          ast.Constant(1, lineno=-5, col_offset=-1, end_lineno=-5, end_col_offset=-1), ast.Name('\udcff', ast.Load(), **L),
          ast.Constant('\udcff', **L), ast.Constant(b'x', kind=3, **L), ast.Constant(True, kind='u', **L),
          ast.Name(ast.Load(), ast.Load(), **L), ast.JoinedStr([ast.Constant(1, **L)], **L),
          ast.FormattedValue(ast.Constant(1, **L), 'x', None, **L), ast.FormattedValue(ast.Constant(1, **L), 2**40, None, **L),
          ast.Starred(ast.Name('x', ast.Load(), **L), ast.Load(), **L),
          ast.Lambda(ast.arguments([], [], None, [], [], None, []), ast.Name('x', ast.Load(), **L), **L),
          ast.Call(ast.Name('f', ast.Load(), **L), [], [ast.keyword(None, ast.Name('x', ast.Load(), **L), **L)], **L),
          ast.Call(ast.Name('f', ast.Load(), **L), [], [ast.keyword('a', ast.Name('x', ast.Load(), **L))], **L)]:
    check(ast.Expression(v), 'eval')
check(ast.Module([ast.ImportFrom('m', [ast.alias('x', **L)], -1, **L)], []))
check(ast.Module([ast.ImportFrom(None, [ast.alias('x', **L)], None, **L)], []))
check(ast.Module([ast.Global(['x', 3], **L)], []))
check(ast.Module([ast.Match(ast.Name('x', ast.Load(), **L), [ast.match_case(ast.MatchAs(None, '_', **L), None, [ast.Pass(**L)])], **L)], []))
check(ast.Module([ast.Match(ast.Name('x', ast.Load(), **L), [ast.match_case(ast.MatchStar('y', **L), None, [ast.Pass(**L)])], **L)], []))
check(ast.Module([ast.Match(ast.Name('x', ast.Load(), **L), [ast.match_case(ast.MatchValue(ast.Name('y', ast.Load(), **L), **L), None, [ast.Pass(**L)])], **L)], []))
check(ast.Module([ast.Match(ast.Name('x', ast.Load(), **L), [ast.match_case(ast.MatchSingleton(3, **L), None, [ast.Pass(**L)])], **L)], []))
check(ast.Module([ast.Match(ast.Name('x', ast.Load(), **L), [ast.match_case(ast.MatchClass(ast.Constant(1, **L), [], [], [], **L), None, [ast.Pass(**L)])], **L)], []))
check(ast.Module([ast.Match(ast.Name('x', ast.Load(), **L), [ast.match_case(ast.MatchOr([ast.MatchAs(None, 'a', **L)], **L), None, [ast.Pass(**L)])], **L)], []))
check(ast.Module([ast.Match(ast.Name('x', ast.Load(), **L), [ast.match_case(ast.MatchMapping([ast.Name('k', ast.Load(), **L)], [ast.MatchAs(None, 'a', **L)], None, **L), None, [ast.Pass(**L)])], **L)], []))
check(ast.Module([ast.Match(ast.Name('x', ast.Load(), **L), [ast.match_case(ast.MatchValue(ast.Constant(None, **L), **L), None, [ast.Pass(**L)])], **L)], []))
check(ast.Module([ast.Match(ast.Name('x', ast.Load(), **L), [ast.match_case(ast.MatchAs(ast.MatchAs(None, None, **L), None, **L), None, [ast.Pass(**L)])], **L)], []))
check(ast.Module([ast.FunctionDef('f', ast.arguments([], [ast.arg('a', **L)], None, [], [], None, [ast.Constant(1, **L), ast.Constant(2, **L)]), [ast.Pass(**L)], [], **L)], []))
check(ast.Module([ast.FunctionDef('f', ast.arguments([], [], None, [ast.arg('a', **L)], [], None, []), [ast.Pass(**L)], [], **L)], []))
check(ast.Module([ast.AnnAssign(ast.Name('x', ast.Store(), **L), ast.Name('int', ast.Load(), **L), None, 2**40, **L)], []))
check(ast.Module([ast.With([], [ast.Pass(**L)], **L)], []))
check(ast.Module([ast.Try([ast.Pass(**L)], [], [ast.Pass(**L)], [ast.Pass(**L)], **L)], []))
check(ast.Module([ast.Expr(ast.Yield(None, **L), **L)], []))
check(ast.Module([ast.Expr(ast.Await(ast.Constant(1, **L), **L), **L)], []))
check(ast.Module([ast.Nonlocal(['x'], **L)], []))
check(ast.Module([ast.Break(**L)], []))
check(ast.Module([ast.Expr(ast.Dict([None], [ast.Name('d', ast.Load(), **L)], **L), **L)], []))
check(ast.Module([ast.Expr(ast.Dict([None], [None], **L), **L)], []))
check(ast.Module([ast.ClassDef('C', [], [], [], [], **L)], []))
check(ast.Module([ast.Expr(ast.NamedExpr(ast.Attribute(ast.Name('a', ast.Load(), **L), 'b', ast.Store(), **L), ast.Constant(1, **L), **L), **L)], []))
print(eval(compile(ast.Expression(ast.Constant(-1.5e300j, **L)), '', 'eval')))
print(eval(compile(ast.Expression(ast.Constant(2**200, **L)), '', 'eval')))
print(eval(compile(ast.Expression(ast.Constant('\udcff\x00é', **L)), '', 'eval')) == '\udcff\x00é')
print(eval(compile(ast.Expression(ast.Constant(b'\x00\xff', **L)), '', 'eval')))

# A list that grows while it is converted
m = ast.Module(body=[], type_ignores=[])


class Grower(ast.Pass):
    def __getattribute__(self, name):
        if name == "lineno":
            m.body.append(ast.Pass(**L))
        return object.__getattribute__(self, name)


m.body.append(ast.Expr(ast.Constant(1, **L), **L))
m.body.append(Grower(**L))
check(m)
