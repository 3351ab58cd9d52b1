(case fo x in (y))
