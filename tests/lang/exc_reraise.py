# Tests re-raising: bare raise in except/nested functions, raise with no active exception, raising instances vs classes, except-var unbinding.

def bare_reraise():
    try:
        raise ValueError("orig")
    except ValueError:
        raise

try:
    bare_reraise()
except ValueError as e:
    print("reraised", e)

try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)

def helper_reraise():
    raise

def calls_helper():
    try:
        raise KeyError("in caller")
    except KeyError:
        helper_reraise()

try:
    calls_helper()
except KeyError as e:
    print("helper reraised", e)

def reraise_after_nested():
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise TypeError("inner")
        except TypeError:
            pass
        raise

try:
    reraise_after_nested()
except ValueError as e:
    print("restored outer", e)
except TypeError as e:
    print("wrong", e)

def reraise_in_finally_context():
    try:
        try:
            raise OSError("a")
        finally:
            pass
    except OSError:
        raise

try:
    reraise_in_finally_context()
except OSError as e:
    print("ok", e)

try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)

exc = KeyError("reused")
for i in range(2):
    try:
        raise exc
    except KeyError as e:
        print(i, e is exc)

def exc_var_deleted():
    e = 1
    try:
        raise ValueError
    except ValueError as e:
        pass
    return "e" in locals()

print(exc_var_deleted())

def exc_var_kept_by_copy():
    saved = None
    try:
        raise ValueError("keep")
    except ValueError as e:
        saved = e
    return saved

print(repr(exc_var_kept_by_copy()))

def raise_in_generator_reraise():
    def gen():
        try:
            yield 1
        except GeneratorExit:
            raise
    g = gen()
    next(g)
    g.close()
    return "closed ok"

print(raise_in_generator_reraise())

def except_in_loop():
    results = []
    for v in ["1", "x", "3", None]:
        try:
            results.append(int(v))
        except ValueError:
            results.append("bad")
            continue
        except TypeError:
            results.append("none")
            break
        finally:
            results.append("|")
    return results

print(except_in_loop())

def reraise_different_after_handling():
    try:
        raise ValueError("first")
    except ValueError as first:
        err = first
    raise err

try:
    reraise_different_after_handling()
except ValueError as e:
    print("raised saved", e)
import sys
def exc_info_in_nested():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise ValueError("inner")
        except ValueError:
            inner = sys.exc_info()[0].__name__
        after = sys.exc_info()[0].__name__
    return inner, after, sys.exc_info()
print(exc_info_in_nested())
