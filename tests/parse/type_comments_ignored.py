x = []  # type: List[int]
def f(a,  # type: int
      ):
    # type: (...) -> None
    pass
for i in x:  # type: int
    pass
y = 1  # type: ignore
