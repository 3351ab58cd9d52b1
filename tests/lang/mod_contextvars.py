# contextvars (over _contextvars, PEP 567): ContextVar get/set/reset with
# and without defaults, Tokens, the Context mapping, copy_context, run()
# isolating changes, nesting and re-entry errors, and generators that
# carry their own context through Context.run.
import contextvars as cv

v = cv.ContextVar("v", default=0)
w = cv.ContextVar("w")
print(v.name, v.get(), w.get("dflt"), w.get(None))
try:
    w.get()
except LookupError as e:
    print("LookupError", e.args[0] is w, type(e).__name__)

t = v.set(5)
print(v.get(), t.var is v, t.old_value is cv.Token.MISSING, cv.Token.MISSING)
t5 = v.set(6)
print(v.get(), t5.old_value)
v.reset(t5)
print(v.get())

ctx = cv.copy_context()
print(ctx[v], v in ctx, w in ctx, len(ctx), list(ctx) == [v], ctx.get(w, 9), ctx.get(v))
print(sorted(k.name for k in ctx.keys()), list(ctx.values()), [(k.name, x) for k, x in ctx.items()])

def change(x):
    v.set(x)
    w.set(x * 2)
    return v.get(), w.get(), len(cv.copy_context())

print(ctx.run(change, 7), v.get(), w.get("unset"), ctx[v], ctx[w], len(ctx))
print(ctx.run(lambda: (v.get(), w.get())))
print(ctx.run(lambda *a, **k: (a, sorted(k.items())), 1, 2, z=3))

v.reset(t)
print(v.get(), v in cv.copy_context())
for bad in [t, w.set(1)]:
    try:
        v.reset(bad)
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, str(e).split(" var=")[0], str(e).split("> ")[-1])
try:
    v.reset("token")
except TypeError as e:
    print("TypeError", str(e).startswith("expected an instance of Token"))

# A token made inside run() belongs to that context.
inner_token = ctx.run(v.set, 100)
try:
    v.reset(inner_token)
except ValueError as e:
    print("ValueError", "different Context" in str(e))
ctx.run(v.reset, inner_token)
print(ctx[v])

def reenter():
    ctx.run(lambda: None)
try:
    ctx.run(reenter)
except RuntimeError as e:
    print("RuntimeError", "is already entered" in str(e))
# An exception inside run() leaves the outer context current.
def boom():
    v.set(-1)
    raise KeyError("inside")
try:
    ctx.run(boom)
except KeyError as e:
    print("KeyError", e, v.get(), ctx[v])

for key in [1, "v", None]:
    try:
        ctx[key]
    except TypeError as e:
        print(e)
try:
    cv.copy_context()[cv.ContextVar("fresh")]
except KeyError as e:
    print("KeyError", type(e.args[0]).__name__)
for make in [lambda: cv.Token(), lambda: cv.Context(1), lambda: cv.ContextVar(1),
             lambda: cv.ContextVar("a", "b"), lambda: cv.ContextVar()]:
    try:
        make()
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)

c1, c2 = cv.Context(), cv.Context()
print(len(c1), c1 == c2, c1 != c2, c1 == ctx, c1 == 1)
for obj in [c1]:
    try:
        hash(obj)
    except TypeError as e:
        print(e)
print(hash(v) == hash(v), v == v, v != w, cv.ContextVar[int], cv.Token[str])
for base in [cv.ContextVar, cv.Context, cv.Token]:
    try:
        class Sub(base):
            pass
    except TypeError as e:
        print(e)
print(repr(v).startswith("<ContextVar name='v' default=0 at 0x"),
      repr(w).startswith("<ContextVar name='w' at 0x"),
      repr(t).startswith("<Token used var=<ContextVar name='v' default=0 at"))

# Each generator step runs in the generator's own context.
def counter():
    n = cv.ContextVar("n", default=0)
    gctx = cv.copy_context()
    def step():
        n.set(n.get() + 1)
        return n.get()
    while True:
        yield gctx.run(step)
g1, g2 = counter(), counter()
print([next(g1) for _ in range(3)], next(g2), next(g1))

# Copies are independent: changing one leaves the other.
base = cv.copy_context()
copy = base.copy()
copy.run(v.set, 42)
print(base.get(v, "none"), copy[v], len(base), len(copy))
