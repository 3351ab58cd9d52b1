match x:
    case 1j:
        pass
    case -1j:
        pass
    case 1 + 2j:
        pass
    case -1 - 2j:
        pass
    case 1.5 + 0.5j:
        pass
    case -0 - 0j:
        pass
