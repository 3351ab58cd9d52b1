# Comprehensions as nested functions, generator expressions, nesting.
a = [x * 2 for x in range(10) if x % 2]
b = {k: v for k, v in items.items()}
c = {x for row in grid for x in row if x}
d = (y for y in data)
e = [[j for j in range(i)] for i in range(3)]
def f(n):
    return sum(i for i in range(n))
