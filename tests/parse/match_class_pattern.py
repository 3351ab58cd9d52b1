match p:
    case Point(x=0, y=0):
        pass
    case Point(1, 2):
        pass
    case a.b.C(x, y=z):
        pass
    case C():
        pass
    case C(1, [a, b], k={"x": y}):
        pass
    case int(n) | float(n):
        pass
    case C(a, b,):
        pass
