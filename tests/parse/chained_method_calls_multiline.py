result = (
    query
    .filter(x > 1)
    .order_by(y)
    .limit(10)
    .all()
)
a.b.c(
    d
).e[
    f
].g
