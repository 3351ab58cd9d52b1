# Tests list used as stack and queue plus common algorithms: push/pop, pop(0), insert(0), rotation by slicing, binary search by hand, in-place reverse.

stack = []
for i in range(5):
    stack.append(i * i)
print(stack, stack[-1], stack.pop(), stack.pop(), stack)
queue = ["a", "b", "c"]
queue.append("d")
print(queue.pop(0), queue.pop(0), queue)
queue.insert(0, "front")
print(queue)
def rotate(lst, k):
    if not lst:
        return lst
    k %= len(lst)
    return lst[-k:] + lst[:-k]
print([rotate([1, 2, 3, 4, 5], k) for k in (0, 1, 2, 5, 7, -1)], rotate([], 3))
def bsearch(lst, target):
    lo, hi = 0, len(lst)
    while lo < hi:
        mid = (lo + hi) // 2
        if lst[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo
data = [1, 3, 3, 5, 8, 13, 21]
print([bsearch(data, t) for t in (0, 1, 3, 4, 21, 22)])
def merge(a, b):
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i]); i += 1
        else:
            out.append(b[j]); j += 1
    out.extend(a[i:]); out.extend(b[j:])
    return out
def merge_sort(lst):
    if len(lst) <= 1:
        return lst
    mid = len(lst) // 2
    return merge(merge_sort(lst[:mid]), merge_sort(lst[mid:]))
print(merge_sort([5, 2, 9, 1, 5, 6, 0, -3, 2]))
def quicksort(lst):
    if len(lst) < 2:
        return lst
    pivot, *rest = lst
    return quicksort([x for x in rest if x < pivot]) + [pivot] + quicksort([x for x in rest if x >= pivot])
print(quicksort([3, 6, 1, 8, 2, 9, 2]))
m = [1, 2, 3, 4, 5]
i, j = 0, len(m) - 1
while i < j:
    m[i], m[j] = m[j], m[i]
    i += 1; j -= 1
print(m)
def transpose(matrix):
    return [list(row) for row in zip(*matrix)]
print(transpose([[1, 2, 3], [4, 5, 6]]), transpose([]))
def chunks(lst, n):
    return [lst[i:i + n] for i in range(0, len(lst), n)]
print(chunks(list(range(10)), 3), chunks([], 2))
def dedupe(lst):
    seen = []
    for x in lst:
        if x not in seen:
            seen.append(x)
    return seen
print(dedupe([3, 1, 3, 2, 1, "a", "a"]))
def running_max(lst):
    out, cur = [], None
    for x in lst:
        cur = x if cur is None or x > cur else cur
        out.append(cur)
    return out
print(running_max([3, 1, 4, 1, 5, 9, 2, 6]))
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix, [row[i] for i, row in enumerate(matrix)], sum(map(sum, matrix)))
pascal = [[1]]
for _ in range(5):
    prev = pascal[-1]
    pascal.append([1] + [prev[i] + prev[i + 1] for i in range(len(prev) - 1)] + [1])
print(pascal[-1], len(pascal))
