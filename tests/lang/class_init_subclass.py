# Tests __init_subclass__: implicit classmethod, keyword arguments in class statements, registration, super chaining, errors.

class Plugin:
    registry = []

    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)

class Alpha(Plugin):
    pass

class Beta(Plugin, name="custom-beta"):
    pass

class Gamma(Beta):
    pass

print(Plugin.registry, Alpha.plugin_name, Beta.plugin_name, Gamma.plugin_name, hasattr(Plugin, "plugin_name"))
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class Bad2(unknown=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class A:
    def __init_subclass__(cls, **kw):
        print("A.__init_subclass__", cls.__name__, sorted(kw))
        super().__init_subclass__()

class B:
    def __init_subclass__(cls, **kw):
        print("B.__init_subclass__", cls.__name__, sorted(kw))
        super().__init_subclass__()

class AB(A, B, flag=True):
    pass

class Chained(A):
    def __init_subclass__(cls, **kw):
        print("Chained hook for", cls.__name__)
        super().__init_subclass__(**kw)

class Leaf(Chained, extra=1):
    pass

print(type(A.__dict__["__init_subclass__"]).__name__)

class Validator:
    required = ()

    def __init_subclass__(cls):
        missing = [r for r in cls.required if not hasattr(cls, r)]
        if missing:
            raise TypeError(f"{cls.__name__} missing {missing}")

class Ok(Validator):
    required = ("run",)

    def run(self):
        pass

try:
    class NotOk(Validator):
        required = ("run", "stop")
except TypeError as e:
    print(type(e).__name__, e)
print("NotOk" in globals(), Ok.__name__)

class Ordering:
    events = []

    def __init_subclass__(cls):
        Ordering.events.append(("init_subclass", cls.__name__, "attr" in cls.__dict__))

class SN:
    def __set_name__(self, owner, name):
        Ordering.events.append(("set_name", name))

class Uses(Ordering):
    attr = SN()

print(Ordering.events)
print(object.__init_subclass__() is None)
try:
    object.__init_subclass__(x=1)
except TypeError as e:
    print(type(e).__name__, e)
