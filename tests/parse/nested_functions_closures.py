def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        def innermost():
            return x
        return innermost
    class K:
        def m(self):
            return x
    return inner
