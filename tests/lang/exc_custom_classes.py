# User-defined exception classes: __init__ with and without super(), args,
# __str__ and __repr__ overrides, extra attributes, class hierarchies caught
# by base, exceptions as class attributes, __reduce__ and equality.

class AppError(Exception):
    """Base of the application's errors."""


class NotFound(AppError):
    def __init__(self, key, where="db"):
        super().__init__(f"{key} not found in {where}")
        self.key = key
        self.where = where


class NoSuper(AppError):
    def __init__(self, code):
        self.code = code


class Pretty(AppError):
    def __str__(self):
        return f"Pretty<{', '.join(map(str, self.args))}>"

    def __repr__(self):
        return f"Pretty!{self.args}"


class WithArgsProperty(Exception):
    @property
    def detail(self):
        return self.args[0] if self.args else "none"


errors = [NotFound("user"), NotFound("x", where="cache"), NoSuper(404), Pretty(1, "two"), Pretty(),
          WithArgsProperty("d"), WithArgsProperty()]
for e in errors:
    print(type(e).__name__, "| str:", str(e), "| repr:", repr(e), "| args:", e.args)

print(errors[0].key, errors[1].where, errors[2].code, errors[5].detail, errors[6].detail)
for e in errors:
    try:
        raise e
    except AppError as caught:
        print("AppError caught", type(caught).__name__, isinstance(caught, Exception))
    except Exception as caught:
        print("Exception caught", type(caught).__name__)


class Multi(KeyError, AttributeError):
    pass


try:
    raise Multi("both")
except AttributeError as e:
    print("caught as AttributeError:", repr(e), str(e), [c.__name__ for c in Multi.__mro__])


class Slotted(Exception):
    __slots__ = ("extra",)


s = Slotted("a")
s.extra = 1
print(s.extra, s.args, hasattr(s, "__dict__"))


class CustomNew(Exception):
    def __new__(cls, *args):
        inst = super().__new__(cls, *args)
        inst.created = True
        return inst


c = CustomNew("n")
print(c.created, c.args, str(c))
print(NotFound("k").__reduce__()[0].__name__, NotFound("k").__reduce__()[1])
print(ValueError("a") == ValueError("a"), AppError.__doc__, AppError.__module__)


class ArgsChanged(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b


ac = ArgsChanged(1, 2)
print(ac.args, str(ac), ac.b)
ac.args = ("new", "args")
print(str(ac), repr(ac))


def raise_class_needing_args():
    raise NotFound


try:
    raise_class_needing_args()
except TypeError as e:
    print("TypeError", e)
