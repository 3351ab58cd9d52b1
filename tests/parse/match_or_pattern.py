match x:
    case 1 | 2 | 3:
        pass
    case "a" | "b":
        pass
    case [1, 2] | {"a": 1} | None:
        pass
    case (1 | 2) | 3:
        pass
