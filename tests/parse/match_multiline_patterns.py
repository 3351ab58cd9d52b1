match x:
    case [
        a,
        b,
    ]:
        pass
    case Point(
        x=1,
        y=2,
    ) | {
        "a": 1
    }:
        pass
