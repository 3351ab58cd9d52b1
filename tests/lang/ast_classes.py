# The _ast classes under ast.py: hierarchy, _fields/_attributes/__match_args__,
# docstrings, None defaults of optional fields, the AST constructor's rules
# and errors, shared operator instances, pickling and copying.
import ast
import copy
import pickle

names = sorted(n for n in dir(ast) if isinstance(getattr(ast, n), type) and
               issubclass(getattr(ast, n), ast.AST))
print(len(names))
for n in ["AST", "mod", "stmt", "expr", "expr_context", "Name", "Load", "arguments", "arg",
          "keyword", "alias", "withitem", "match_case", "pattern", "MatchAs", "TypeIgnore",
          "comprehension", "excepthandler", "ExceptHandler", "Compare", "cmpop", "NotIn"]:
    c = getattr(ast, n)
    print(n, c.__module__, [b.__name__ for b in c.__mro__], c._fields, c._attributes,
          c.__match_args__)
print(ast.expr.__doc__.splitlines()[:3])
print(ast.Name.__doc__, ast.Load.__doc__, ast.arguments.__doc__)
print(ast.FunctionDef.returns, ast.FunctionDef.type_comment, ast.ImportFrom.level,
      ast.Slice.lower, ast.expr.end_lineno, ast.stmt.end_col_offset, ast.arg.annotation)
print(hasattr(ast.pattern, "end_lineno"), hasattr(ast.Name, "id"), hasattr(ast.Name, "ctx"))
print(type(ast.Name), type(ast.AST), ast.AST._fields, ast.AST._attributes)

# Constructors
n = ast.Name("x", ast.Load(), lineno=3, col_offset=4)
print(ast.dump(n, include_attributes=True), sorted(n.__dict__))
print(ast.dump(ast.Name()), ast.Name().__dict__, ast.Name(id=1).__dict__)
print(ast.Constant(5).kind, ast.Constant(5).value, ast.Constant(5).__dict__)
for make in [lambda: ast.Name(1, 2, 3), lambda: ast.Pass(1), lambda: ast.AST(1),
             lambda: ast.Name("x", id="y"), lambda: ast.BinOp(1, 2, 3, 4),
             lambda: ast.arguments(*range(8))]:
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)
try:
    ast.Name().id
except AttributeError as e:
    print("AttributeError:", e)
print(ast.dump(ast.Name(foo=3)), ast.Name(foo=3).foo)

# Subclasses of AST get the same constructor
class Pair(ast.AST):
    _fields = ("a", "b")

p = Pair(1, b=2)
print(ast.dump(p), p.a, p.b, Pair(1).__dict__)
try:
    Pair(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)

class NoFields(ast.AST):
    pass

print(NoFields(x=1).x, ast.dump(NoFields()))

# Operators and contexts from the parser are shared instances; new ones are not.
t1, t2 = ast.parse("a + b"), ast.parse("c + d")
print(t1.body[0].value.op is t2.body[0].value.op, ast.Add() is ast.Add())
print(t1.body[0].value.left.ctx is t2.body[0].value.right.ctx)
print(isinstance(t1.body[0].value.op, ast.operator), isinstance(t1, ast.mod))

# __reduce__, pickle, copy
print(ast.AST().__reduce__(), n.__reduce__()[0].__name__, n.__reduce__()[1])
print(sorted(n.__reduce__()[2]))
m = ast.parse("def f(x, *, y=2):\n    return [i for i in x if i > y]\n")
m2 = pickle.loads(pickle.dumps(m))
print(ast.dump(m2, include_attributes=True) == ast.dump(m, include_attributes=True))
m3 = copy.deepcopy(m)
print(ast.dump(m3) == ast.dump(m), m3.body[0] is not m.body[0])
print(ast.dump(copy.copy(n), include_attributes=True))

# Attributes can be set, deleted, and __dict__ replaced
n.id = "y"
del n.lineno
print(ast.dump(n, include_attributes=True))
n.__dict__ = {"id": "z"}
print(ast.dump(n))

# match statements use __match_args__
match ast.parse("f(1)").body[0].value:
    case ast.Call(ast.Name(fname), [ast.Constant(v)]):
        print("matched", fname, v)
