@a.b[c](d)
def f(): pass
@(lambda f: f)
def g(): pass
@x if y else z
def h(): pass
@x := y
def i(): pass
@buttons[0].clicked.connect
def j(): pass
@f()()
def k(): pass
@a or b
class C: pass
