# Tests recursion over data structures: tree building/traversal, JSON-like serialization by hand, deep copy, permutations/subsets, memoized recursion, depth limits.

def build(depth):
    if depth == 0:
        return None
    return {"v": depth, "l": build(depth - 1), "r": build(depth - 2) if depth > 1 else None}

def count(node):
    return 0 if node is None else 1 + count(node["l"]) + count(node["r"])

def height(node):
    return 0 if node is None else 1 + max(height(node["l"]), height(node["r"]))

def inorder(node):
    return [] if node is None else inorder(node["l"]) + [node["v"]] + inorder(node["r"])

t = build(6)
print(count(t), height(t), inorder(t))

def dumps(obj):
    if isinstance(obj, dict):
        return "{" + ", ".join(f"{dumps(k)}: {dumps(v)}" for k, v in obj.items()) + "}"
    if isinstance(obj, (list, tuple)):
        return "[" + ", ".join(dumps(x) for x in obj) + "]"
    if isinstance(obj, str):
        return '"' + obj.replace('"', '\\"') + '"'
    if obj is None:
        return "null"
    if isinstance(obj, bool):
        return "true" if obj else "false"
    return str(obj)

print(dumps({"a": [1, 2, {"b": None}], "c": True, "d": 'q"uote', "e": (1.5, False)}))

def deepcopy(obj):
    if isinstance(obj, list):
        return [deepcopy(x) for x in obj]
    if isinstance(obj, dict):
        return {k: deepcopy(v) for k, v in obj.items()}
    return obj

orig = {"x": [1, [2, 3]], "y": {"z": [4]}}
cp = deepcopy(orig)
cp["x"][1].append(99)
print(orig, cp)

def subsets(s):
    if not s:
        return [[]]
    rest = subsets(s[1:])
    return rest + [[s[0]] + r for r in rest]

def perms(s):
    if len(s) <= 1:
        return [s]
    return [c + p for i, c in enumerate(s) for p in perms(s[:i] + s[i + 1:])]

print(sorted(subsets([1, 2, 3])), perms("abc"), len(perms("abcde")))

memo = {}
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    if (n, k) not in memo:
        memo[(n, k)] = partitions(n - k, k) + partitions(n, k - 1)
    return memo[(n, k)]

print([partitions(n, n) for n in range(15)])

def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)

def power_set_sum(items, target, idx=0):
    if target == 0:
        return 1
    if idx == len(items) or target < 0:
        return 0
    return power_set_sum(items, target - items[idx], idx + 1) + power_set_sum(items, target, idx + 1)

print(gcd(1071, 462), gcd(2 ** 40, 6 ** 20), power_set_sum([1, 2, 3, 4, 5, 6], 10))

def nest(n):
    return [] if n == 0 else [nest(n - 1)]

deep = nest(50)
def depth(x):
    return 0 if not x else 1 + depth(x[0])
print(depth(deep), str(nest(3)))

def runaway(n):
    return runaway(n + 1) + 1

try:
    runaway(0)
except RecursionError as e:
    print(type(e).__name__)
print(depth(nest(100)))
