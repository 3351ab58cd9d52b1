def f():
    obj.attr = yield = 3
