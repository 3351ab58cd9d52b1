# try/except/else/finally, return and break through finally, named handlers.
def f(x):
    try:
        g()
    except ValueError as e:
        return e
    except (TypeError, KeyError):
        pass
    else:
        x += 1
    finally:
        cleanup()
    for i in x:
        try:
            break
        finally:
            h(i)
    try:
        raise Exc from None
    except:
        raise
