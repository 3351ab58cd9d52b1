class A(B, *C, D=1, **E): pass
class F(metaclass=type): pass
