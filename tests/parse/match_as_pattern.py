match x:
    case [a, b] as c:
        pass
    case (1 | 2) as n:
        pass
    case 1 | 2 as n:
        pass
    case [(a as b), *c] as d:
        pass
    case {"k": _ as v}:
        pass
