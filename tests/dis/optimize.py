# dis: -OO
"""Module docstring dropped at -OO."""
assert x, "message"
if __debug__:
    print("debug")
def f():
    "Docstring."
    assert y
