# Tests every combination of try with except/else/finally under normal completion, handled exception, unhandled exception, return, break and continue.

def scenario(kind):
    log = []
    def body():
        try:
            log.append("try")
            if kind == "raise-handled":
                raise ValueError
            if kind == "raise-unhandled":
                raise KeyError
            if kind == "return":
                return "ret-try"
        except ValueError:
            log.append("except")
            return "ret-except" if kind == "return-in-except" else None
        else:
            log.append("else")
            if kind == "return-else":
                return "ret-else"
        finally:
            log.append("finally")
        log.append("after")
        return "end"
    try:
        r = body()
    except KeyError:
        r = "propagated"
    return r, log

for kind in ["normal", "raise-handled", "raise-unhandled", "return", "return-else"]:
    print(kind, scenario(kind))

def loop_combos():
    log = []
    for i in range(4):
        try:
            if i == 0:
                continue
            if i == 1:
                raise ValueError
            if i == 3:
                break
        except ValueError:
            log.append(f"except{i}")
            continue
        else:
            log.append(f"else{i}")
        finally:
            log.append(f"finally{i}")
        log.append(f"after{i}")
    return log

print(loop_combos())

def nested_all():
    log = []
    try:
        try:
            log.append("inner try")
            raise TypeError("t")
        except ValueError:
            log.append("inner except (wrong)")
        else:
            log.append("inner else")
        finally:
            log.append("inner finally")
    except TypeError:
        log.append("outer except")
    else:
        log.append("outer else")
    finally:
        log.append("outer finally")
    return log

print(nested_all())

def try_finally_only(fail):
    log = []
    try:
        try:
            if fail:
                raise OSError("x")
            log.append("body ok")
        finally:
            log.append("cleanup")
    except OSError:
        log.append("caught outside")
    return log

print(try_finally_only(False), try_finally_only(True))

def else_not_protected():
    try:
        try:
            pass
        except ValueError:
            return "inner handler (wrong)"
        else:
            raise ValueError("raised in else")
    except ValueError as e:
        return f"outer caught: {e}"

print(else_not_protected())

def except_order():
    results = []
    for exc in [ValueError, UnicodeDecodeError("utf-8", b"", 0, 1, "r"), IndexError, Exception("generic")]:
        try:
            raise exc
        except UnicodeError:
            results.append("UnicodeError")
        except ValueError:
            results.append("ValueError")
        except (IndexError, KeyError) as e:
            results.append(f"Lookup {type(e).__name__}")
        except Exception:
            results.append("Exception")
    return results

print(except_order())
