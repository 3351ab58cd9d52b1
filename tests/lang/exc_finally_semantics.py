# try/finally: finally runs on every exit (return, break, continue,
# exception), a return or break in finally discards a pending exception,
# a return in finally overrides the try's return, exceptions raised in
# finally replace the pending one, and the order of nested finally blocks.

log = []


def returns_both():
    try:
        return "try"
    finally:
        log.append("finally ran")


def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"


def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


def break_swallows():
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
                raise ValueError("ignored")
            out.append(i)
        finally:
            continue
    return out


def replaced():
    try:
        raise ValueError("first")
    finally:
        raise TypeError("second")


def nested_order():
    try:
        try:
            try:
                raise OSError("deep")
            finally:
                log.append("f1")
        finally:
            log.append("f2")
    finally:
        log.append("f3")


def return_value_evaluated_first():
    x = [1]
    try:
        return x
    finally:
        x.append(2)


def loop_with_finally():
    out = []
    i = 0
    while i < 5:
        i += 1
        try:
            if i % 2:
                continue
            if i == 4:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out


def generator_finally():
    try:
        yield 1
        yield 2
    finally:
        log.append("gen finally")


for f in [returns_both, finally_overrides, finally_swallows, break_swallows, continue_in_finally,
          replaced, nested_order, return_value_evaluated_first, loop_with_finally]:
    log.clear()
    try:
        r = f()
        print(f.__name__, "->", r, log)
    except Exception as e:
        print(f.__name__, "raised", type(e).__name__, e, "context:", repr(e.__context__), log)

log.clear()
g = generator_finally()
next(g)
del g
print("after del:", log)
log.clear()
for v in generator_finally():
    break
print("after break:", log)


def finally_with_exception_variable():
    try:
        raise ValueError("v")
    except ValueError as e:
        try:
            return str(e)
        finally:
            log.append(f"inner finally sees {e}")


log.clear()
print(finally_with_exception_variable(), log)
