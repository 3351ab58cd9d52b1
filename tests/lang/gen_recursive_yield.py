# Tests recursive generators with yield from: tree traversals (pre/in/post order), permutations, nested list flattening with depth, and return values bubbling up.

class Node:
    def __init__(self, v, left=None, right=None):
        self.v, self.left, self.right = v, left, right

tree = Node(4, Node(2, Node(1), Node(3)), Node(6, Node(5), Node(7, None, Node(8))))

def preorder(n):
    if n:
        yield n.v
        yield from preorder(n.left)
        yield from preorder(n.right)

def inorder(n):
    if n:
        yield from inorder(n.left)
        yield n.v
        yield from inorder(n.right)

def postorder(n):
    if n:
        yield from postorder(n.left)
        yield from postorder(n.right)
        yield n.v

def count_nodes(n):
    if not n:
        return 0
    left = yield from count_nodes(n.left)
    yield n.v
    right = yield from count_nodes(n.right)
    return left + right + 1

print(list(preorder(tree)), list(inorder(tree)), list(postorder(tree)))
g = count_nodes(tree)
seen = []
try:
    while True:
        seen.append(next(g))
except StopIteration as e:
    print(seen, "count =", e.value)

def perms(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, x in enumerate(items):
        for rest in perms(items[:i] + items[i + 1:]):
            yield [x] + rest

print(list(perms([1, 2, 3])), sum(1 for _ in perms(list(range(6)))))

def flatten(x, depth=0):
    if isinstance(x, (list, tuple)):
        for item in x:
            yield from flatten(item, depth + 1)
    else:
        yield (x, depth)

print(list(flatten([1, [2, (3, [4])], [[5]]])))

def combinations(items, k):
    if k == 0:
        yield ()
        return
    for i in range(len(items)):
        for rest in combinations(items[i + 1:], k - 1):
            yield (items[i],) + rest

print(list(combinations("abcd", 2)), len(list(combinations(range(10), 3))))

def walk(d, prefix=()):
    for k, v in d.items():
        if isinstance(v, dict):
            yield from walk(v, prefix + (k,))
        else:
            yield ".".join(prefix + (k,)), v

print(list(walk({"a": {"b": 1, "c": {"d": 2}}, "e": 3})))

def hanoi(n, a="A", b="B", c="C"):
    if n:
        yield from hanoi(n - 1, a, c, b)
        yield (a, c)
        yield from hanoi(n - 1, b, a, c)

moves = list(hanoi(4))
print(len(moves), moves[:5])
