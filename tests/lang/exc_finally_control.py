# Tests return/break/continue interacting with finally: finally overriding returns, swallowing exceptions, order of nested finallies.

def return_in_finally():
    try:
        return "try"
    finally:
        return "finally"

def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"

def return_value_evaluated_first():
    log = []
    def val(tag):
        log.append(tag)
        return tag
    def inner():
        try:
            return val("try-return")
        finally:
            log.append("finally-runs")
    r = inner()
    return r, log

def mutation_after_return():
    x = [1]
    try:
        return x
    finally:
        x.append(2)

def rebinding_after_return():
    x = 1
    try:
        return x
    finally:
        x = 2

def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return f"broke at {i}"

def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            out.append(i)
        finally:
            continue
    return out

def nested_finally():
    log = []
    try:
        try:
            try:
                return "inner"
            finally:
                log.append("f1")
        finally:
            log.append("f2")
    finally:
        log.append("f3")
        print(log)

def finally_exception_replaces():
    try:
        raise ValueError("original")
    finally:
        raise TypeError("replacement")

def except_return_finally():
    try:
        raise ValueError
    except ValueError:
        return "from except"
    finally:
        print("  finally after except-return")

def generator_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  generator finally")

print(return_in_finally(), finally_swallows(), return_value_evaluated_first(), mutation_after_return(), rebinding_after_return())
print(break_in_finally(), continue_in_finally())
print(nested_finally())
try:
    finally_exception_replaces()
except TypeError as e:
    print(type(e).__name__, e, type(e.__context__).__name__, e.__context__)
print(except_return_finally())
g = generator_finally()
print(next(g))
g.close()
g2 = generator_finally()
for v in g2:
    print("got", v)
    break
print("after loop break")
g2.close()
print("after explicit close")

def while_finally_count():
    n = 0
    count = 0
    while n < 5:
        try:
            n += 1
            if n % 2:
                continue
            count += 10
        finally:
            count += 1
    return count

print(while_finally_count())

def finally_in_loop_with_return():
    for i in range(5):
        try:
            if i == 2:
                return i
        finally:
            print("  cleanup", i)

print(finally_in_loop_with_return())

def deep():
    try:
        try:
            1 / 0
        finally:
            print("  inner finally sees exception in flight")
    except ZeroDivisionError:
        return "handled outside"
    finally:
        print("  outer finally")

print(deep())
def exc_in_except_then_finally():
    try:
        try:
            raise KeyError("k")
        except KeyError:
            raise IndexError("i")
        finally:
            print("  finally while IndexError propagates")
    except IndexError as e:
        return f"{type(e).__name__} ctx={type(e.__context__).__name__}"

print(exc_in_except_then_finally())
