# Scoping corners: class names invisible to methods, free variables in class
# bodies (LOAD_CLASSDEREF), global declared in nested function.
def outer():
    x = 1
    class C:
        y = x
        x = 2
        def m(self):
            return x
    return C

def g():
    global counter
    counter += 1
    def h():
        return counter
    return h
