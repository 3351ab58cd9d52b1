# Many small objects: binary trees built and torn down level by level
# (allocation churn with short lifetimes), a long singly linked list
# built, reversed and walked, and small __slots__ records and tuples
# created in bulk and dropped.


class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


def make_tree(depth):
    if depth == 0:
        return Node(None, None)
    depth -= 1
    return Node(make_tree(depth), make_tree(depth))


def count_nodes(node):
    if node.left is None:
        return 1
    return 1 + count_nodes(node.left) + count_nodes(node.right)


class Cell:
    __slots__ = ("value", "next")

    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt


def build_list(n):
    head = None
    for i in range(n):
        head = Cell(i, head)
    return head


def reverse(head):
    prev = None
    while head is not None:
        nxt = head.next
        head.next = prev
        prev = head
        head = nxt
    return prev


def walk(head):
    total = 0
    steps = 0
    while head is not None:
        total += head.value * (steps & 7)
        steps += 1
        head = head.next
    return total, steps


def records(n):
    kept = []
    total = 0
    for i in range(n):
        rec = (i, str(i), [i, i + 1], {"k": i})
        total += rec[2][1] + rec[3]["k"]
        if i % 1000 == 0:
            kept.append(rec)
    return total, len(kept)


def main():
    max_depth = 14
    long_lived = make_tree(max_depth)
    checks = []
    for depth in range(4, max_depth + 1, 2):
        iterations = 2 ** (max_depth - depth + 3)
        total = 0
        for _ in range(iterations):
            total += count_nodes(make_tree(depth))
        checks.append(total)
    head = reverse(build_list(300000))
    walked = walk(head)
    print("trees", checks, "long lived", count_nodes(long_lived))
    print("list", walked, "records", records(150000))


main()
