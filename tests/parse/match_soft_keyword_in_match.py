match match:
    case case:
        pass
match(x)
match x:
    case match:
        pass
