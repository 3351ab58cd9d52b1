assert x
assert x, "message"
assert (x, y)
assert x == y, f"{x} != {y}"
assert not x, (
    "long"
    " message"
)
