match x:
    case _.attr: pass
