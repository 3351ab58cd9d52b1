@dec
def f():
    pass
@dec()
@dec2(1, x=2)
@a.b.c
class C:
    @staticmethod
    def m():
        pass
    @property
    def p(self):
        return 1
