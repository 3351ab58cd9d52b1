raise
raise E
raise E()
raise E from None
raise E(x) from e
raise (E)
raise a.b.c(1) from (d)
