# Tests exception __traceback__ objects at the language level: presence, tb_next chain length through nested calls, tb_frame code names, with_traceback reuse.

def level3():
    raise ValueError("deep")

def level2():
    level3()

def level1():
    level2()

try:
    level1()
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)

def catcher():
    try:
        level3()
    except ValueError as e:
        return e

err = catcher()
tb = err.__traceback__
chain = []
while tb:
    chain.append(tb.tb_frame.f_code.co_name)
    tb = tb.tb_next
print(chain)
try:
    raise err
except ValueError as again:
    tb = again.__traceback__
    count = 0
    while tb:
        count += 1
        tb = tb.tb_next
    print("re-raised traceback entries:", count)
fresh = KeyError("k")
print(fresh.__traceback__)
try:
    raise fresh.with_traceback(None)
except KeyError as e:
    print(e.__traceback__ is not None, e.__traceback__.tb_next)
def lines():
    try:
        x = 1
        raise RuntimeError("line check")
    except RuntimeError as e:
        tb = e.__traceback__
        return tb.tb_lineno - lines.__code__.co_firstlineno
print(lines())
import sys
try:
    level2()
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, str(v), type(tb).__name__, tb.tb_frame.f_code.co_name)
def gen():
    yield 1
    raise TypeError("from generator")
try:
    list(gen())
except TypeError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)
