match a, b:
    case _:
        pass
match *a, b:
    case _:
        pass
match (x):
    case _:
        pass
match x := y:
    case _:
        pass
match f(x)[0].y:
    case _:
        pass
match a,:
    case _:
        pass
match -x:
    case _:
        pass
