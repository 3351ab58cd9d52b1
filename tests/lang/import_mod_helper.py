# Helper module for the import_* tests.
print("import_mod_helper executing")
VALUE = 42
_private = "underscore"
__all__ = ["VALUE", "func"]

def func(x):
    return x * 2

class Klass:
    attr = "class attr"

counter = 0

def bump():
    global counter
    counter += 1
    return counter
