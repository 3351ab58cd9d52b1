x: int
(x): int
x.y: int
(x.y): int = 1
x[0]: int
((x)): int = yield
