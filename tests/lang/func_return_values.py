# Tests return semantics: implicit None, bare return, multiple values as tuple, early returns in loops, return of functions/closures, return inside with/try/finally.

def implicit():
    x = 1

def bare():
    return

def multi():
    return 1, "two", [3]

def single_tuple():
    return (1,)

def conditional(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return
    for i in range(n):
        if i * i >= n:
            return f"sqrt-ish {i}"
    return "loop finished"

def returns_function(k):
    def inner(x):
        return x * k
    return inner

def nested_return():
    def helper():
        return "helper value"
    return helper()

print(implicit(), bare(), multi(), single_tuple(), type(multi()).__name__)
print([conditional(n) for n in (-1, 0, 1, 5, 16, 17)])
print(returns_function(3)(4), returns_function("ab")(2), nested_return())
a, b, c = multi()
print(a, b, c)

class CM:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        print("  exit runs before value is seen")

def return_in_with():
    with CM():
        return "with value"

print(return_in_with())

def return_in_try():
    try:
        return "try value"
    except Exception:
        return "except value"
    else:
        return "else value (unreachable)"

def return_in_else():
    try:
        pass
    except Exception:
        return "except"
    else:
        return "else value"

print(return_in_try(), return_in_else())

def generator_return():
    yield 1
    return 2

g = generator_return()
print(list(g))

def return_lambda():
    return lambda: "lambda result"

print(return_lambda()())

def early_exit(items):
    for i in items:
        for j in items:
            if i + j == 10:
                return (i, j)
    return None

print(early_exit([1, 4, 6, 9]), early_exit([1, 2]))

def chained():
    return chained_helper(5)

def chained_helper(n):
    return n and chained_helper(n - 1) + [n] or []

print(chained())

def return_expr_eval_order():
    order = []
    def v(x):
        order.append(x)
        return x
    def f():
        return v(1) + v(2) * v(3)
    return f(), order

print(return_expr_eval_order())
print(type(implicit).__name__, implicit.__code__.co_name)
