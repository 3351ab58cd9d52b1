# Tests if/elif/else chains, conditions with side effects evaluated in order, nested ifs, pass/ellipsis bodies, and one-line forms.

def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score >= 60:
        return "D"
    else:
        return "F"

print([grade(s) for s in (95, 90, 85, 72, 60, 59, 0, -5, 100)])
evaluated = []
def cond(tag, val):
    evaluated.append(tag)
    return val
if cond("a", False):
    pass
elif cond("b", 0):
    pass
elif cond("c", "yes"):
    evaluated.append("c-body")
elif cond("d", True):
    pass
else:
    evaluated.append("else")
print(evaluated)

def classify(x):
    if isinstance(x, int):
        if x > 0:
            if x % 2 == 0:
                return "positive even"
            return "positive odd"
        elif x == 0:
            return "zero"
        return "negative"
    elif isinstance(x, str):
        if not x:
            return "empty str"
        return "str"
    return "other"

print([classify(v) for v in (4, 3, 0, -1, "", "s", None, 2.0)])
if True: print("one-line if")
if False: print("no")
else: print("one-line else")
x = 5
if x: pass
if x > 3: y = "big"; z = "also"
print(y, z)
def body_ellipsis():
    if x:
        ...
    return "ellipsis ok"
print(body_ellipsis())
if []:
    print("no")
elif {}:
    print("no")
elif ():
    print("no")
elif "":
    print("no")
elif 0.0:
    print("no")
elif None:
    print("no")
else:
    print("all falsy")
val = 3
if val == 1:
    res = "one"
elif val == 2:
    res = "two"
elif val == 3:
    res = "three"
print(res)
if (n := len("abc")) > 2:
    print("walrus in if", n)
flag = None
if flag is None:
    print("is None")
if not flag:
    print("not flag")
a, b = 1, 2
if a < b and b < 3 or a == 10:
    print("compound condition")
if a > b:
    print("no")
elif a == b:
    print("no")
print("done")
