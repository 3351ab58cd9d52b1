# Context managers and exceptions: __exit__ receiving (type, value, tb),
# suppression by a truthy result, __exit__ raising (with __context__),
# __enter__ failing (no __exit__ call), multiple managers unwinding in
# reverse order, and managers used by generators and return/break.

log = []


class CM:
    def __init__(self, name, suppress=False, raise_in_exit=None, raise_in_enter=None):
        self.name = name
        self.suppress = suppress
        self.raise_in_exit = raise_in_exit
        self.raise_in_enter = raise_in_enter

    def __enter__(self):
        log.append(f"enter {self.name}")
        if self.raise_in_enter:
            raise self.raise_in_enter
        return self

    def __exit__(self, et, ev, tb):
        log.append(f"exit {self.name} {et.__name__ if et else None} {tb is not None}")
        if self.raise_in_exit:
            raise self.raise_in_exit
        return self.suppress


def scenario(kind):
    if kind == "suppress":
        with CM("s", suppress=True):
            raise ValueError("hidden")
        return "continued"
    if kind == "truthy":
        with CM("t", suppress="yes"):
            raise ValueError("hidden")
        return "truthy suppresses"
    if kind == "exit raises":
        with CM("e", raise_in_exit=KeyError("exit")):
            raise ValueError("body")
    if kind == "exit raises clean":
        with CM("e", raise_in_exit=KeyError("exit only")):
            pass
    if kind == "enter raises":
        with CM("a"), CM("b", raise_in_enter=OSError("enter b")):
            log.append("body")
    if kind == "multi":
        with CM("1"), CM("2", suppress=True), CM("3"):
            raise IndexError("inner")
        return "2 swallowed"
    if kind == "return":
        with CM("r"):
            return "from body"
    if kind == "break":
        for i in range(3):
            with CM(f"loop{i}"):
                if i == 1:
                    break
        return i


for kind in ["suppress", "truthy", "exit raises", "exit raises clean", "enter raises", "multi", "return", "break"]:
    log.clear()
    try:
        print(kind, "->", scenario(kind), log)
    except Exception as e:
        print(kind, "raised", type(e).__name__, e, "ctx:", repr(e.__context__), log)


def gen_with():
    with CM("gen"):
        yield 1
        yield 2


log.clear()
g = gen_with()
next(g)
g.close()
print("gen closed:", log)
log.clear()
g = gen_with()
next(g)
try:
    g.throw(ValueError("into gen"))
except ValueError as e:
    print("gen throw:", e, log)


class NoExit:
    def __enter__(self):
        return self


class NoEnter:
    def __exit__(self, *a):
        pass


for obj in [NoExit(), NoEnter(), 3]:
    try:
        with obj:
            pass
    except TypeError as e:
        print("TypeError", e)


class ExitSeesException(CM):
    def __exit__(self, et, ev, tb):
        log.append((et.__name__, str(ev), ev.__traceback__ is tb))
        return isinstance(ev, ArithmeticError)


log.clear()
with ExitSeesException("x"):
    1 / 0
print("zero division suppressed", log)
