# Defaults, keyword-only defaults, annotations, closures, nonlocal, decorators.
def outer(a, b=1, *args, c, d=2, **kw) -> int:
    """Docstring."""
    n = 0
    def inner(e: int = 3):
        nonlocal n
        n += a + e
        return n
    return inner

@decorator
@other(1)
def f(x, /, y):
    global G
    G = x
    return lambda z, *, w=1: x + y + z + w
