if a:
    pass
elif b:
    pass
elif c: pass
elif d:
    x = 1
else:
    y = 2;
