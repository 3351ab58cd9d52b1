(x for x in y)
((x for x in y))
list(x for x in y)
(x for x in y if x for z in x)
g = (
    x
    for x in y
)
