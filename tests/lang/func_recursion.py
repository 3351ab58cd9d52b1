# Tests recursion: classic recursive functions, mutual recursion, deep recursion hitting RecursionError (caught), recovery afterwards.

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

def permutations(s):
    if len(s) <= 1:
        return [s]
    return [s[i] + p for i in range(len(s)) for p in permutations(s[:i] + s[i + 1:])]

def flatten(x):
    if isinstance(x, list):
        return [z for y in x for z in flatten(y)]
    return [x]

print(fact(20), fact(30), [fib(i) for i in range(15)], is_even(100), is_odd(77))
print(len(hanoi(6, "A", "B", "C", [])), hanoi(2, "A", "B", "C", []))
print(ackermann(2, 3), permutations("abc"), flatten([1, [2, [3, [4, []]], 5]]))

def infinite(n):
    return infinite(n + 1)

try:
    infinite(0)
except RecursionError as e:
    print(type(e).__name__, e)
print(fact(50) % 1000007)

def depth_counter(n):
    try:
        return depth_counter(n + 1)
    except RecursionError:
        return n

d = depth_counter(0)
print(d > 100)

class Node:
    def __init__(self, val, nxt=None):
        self.val = val
        self.nxt = nxt

    def __repr__(self):
        return f"Node({self.val}, {self.nxt!r})"

chain = None
for i in range(3):
    chain = Node(i, chain)
print(repr(chain))

class Loop:
    def __repr__(self):
        return repr(self)

try:
    repr(Loop())
except RecursionError as e:
    print("repr loop", type(e).__name__)

class Deep:
    def __getattr__(self, name):
        return getattr(self, name + "x")

try:
    Deep().a
except RecursionError as e:
    print("getattr loop", type(e).__name__)

nested = []
cur = nested
for _ in range(100):
    cur.append([])
    cur = cur[0]
print(str(nested)[:20], len(str(nested)))

def sum_list(xs):
    return 0 if not xs else xs[0] + sum_list(xs[1:])

print(sum_list(list(range(200))))
import sys
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    fact(500)
except RecursionError as e:
    print("limited", type(e).__name__)
sys.setrecursionlimit(old)
print(fact(150) > 0)
