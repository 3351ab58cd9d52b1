match x:
    case {"a": a, **rest}:
        pass
    case {1: _, Color.RED: y}:
        pass
    case {}:
        pass
    case {"k": [1, 2], "j": {"n": n}}:
        pass
    case {None: a, True: b, -1: c, 1+1j: d, b"x": e}:
        pass
    case {**rest}:
        pass
