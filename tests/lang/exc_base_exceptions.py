# Tests BaseException-but-not-Exception classes: KeyboardInterrupt/SystemExit/GeneratorExit not caught by except Exception, SystemExit codes, custom BaseException.

for cls in (KeyboardInterrupt, SystemExit, GeneratorExit):
    try:
        try:
            raise cls()
        except Exception:
            print("caught by Exception (wrong)")
    except BaseException as e:
        print(cls.__name__, "caught by BaseException", isinstance(e, Exception))
for args in [(), (0,), (1,), ("message",), (None,), (1, 2)]:
    e = SystemExit(*args)
    print(args, repr(e.code), e.args)
try:
    raise SystemExit("bye")
except SystemExit as e:
    print("SystemExit caught:", e.code, str(e))
import sys
try:
    sys.exit(3)
except SystemExit as e:
    print("sys.exit ->", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("sys.exit() ->", e.code)
def cleanup_order():
    log = []
    try:
        try:
            raise KeyboardInterrupt
        finally:
            log.append("finally ran")
    except KeyboardInterrupt:
        log.append("interrupt handled")
    return log
print(cleanup_order())
class Abort(BaseException):
    pass
def worker():
    try:
        raise Abort("stop now")
    except Exception:
        return "swallowed (wrong)"
try:
    worker()
except Abort as e:
    print("custom BaseException propagated:", e)
def bare_except():
    try:
        raise KeyboardInterrupt("ki")
    except:
        return "bare except catches everything"
print(bare_except())
try:
    raise GeneratorExit
except GeneratorExit as e:
    print(repr(e))
print(sorted(c.__name__ for c in BaseException.__subclasses__() if c.__name__ in ("Exception", "KeyboardInterrupt", "SystemExit", "GeneratorExit", "BaseExceptionGroup")))
