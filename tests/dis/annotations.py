# Annotations at module and class level (SETUP_ANNOTATIONS, __annotations__).
x: int = 1
y: list[str]
obj.attr: float
def f(a: int, *b: str, c: dict = {}, **d: bytes) -> None:
    z: int = 2
class C:
    n: int
