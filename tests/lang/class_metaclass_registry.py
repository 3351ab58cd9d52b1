# Tests metaclass patterns: automatic registries, abstract-method enforcement, attribute injection, __call__ interception for caching, inheritance of metaclass.

class RegistryMeta(type):
    registry = {}

    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        if bases:
            mcls.registry[ns.get("key", name.lower())] = cls
        return cls

class Handler(metaclass=RegistryMeta):
    pass

class JSONHandler(Handler):
    key = "json"

class XMLHandler(Handler):
    pass

class SubJSON(JSONHandler):
    key = "json2"

print(sorted(RegistryMeta.registry), RegistryMeta.registry["json"].__name__, type(SubJSON).__name__)

class AbstractMeta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        abstract = set()
        for base in reversed(cls.__mro__):
            for k, v in vars(base).items():
                if getattr(v, "__isabstract__", False):
                    abstract.add(k)
                elif k in abstract:
                    abstract.discard(k)
        cls.__abstract__ = frozenset(abstract)
        return cls

    def __call__(cls, *a, **k):
        if cls.__abstract__:
            raise TypeError(f"Can't instantiate {cls.__name__} with abstract methods {', '.join(sorted(cls.__abstract__))}")
        return super().__call__(*a, **k)

def abstract(fn):
    fn.__isabstract__ = True
    return fn

class Shape(metaclass=AbstractMeta):
    @abstract
    def area(self):
        pass

    @abstract
    def name(self):
        pass

class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2

class NamedSquare(Square):
    def name(self):
        return "square"

for cls, args in [(Shape, ()), (Square, (2,)), (NamedSquare, (3,))]:
    try:
        obj = cls(*args)
        print(cls.__name__, obj.area(), obj.name())
    except TypeError as e:
        print(type(e).__name__, e)

class CachedMeta(type):
    def __call__(cls, *args):
        cache = cls.__dict__.get("_cache")
        if cache is None:
            cache = {}
            type.__setattr__(cls, "_cache", cache)
        if args not in cache:
            cache[args] = super().__call__(*args)
        return cache[args]

class Token(metaclass=CachedMeta):
    def __init__(self, text):
        print("  creating token", text)
        self.text = text

t1, t2, t3 = Token("a"), Token("b"), Token("a")
print(t1 is t3, t1 is t2, len(Token._cache))

class AutoRepr(type):
    def __new__(mcls, name, bases, ns):
        fields = [k for k, v in ns.items() if not k.startswith("_") and not callable(v)]
        ns["__repr__"] = lambda self: f"{name}(" + ", ".join(f"{f}={getattr(self, f)!r}" for f in fields) + ")"
        return super().__new__(mcls, name, bases, ns)

class Config(metaclass=AutoRepr):
    host = "localhost"
    port = 8080

cfg = Config()
cfg.port = 9
print(cfg, type(Config).__mro__[1].__name__)

class Upper(type):
    def __new__(mcls, name, bases, ns):
        new_ns = {(k.upper() if not k.startswith("__") else k): v for k, v in ns.items()}
        return super().__new__(mcls, name, bases, new_ns)

class Shout(metaclass=Upper):
    greeting = "hello"
    def speak(self):
        return "spoken"

print(Shout.GREETING, Shout().SPEAK(), hasattr(Shout, "greeting"))
