for x in y:
    try:
        continue
    except E:
        break
    else:
        pass
    finally:
        pass
while True:
    try:
        pass
    finally:
        break
