# match with every pattern kind.
def f(cmd):
    match cmd:
        case 0 | 1 as small:
            return small
        case None:
            return None
        case [x, *rest]:
            return x, rest
        case [first, *_, last]:
            return first, last
        case {"k": v, **others}:
            return v, others
        case Point(x=0, y=yy) if yy > 0:
            return yy
        case str() | bytes():
            return "text"
        case _:
            return cmd
