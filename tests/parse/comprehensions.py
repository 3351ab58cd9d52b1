[x for x in y]
[x for x in y if x]
[x for x in y if x if not x]
[x * y for x in a for y in b]
[x for x in a if x for y in b if y]
{x for x in y}
{k: v for k, v in items}
(x for x in y)
[[x for x in row] for row in m]
[x for x, in y]
[(a, b) for a, *b in c]
[x for x in (lambda: y)()]
[x if c else d for x in z]
[x for x in a or b]
[x for x in y if a if b]
