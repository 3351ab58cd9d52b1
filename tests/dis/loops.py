# for/while with else, break and continue, nested loops.
def f(items):
    for i in items:
        if i:
            continue
        while i > 0:
            i -= 1
            if i == 5:
                break
        else:
            return i
    else:
        pass
    while True:
        break
