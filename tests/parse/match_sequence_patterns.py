match x:
    case [a, b]:
        pass
    case (a, b):
        pass
    case a, b:
        pass
    case [a, *rest]:
        pass
    case [*_]:
        pass
    case *first, last:
        pass
    case ():
        pass
    case []:
        pass
    case (a,):
        pass
    case a,:
        pass
    case [a, [b, c], (d, *e)]:
        pass
