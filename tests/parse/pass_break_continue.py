for x in y:
    if x:
        continue
    elif y:
        break
    else:
        pass
while 1:
    break
