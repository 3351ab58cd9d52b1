if x:
    try:
        pass
y = 1
