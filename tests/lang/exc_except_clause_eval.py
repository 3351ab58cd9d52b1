# Tests that except-clause expressions are evaluated lazily and in order: side effects, NameError from undefined names only when reached, non-class values, tuples built at runtime.

log = []
def exc_type(tag, t):
    log.append(tag)
    return t

try:
    raise KeyError("k")
except exc_type("first", ValueError):
    pass
except exc_type("second", KeyError):
    log.append("handled by second")
except exc_type("third", Exception):
    pass
print(log)
log.clear()
try:
    pass
except exc_type("never", Exception):
    pass
print("no exception -> no evaluation:", log)
try:
    try:
        raise ValueError("v")
    except undefined_name_here:
        pass
except NameError as e:
    print(type(e).__name__, e, "| context:", type(e.__context__).__name__)
try:
    raise ValueError("v")
except ValueError:
    print("matched before reaching bad clause")
except undefined_name_never_evaluated:
    pass
try:
    try:
        raise ValueError("v")
    except 42:
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        raise ValueError("v")
    except (KeyError, "not a class"):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        raise ValueError("v")
    except (ValueError, "not a class"):
        print("matched first element, second never checked")
except TypeError as e:
    print("TypeError", e)
handlers = [KeyError, (IndexError, ValueError)]
for h in handlers:
    try:
        raise ValueError("dyn")
    except h:
        print("dynamic handler matched:", h)
    except Exception:
        print("dynamic handler did not match:", h)
def pick():
    return (ZeroDivisionError, OverflowError)
try:
    1 / 0
except pick() as e:
    print("function-returned tuple caught", type(e).__name__)
class Meta(type):
    def __instancecheck__(cls, inst):
        print("  __instancecheck__ not used by except")
        return True
    def __subclasscheck__(cls, sub):
        print("  __subclasscheck__ consulted for", sub.__name__)
        return True
class Catcher(Exception, metaclass=Meta):
    pass
try:
    try:
        raise KeyError("k")
    except Catcher:
        print("caught via __subclasscheck__")
except KeyError:
    print("not caught by Catcher")
