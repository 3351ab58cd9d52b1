# Module inside the helper package.
print("import_pkg_helper.mod_a executing, __name__ =", __name__)
A = "a"

def a_func():
    return "a_func result"
