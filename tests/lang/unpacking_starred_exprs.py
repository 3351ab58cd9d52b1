# Tests starred expressions outside assignments: in return/yield tuples, subscripts, for iterables, print calls, set/list/tuple displays, and where they are syntax errors.

def ret():
    rest = [2, 3]
    return 1, *rest, 4

def gen():
    rest = "bc"
    yield "a", *rest

print(ret(), next(gen()))
data = [1, 2, 3]
print([*data, *data[::-1]], (*data,), {*data, *range(5)} == set(range(5)), [*"ab", *b"c"])
for x in *data, 4:
    print(x, end=" ")
print()
print(*data, sep=", ")
print(*[], *(), "only")
matrix = [[1, 2], [3, 4]]
print(*matrix)
print([*zip(*matrix)])
d = {**{"a": 1}, **dict(b=2)}
print(d, {**d, "a": 0}, {"a": 0, **d})
a, b = *"x", *"y"
print(a, b)
t = *range(3),
print(t)
nested = [*[*[1, 2], 3], *[4]]
print(nested)
def f(*args):
    return args
print(f(*data, *data), f(*(i * i for i in data)), f(*{"k": 1}))
for src in ["*a", "print(*)", "x = *a", "[*]", "return *a", "del *a", "f(**)", "{*}", "(*a)"]:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg)
lst = [0, 1, 2, 3]
print(lst[1:3], lst[*[1]] if False else "subscript-star skipped")
s = {*()}
print(s, type(s).__name__, [*{}.keys()], (*{"a": 1}.items(),))
