# Tests scoping corner cases: UnboundLocalError from later assignment, del making names unbound, names in except/for/with, class vs function lookups, builtins shadowing.

def later_assign():
    try:
        print(value)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    value = 1

value = "global"
later_assign()

def conditional_assign(flag):
    if flag:
        x = "set"
    try:
        return x
    except UnboundLocalError as e:
        return f"{type(e).__name__}: {e}"

print(conditional_assign(True), conditional_assign(False))

def del_local():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return str(e)

print(del_local())

def loop_var_after():
    for i in range(3):
        pass
    for j in []:
        pass
    try:
        return i, j
    except UnboundLocalError as e:
        return i, str(e)

print(loop_var_after())

def shadow_builtin():
    len = lambda x: "shadowed"
    return len([1, 2])

print(shadow_builtin(), len([1, 2]))
import builtins
builtins.custom_builtin = "from builtins"
print(custom_builtin)
custom_builtin = "module shadows"
print(custom_builtin)
del custom_builtin
print(custom_builtin)
del builtins.custom_builtin
try:
    custom_builtin
except NameError as e:
    print(type(e).__name__, e)

def uses_global_later():
    return later_defined()

def later_defined():
    return "defined after use site"

print(uses_global_later())

def import_is_assignment():
    try:
        return math.pi
    except UnboundLocalError as e:
        return f"{type(e).__name__}"
    import math

import math
print(import_is_assignment())

def with_binds():
    class CM:
        def __enter__(self):
            return "with-bound"
        def __exit__(self, *a):
            pass
    with CM() as bound:
        pass
    return bound

print(with_binds())

def except_target_unbinds():
    err = "before"
    try:
        1 / 0
    except ZeroDivisionError as err:
        pass
    try:
        return err
    except UnboundLocalError as e:
        return f"{type(e).__name__}: {e}"

print(except_target_unbinds())

def func_attr_scope():
    def inner():
        return inner.counter
    inner.counter = 5
    return inner()

print(func_attr_scope())

def nested_class_method_scope():
    secret = "closure value"
    class K:
        secret = "class value"
        def m(self):
            return secret
        @staticmethod
        def s():
            return secret
    return K().m(), K.s(), K.secret

print(nested_class_method_scope())

def lambda_default_scope():
    x = "enclosing"
    return (lambda x=x: x)(), (lambda: x)()

print(lambda_default_scope())

def global_in_comprehension():
    global gc_var
    gc_var = "set"
    return [gc_var for _ in range(1)]

print(global_in_comprehension())
x = "module x"

def locals_snapshot():
    a = 1
    b = 2
    return sorted(locals()), locals()["a"]

print(locals_snapshot())
print(sorted(k for k in globals() if k in ("x", "value", "math")))

def func_name_rebinding():
    def f():
        return "original"
    g = f
    def f():
        return "replacement"
    return g(), f()

print(func_name_rebinding())

def recursion_through_global():
    return "first version"

alias = recursion_through_global

def recursion_through_global():
    return "second version"

print(alias(), recursion_through_global())
