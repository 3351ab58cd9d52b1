# Tests RecursionError behaviour: caught and recovered from, limit changes via sys.setrecursionlimit, recursion through __getattr__/__eq__/generators.

import sys
def down(n):
    return down(n + 1)
def count_depth():
    depth = 0
    def rec():
        nonlocal depth
        depth += 1
        rec()
    try:
        rec()
    except RecursionError:
        pass
    return depth
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(100)
d100 = count_depth()
sys.setrecursionlimit(300)
d300 = count_depth()
print(d300 - d100, d100 < 100, d300 < 300)
sys.setrecursionlimit(old)
try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, e)
print("recovered", sum(range(10)))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(type(e).__name__, e)
class Selfish:
    def __eq__(self, other):
        return self == other
try:
    Selfish() == 1
except RecursionError as e:
    print("__eq__ recursion:", type(e).__name__)
def gen_rec(n):
    yield n
    yield from gen_rec(n + 1)
try:
    for _ in gen_rec(0):
        pass
except RecursionError as e:
    print("yield from recursion:", type(e).__name__)
nested = []
for _ in range(10000):
    nested = [nested]
try:
    repr(nested)
    print("repr ok")
except RecursionError as e:
    print("deep repr:", type(e).__name__)
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError:
    print("mutual recursion caught")
def safe_depth(n):
    return 0 if n == 0 else 1 + safe_depth(n - 1)
print(safe_depth(500))
