# Tests assert: passing/failing, message evaluation only on failure, AssertionError args, assert with tuples (always true), custom message objects.

def check(cond, msg_fn=None):
    try:
        if msg_fn is None:
            assert cond
        else:
            assert cond, msg_fn()
        return "passed"
    except AssertionError as e:
        return f"AssertionError args={e.args!r} str={str(e)!r}"

print(check(True), check(1), check([0]), check("x"))
print(check(False), check(0), check([]), check(None))
print(check(False, lambda: "custom message"), check(0, lambda: 42), check("", lambda: ["list", "msg"]), check(0, lambda: None))
evaluated = []
def msg():
    evaluated.append(1)
    return "evaluated"
assert True, msg()
print(evaluated)
try:
    assert False, msg()
except AssertionError:
    pass
print(evaluated)
x = 5
try:
    assert x > 10, f"x is {x}"
except AssertionError as e:
    print(e)
try:
    assert isinstance(x, str), ("tuple", "message")
except AssertionError as e:
    print(e.args, e)

class Falsy:
    def __bool__(self):
        print("  __bool__ called")
        return False

try:
    assert Falsy(), "falsy object"
except AssertionError as e:
    print(e)

class BoolRaises:
    def __bool__(self):
        raise ValueError("bool failed")

try:
    assert BoolRaises()
except ValueError as e:
    print(type(e).__name__, e)

def raise_in_message():
    assert False, 1 / 0

try:
    raise_in_message()
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(__debug__)
try:
    assert 1 == 2, KeyError("exc as message")
except AssertionError as e:
    print(repr(e.args[0]), type(e.args[0]).__name__)
def nested_assert(values):
    for v in values:
        assert v >= 0, f"negative value {v}"
    return sum(values)
print(nested_assert([1, 2]))
try:
    nested_assert([1, -2, 3])
except AssertionError as e:
    print(e)
import warnings
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    code = compile("assert (False, 'always true tuple')", "<s>", "exec")
exec(code)
print("tuple assert passed")
try:
    raise AssertionError
except AssertionError as e:
    print(repr(e))
