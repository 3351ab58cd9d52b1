# One attribute site meeting instances in every state in turn: attributes
# in shared-key values, in a dict made by asking for __dict__, in a dict
# assigned by the program, after __class__ changed, after deletions; the
# cached slot of one instance must never be read for another whose slot
# holds a different name.


class A:
    def __init__(self, first, *rest):
        setattr(self, first, first.upper())
        for r in rest:
            setattr(self, r, r * 2)

    def m(self):
        return "A.m"


class B:
    def __init__(self, *names):
        for n in names:
            setattr(self, n, n + "!")

    def m(self):
        return "B.m"


def load_x(o):
    return getattr(o, "x", None) if not hasattr(o, "x") else o.x


def load_y(o):
    try:
        return o.y
    except AttributeError:
        return "no y"


def store_x(o, v):
    o.x = v


def call_m(o):
    return o.m()


def make_all():
    objs = [
        A("x", "y"),
        A("y", "x"),
        A("z", "x", "y"),
        B("y", "x"),
        A("x"),
        B("x", "y", "z"),
        A("w"),
    ]
    vars(objs[1])                      # this one keeps a dict from now on
    objs[4].__dict__ = {"y": "dict y", "x": "dict x"}
    objs[5].__class__ = A              # values laid out by B's keys, class A
    del objs[2].z
    return objs


for rnd in range(3):
    objs = make_all()
    print([load_x(o) for o in objs])
    print([load_y(o) for o in objs])
    for i, o in enumerate(objs):
        store_x(o, "%d:%d" % (rnd, i))
    print([load_x(o) for o in objs])
    print([call_m(o) for o in objs])
    objs[0].m = lambda: "own m"
    objs[3].m = lambda: "own m too"
    print([call_m(o) for o in objs])
    print([list(vars(o)) for o in objs])

# Many classes whose slot for "v" differs, through one load and one store.
classes = []
for k in range(8):
    names = ["p%d" % i for i in range(k)] + ["v"]
    classes.append(type("C%d" % k, (), {"names": names}))


def build(cls, v):
    o = cls()
    for n in cls.names:
        setattr(o, n, v if n == "v" else n)
    return o


def get_v(o):
    return o.v


def bump_v(o):
    o.v = o.v + 1


objs = [build(classes[i % 8], i) for i in range(32)]
for _ in range(3):
    for o in objs:
        bump_v(o)
print([get_v(o) for o in objs])
print(sorted(set(len(vars(o)) for o in objs)))

# Instances gaining names in different orders after the layout was learned.
class Grow:
    pass


gs = []
for i in range(10):
    g = Grow()
    names = ["a", "b", "c", "d", "e"]
    names = names[i % 5:] + names[:i % 5]
    for n in names[: 1 + i % 5]:
        setattr(g, n, i)
    gs.append(g)
print([getattr(g, "a", "-") for g in gs], [getattr(g, "e", "-") for g in gs])
print([list(vars(g)) for g in gs])
