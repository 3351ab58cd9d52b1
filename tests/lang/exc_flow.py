# Tests try/except/else/finally control flow: which blocks run, ordering of handlers, tuples of types, exception variable scope, nesting.

def run(tag, exc=None):
    log = []
    try:
        log.append("try")
        if exc:
            raise exc
        log.append("try-end")
    except (KeyError, IndexError) as e:
        log.append(f"lookup:{type(e).__name__}")
    except ValueError:
        log.append("value")
    except Exception as e:
        log.append(f"generic:{type(e).__name__}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    print(tag, log)

run("none")
run("key", KeyError("k"))
run("index", IndexError)
run("value", ValueError())
run("type", TypeError("t"))
try:
    run("base", KeyboardInterrupt())
except KeyboardInterrupt:
    print("KeyboardInterrupt escaped run()")

def else_raises():
    try:
        pass
    except ValueError:
        print("not here")
    else:
        raise ValueError("from else")
    finally:
        print("finally after else")

try:
    else_raises()
except ValueError as e:
    print("caught", e)

try:
    try:
        raise ValueError("inner")
    except TypeError:
        print("wrong handler")
    finally:
        print("inner finally")
except ValueError as e:
    print("outer caught", e)

e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    print(e)
except NameError as ex:
    print(type(ex).__name__, ex)

def handler_raises():
    try:
        raise KeyError("first")
    except KeyError:
        raise TypeError("second")

try:
    handler_raises()
except TypeError as ex:
    print(type(ex).__name__, ex, type(ex.__context__).__name__)

def nested_try(n):
    out = []
    for i in range(n):
        try:
            try:
                if i % 3 == 0:
                    raise ValueError(i)
                if i % 3 == 1:
                    raise KeyError(i)
                out.append(f"ok{i}")
            except ValueError as e:
                out.append(f"V{e}")
                if i == 3:
                    raise RuntimeError("escalate")
        except KeyError as e:
            out.append(f"K{e}")
        except RuntimeError as e:
            out.append(f"R:{e}")
    return out

print(nested_try(6))
exc_types = (ZeroDivisionError, OverflowError)
for f in (lambda: 1 / 0, lambda: 2.0 ** 5000, lambda: int("x")):
    try:
        f()
    except exc_types as ex:
        print("tuple caught", type(ex).__name__)
    except Exception as ex:
        print("fallback", type(ex).__name__)

def dynamic_types():
    caught = []
    for t in [[KeyError], [IndexError, KeyError], []]:
        try:
            {}["k"]
        except tuple(t):
            caught.append(len(t))
        except KeyError:
            caught.append("plain")
    return caught

print(dynamic_types())
try:
    pass
finally:
    print("finally without except")
def loop_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(loop_finally())
x = 0
while True:
    try:
        x += 1
        if x == 3:
            break
    finally:
        print("while finally", x)
import sys
try:
    raise ValueError("current")
except ValueError:
    print(type(sys.exc_info()[1]).__name__, sys.exc_info()[0].__name__, sys.exception() if hasattr(sys, "exception") else "no sys.exception")
print(sys.exc_info())
