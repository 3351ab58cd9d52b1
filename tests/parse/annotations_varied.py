x: int
y: int = 1
(z): int = 2
a.b: str
a[0]: list[int] = []
t: tuple[int, ...] = (1, 2)
u: "forward" = None
v: int | None = None
w: dict[str, list[int]]
def f(a: int, b: "str" = "", *c: float, d: bool = True, **e: object) -> None:
    local: int = 0
c: Callable[[int], str] = lambda i: str(i)
