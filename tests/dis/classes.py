# Class bodies: __module__/__qualname__, super() and __classcell__,
# private names, class-level names seen by methods, annotations.
class Base:
    pass

class C(Base, metaclass=Meta, flag=True):
    "Doc."
    attr: int = 1
    __secret = 2

    def method(self):
        return super().method() + self.__secret

    class Inner:
        def f(self):
            return __class__
