class C:
    x = [(yield) for i in y]
