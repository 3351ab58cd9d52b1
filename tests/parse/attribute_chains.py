a.b
a.b.c.d
a.b().c[d].e
a.b(c).d(e).f
(1).real
1 .real
1.0.real
1j.imag
"abc".upper()
b"x".decode()
[1].copy()
(
    obj
    .method()
    .other()
)
a.b.c = d.e.f
