match x:
    case [a, b] if a > b:
        pass
    case n if (m := n) > 0:
        pass
    case _ if f(x) and not g(x):
        pass
