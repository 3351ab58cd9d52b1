# Pattern locations: a group keeps its inner pattern's place; as/or
# patterns, open sequences (trailing comma included) and class patterns
# span their tokens; the match statement ends at its last body token.
match (x), *y:
    case ((a) as b) | [c, *_], : pass
    case Point(x=-1+2j, y=a.b.c) | {"k": v, **rest}:
        pass
    case (1 | 2) as z if z > 1:
        match z:
            case -0.5 | 0x10 | b"x" b"y" | None: pass
