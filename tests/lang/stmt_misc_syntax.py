# Tests small statement forms: pass/ellipsis bodies, semicolon-separated statements, docstrings as first statement, line continuation, global on one line, annotated assignments.

def empty():
    pass

def ellipsis_body():
    ...

def doc_only():
    "Only a docstring."

class EmptyClass:
    pass

class DocClass:
    """Class docstring."""

print(empty(), ellipsis_body(), doc_only(), doc_only.__doc__, DocClass.__doc__, EmptyClass.__doc__)
a = 1; b = 2; c = a + b
print(a, b, c)
if c: print("inline if"); print("second inline")
total = 1 + \
        2 + \
        3
print(total)
values = [
    1,
    2,  # trailing comment
    3,
]
print(values, len(values))
x: int = 5
y: "unused annotation"
z: list[int] = []
print(x, z, "y" in dir(), __annotations__)

class Annotated:
    count: int = 0
    name: str
    items: list = []

print(Annotated.__annotations__, Annotated.count, hasattr(Annotated, "name"))

def ann_in_func():
    local: int = 3
    other: str
    return local, ann_in_func.__annotations__ if hasattr(ann_in_func, "__annotations__") else None

print(ann_in_func())
obj = Annotated()
obj.attr: int = 7
d = {}
d["k"]: str = "v"
print(obj.attr, d)
print(...)
print(Ellipsis is ..., type(...).__name__, bool(...))
def multi_line_signature(
    first,
    second=2,
    *rest,
    **options,
):
    return first, second, rest, options
print(multi_line_signature(1, 2, 3, k=4))
result = (
    "implicit "
    "concatenation "
    f"with f{1 + 1}"
)
print(result)
while False: pass
for _ in (): pass
with open.__class__ if False else type("CM", (), {"__enter__": lambda s: "entered", "__exit__": lambda s, *a: None})() as v: print(v)
try: raise ValueError("one-liner")
except ValueError as e: print("caught", e)
lambda: (yield)
print("end")
