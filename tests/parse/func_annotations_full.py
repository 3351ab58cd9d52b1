def f(a: int = 1, *args: str, b: "x" = 2, **kw: dict) -> None:
    pass
def g(a: lambda: 0, b: (yield) = 1) -> (x := 1):
    pass
def h() -> int | None: pass
