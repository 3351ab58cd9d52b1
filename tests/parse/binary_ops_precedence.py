a + b * c
(a + b) * c
a - b - c
a - (b - c)
a * b / c // d % e @ f
a << b >> c
a & b | c ^ d
a | b & c
a + b << c & d ^ e | f
a ** b * c
-a ** b
a if b else c or d
