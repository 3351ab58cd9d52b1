class A: pass
class B(): pass
class C(A, B): pass
class D(A, metaclass=M): pass
class E(*bases, **kw): pass
class F(A, B, metaclass=M, x=1, **kw):
    x = 1
    def m(self):
        pass
    class Inner:
        pass
class G(object,): pass
class H((A)): pass
