match color:
    case Color.RED:
        pass
    case a.b.c:
        pass
    case mod.Color.GREEN | mod.Color.BLUE:
        pass
