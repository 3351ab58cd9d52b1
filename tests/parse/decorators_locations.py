@first
@second(
    1,
    2,
)

@third
def f(
    a,
    b,
):
    return (
        a
        + b
    )
