match x:
    case {1: a, **rest, 2: b}: pass
