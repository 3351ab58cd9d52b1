result = (
    first
    + second
    * third
)
call(
    a,
    b=(
        c
    ),
    *d,
    **e
)
x = [
    1,
    2,
][
    0
]
value = {
    "k":
        "v",
}
cond = (a
        if b
        else c)
