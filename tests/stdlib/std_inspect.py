# inspect (CPython's own, importable now that importlib bootstraps on
# krait's _imp and marshal): signatures of functions, methods, classes and
# builtins, binding, source of functions and classes, members, predicates,
# frames, unwrap, cleandoc/getdoc, getmodule.
import functools
import inspect
import textwrap


def f(a, b: int = 2, *args, c, d="x", **kw) -> str:
    """Docstring of f.

        Indented detail.
    """
    return "f"


async def coro(x, /, y=1):
    pass


def gen():
    yield 1


class K:
    """A class."""
    attr = 3

    def __init__(self, v, *, w=None):
        self.v = v

    def method(self, a, b=1):
        return a

    @classmethod
    def cm(cls, z):
        pass

    @staticmethod
    def sm(q, r=0):
        pass

    @property
    def prop(self):
        return 1


sig = inspect.signature(f)
print(sig, list(sig.parameters), sig.return_annotation)
for p in sig.parameters.values():
    print(p.name, p.kind, p.default, p.annotation)
print(inspect.signature(coro), inspect.signature(K), inspect.signature(K.method),
      inspect.signature(K(1).method), inspect.signature(K.cm), inspect.signature(K.sm))
print(inspect.signature(lambda x, *y, **z: 0), inspect.signature(functools.partial(f, 1, c=3)))
b = sig.bind(1, 2, 3, c=4, e=5)
print(b.arguments, b.args, b.kwargs)
b.apply_defaults()
print(b.arguments)
try:
    sig.bind(1)
except TypeError as e:
    print("TypeError", e)
print(inspect.getfullargspec(f))
print(inspect.getcallargs(f, 1, c=2))
print(inspect.isfunction(f), inspect.ismethod(K(1).method), inspect.isclass(K),
      inspect.iscoroutinefunction(coro), inspect.isgeneratorfunction(gen),
      inspect.isgenerator(gen()), inspect.isbuiltin(len), inspect.isroutine(K.sm),
      inspect.ismodule(inspect), inspect.isabstract(K), inspect.isdatadescriptor(K.prop))
print(inspect.getdoc(f))
print(inspect.cleandoc(f.__doc__))
print(inspect.getsource(f))
print(textwrap.indent(inspect.getsource(K.method), "> "))
print(inspect.getsourcelines(K.cm)[1], inspect.getsourcefile(f).endswith("std_inspect.py"))
print([name for name, _ in inspect.getmembers(K) if not name.startswith("__")])
print([name for name, _ in inspect.getmembers(K, inspect.isfunction)])
print(inspect.getmodule(f).__name__, inspect.getmodulename("/a/b/mod.py"))
print(type(inspect.getattr_static(K, "prop")).__name__, inspect.getattr_static(K(1), "attr"))
print([c.__name__ for c in inspect.getmro(K)], inspect.getdoc(K))


def outer():
    frame = inspect.currentframe()
    info = inspect.getframeinfo(frame)
    return info.function, info.lineno - frame.f_code.co_firstlineno, frame.f_back.f_code.co_name


print(outer())
print([fi.function for fi in inspect.stack()[:1]])


@functools.wraps(f)
def wrapper(*a, **k):
    return f(*a, **k)


print(inspect.unwrap(wrapper) is f, inspect.signature(wrapper))
print(inspect.Parameter("x", inspect.Parameter.KEYWORD_ONLY, default=3))
print(inspect.Signature([inspect.Parameter("a", inspect.Parameter.POSITIONAL_ONLY)]))
print(inspect.formatannotation(int), inspect.formatannotation(list[int]))
print(inspect.getgeneratorstate(gen()), inspect.getclosurevars(outer).globals.keys())
