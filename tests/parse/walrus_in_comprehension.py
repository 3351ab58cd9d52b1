[y for x in d if (y := f(x))]
[(last := x) for x in data]
{(k := x): x for x in data}
(total := total + v for v in values)
[[y := x for x in range(3)] for _ in z]
