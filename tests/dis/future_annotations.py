from __future__ import annotations
# Annotations become strings (their source, as ast.unparse writes it).
def f(a: list[int] | None, b: "quoted" = 1, *, c: Callable[..., T] = None) -> dict[str, (1 + 2)]:
    pass
x: lambda y: y ** 2 = 3
