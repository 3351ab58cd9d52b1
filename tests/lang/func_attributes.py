# Tests function objects: __name__/__qualname__/__doc__/__module__/__dict__, annotations, mutable attributes, __defaults__ identity, equality and hashing.

def documented(a: int, b: "str" = "x", *args: float, c: bool = True, **kw: dict) -> list:
    """Docstring first line.

    More text."""
    return [a, b]

print(documented.__name__, documented.__qualname__, documented.__module__, documented.__doc__.splitlines()[0])
print(documented.__annotations__)
print(documented.__defaults__, documented.__kwdefaults__)

def nodoc():
    pass

print(nodoc.__doc__, nodoc.__annotations__, nodoc.__defaults__, nodoc.__kwdefaults__, nodoc.__dict__)

def outer():
    def inner():
        def innermost():
            pass
        return innermost
    return inner

print(outer().__qualname__, outer()().__qualname__, (lambda: 0).__qualname__)

class K:
    def meth(self):
        pass

    class Nested:
        def deep(self):
            pass

print(K.meth.__qualname__, K.Nested.deep.__qualname__, K().meth.__qualname__)
nodoc.custom = 1
nodoc.__dict__["other"] = 2
print(nodoc.custom, nodoc.other, sorted(vars(nodoc)))
nodoc.__name__ = "renamed"
nodoc.__qualname__ = "Q.renamed"
nodoc.__doc__ = "new doc"
print(nodoc.__name__, nodoc.__qualname__, nodoc.__doc__)
try:
    nodoc.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    nodoc.__defaults__ = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    nodoc.__kwdefaults__ = []
except TypeError as e:
    print(type(e).__name__, e)
try:
    nodoc.__dict__ = 1
except TypeError as e:
    print(type(e).__name__, e)
del nodoc.custom
print(hasattr(nodoc, "custom"))
f1 = lambda: 0
f2 = lambda: 0
print(f1 == f1, f1 == f2, hash(f1) == hash(f1), {f1: 1}[f1])
print(type(documented).__name__, callable(documented), isinstance(documented, object))

def annotated_locals(x: "local annotation"):
    y: int = 5
    z: str
    return y

print(annotated_locals.__annotations__, annotated_locals(1))
def generator_func():
    yield
print(type(generator_func).__name__, generator_func.__code__.co_flags & 0x20 != 0, documented.__code__.co_flags & 0x20 != 0)
print(documented.__code__.co_name, documented.__code__.co_argcount, documented.__code__.co_kwonlyargcount)
print(documented.__globals__ is globals(), nodoc.__builtins__ is not None if hasattr(nodoc, "__builtins__") else "no __builtins__ attr")
m = K().meth
print(m.__func__ is K.meth, m.__self__.__class__.__name__, m.__name__, m.__doc__)
try:
    m.new_attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
K.meth.attr_on_func = "visible via method"
print(m.attr_on_func)
