# Exceptions raised and caught in loops: a small hierarchy of user
# exception classes with fields, builtin errors (KeyError, IndexError,
# ZeroDivisionError, ValueError from int()), try/except/else/finally,
# re-raising with 'raise ... from', and a context manager class whose
# __exit__ swallows some errors.


class AppError(Exception):
    def __init__(self, code, detail):
        Exception.__init__(self, code, detail)
        self.code = code
        self.detail = detail


class RetryError(AppError):
    pass


class FatalError(AppError):
    pass


class Suppress:
    def __init__(self, kind):
        self.kind = kind
        self.swallowed = 0

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.kind):
            self.swallowed += 1
            return True
        return False


def risky(i):
    if i % 7 == 0:
        raise RetryError(i % 5, "again")
    if i % 11 == 0:
        raise FatalError(i % 3, "stop")
    return i


def lookups(table, keys):
    found = missing = 0
    for k in keys:
        try:
            found += table[k]
        except KeyError:
            missing += 1
    return found, missing


def main():
    retries = fatals = ok = cleanups = 0
    codes = 0
    for i in range(600000):
        try:
            v = risky(i)
        except RetryError as e:
            retries += 1
            codes += e.code
        except AppError as e:
            fatals += 1
            codes += len(e.detail) + e.code
        else:
            ok += v & 1
        finally:
            cleanups += 1

    table = {k: k * 2 for k in range(0, 1000, 3)}
    found, missing = lookups(table, list(range(1000)) * 200)

    chained = 0
    data = [1, 2, 3]
    for i in range(200000):
        try:
            try:
                data[i % 5]
                1 // (i % 4)
            except (IndexError, ZeroDivisionError) as e:
                raise AppError(1, type(e).__name__) from e
        except AppError as e:
            chained += len(e.detail) if e.__cause__ is not None else 0

    guard = Suppress(ValueError)
    parsed = 0
    words = ["12", "x", "7", "", "300", "4a"]
    for i in range(200000):
        with guard:
            parsed += int(words[i % len(words)])

    print("retries", retries, "fatals", fatals, "ok", ok, "cleanups", cleanups, "codes", codes)
    print("found", found, "missing", missing, "chained", chained)
    print("parsed", parsed, "swallowed", guard.swallowed)


main()
