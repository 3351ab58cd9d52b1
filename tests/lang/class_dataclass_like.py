# Tests a hand-written record class machinery via class decorator: generated __init__/__repr__/__eq__/ordering from annotations, defaults, frozen setattr.

def record(cls=None, *, frozen=False, order=False):
    def wrap(cls):
        fields = list(cls.__dict__.get("__annotations__", {}))
        defaults = {f: cls.__dict__[f] for f in fields if f in cls.__dict__}

        def __init__(self, *args, **kw):
            if len(args) > len(fields):
                raise TypeError(f"{cls.__name__} takes {len(fields)} positional arguments but {len(args)} were given")
            values = dict(zip(fields, args))
            for k, v in kw.items():
                if k not in fields:
                    raise TypeError(f"unexpected field {k!r}")
                if k in values:
                    raise TypeError(f"duplicate field {k!r}")
                values[k] = v
            for f in fields:
                if f not in values:
                    if f in defaults:
                        values[f] = defaults[f]
                    else:
                        raise TypeError(f"missing field {f!r}")
                object.__setattr__(self, f, values[f])

        def __repr__(self):
            inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in fields)
            return f"{cls.__name__}({inner})"

        def __eq__(self, other):
            if other.__class__ is not self.__class__:
                return NotImplemented
            return all(getattr(self, f) == getattr(other, f) for f in fields)

        cls.__init__ = __init__
        cls.__repr__ = __repr__
        cls.__eq__ = __eq__
        cls.__fields__ = tuple(fields)
        if frozen:
            def __setattr__(self, name, value):
                raise AttributeError(f"cannot assign to field {name!r}")
            cls.__setattr__ = __setattr__
            cls.__hash__ = lambda self: hash(tuple(getattr(self, f) for f in fields))
        else:
            cls.__hash__ = None
        if order:
            def key(self):
                return tuple(getattr(self, f) for f in fields)
            cls.__lt__ = lambda self, o: key(self) < key(o)
            cls.__le__ = lambda self, o: key(self) <= key(o)
        return cls
    return wrap if cls is None else wrap(cls)

@record
class Point:
    x: int
    y: int = 0

@record(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

p = Point(1)
print(p, Point(1, 2), Point(y=5, x=3), p == Point(1, 0), p == Point(1, 1), p != Point(2), Point.__fields__)
p.x = 10
print(p, Point.__hash__)
for args, kw in [((1, 2, 3), {}), ((), {}), ((1,), {"x": 2}), ((1,), {"z": 2})]:
    try:
        Point(*args, **kw)
    except TypeError as e:
        print(type(e).__name__, e)
v = Version(1, 2)
print(v, sorted([Version(2), Version(1, 10), Version(1, 2, 3), Version(1, 2)]), Version(1) < Version(1, 0, 1), {v: "ok"}[Version(1, 2)])
try:
    v.major = 3
except AttributeError as e:
    print(type(e).__name__, e)
print(v == Point(1, 2), Point(1, 2) == v, Version.__annotations__)
try:
    hash(p)
except TypeError as e:
    print(type(e).__name__, e)
