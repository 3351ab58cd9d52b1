match command.split():
    case [Point(x=0, y=0) | Point(x=1, y=1) as origin, {"k": [*rest]}]:
        pass
    case [("go" | "move") as verb, ("north" | "south") as direction] if verb:
        pass
    case {"cmd": Cmd(args=[_, *_], opts={**kw}) as c}:
        pass
