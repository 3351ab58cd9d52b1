if x:
    y = 1 + \
2
    z = 3
for i in \
        range(3):
    pass
