if x:
    if y:
        if z:
    w
