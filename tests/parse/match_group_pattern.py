match x:
    case (a):
        pass
    case (a | b):
        pass
    case ((1)):
        pass
    case (((a, b))):
        pass
