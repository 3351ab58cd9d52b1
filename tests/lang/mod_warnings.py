# warnings (pure warnings.py over the C _warnings): the default filters,
# actions (default/once/module/always/ignore/error), registries and their
# reset when filters change, stacklevel, warn_explicit, categories,
# catch_warnings(record=True) and showwarning replaced.
import sys
import warnings
import _warnings

print(warnings.filters is _warnings.filters, warnings.defaultaction, len(warnings.filters))
for f in warnings.filters:
    print("  ", f[0], f[1], f[2].__name__, f[3], f[4])

shown = []
def show(message, category, filename, lineno, file=None, line=None):
    shown.append((str(message), category.__name__, filename.rsplit("/", 1)[-1], lineno))
warnings.showwarning = show

def flush(label):
    print(label, shown)
    shown.clear()

def emit(text, category=UserWarning, level=1):
    warnings.warn(text, category, stacklevel=level + 1)

# "default": once per (text, category, line) per module registry.
for i in range(3):
    warnings.warn("repeat")
warnings.warn("repeat")
flush("default")
emit("dep", DeprecationWarning)      # ignored: not from __main__'s own line
warnings.warn("dep here", DeprecationWarning)  # shown: module __main__
warnings.warn("pending", PendingDeprecationWarning)
warnings.warn("imp", ImportWarning)
warnings.warn("res", ResourceWarning)
warnings.warn("rt", RuntimeWarning)
flush("defaults")
print(sorted(k[0] for k in __warningregistry__ if k != "version"))

with warnings.catch_warnings():
    warnings.simplefilter("always")
    for i in range(2):
        warnings.warn("again")
    flush("always")
    warnings.simplefilter("once")
    for i in range(2):
        warnings.warn("uno")
        emit("uno")
    flush("once")
    warnings.simplefilter("module")
    for i in range(2):
        warnings.warn("mod")
        emit("mod")
    flush("module")
    warnings.simplefilter("ignore")
    warnings.warn("quiet")
    flush("ignore")
    warnings.simplefilter("error")
    try:
        warnings.warn("loud", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", type(e).__name__, e)
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    warnings.warn("rt quiet", RuntimeWarning)
    try:
        warnings.warn("user loud")
    except UserWarning as e:
        print("raised", e)

# The filters are restored; a registry is cleared when they change.
print(len(warnings.filters), warnings.filters[0][0])
warnings.warn("repeat")
flush("registry reset")

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    emit("level1")
    emit("level2", level=2)
    warnings.warn(UserWarning("instance"))
    warnings.warn(SyntaxWarning("sub"), UserWarning)
    class MyWarning(UserWarning):
        pass
    warnings.warn("mine", MyWarning)
    warnings.warn("deep", stacklevel=50)
    warnings.warn_explicit("explicit", RuntimeWarning, "some/file.py", 42)
    warnings.warn_explicit("explicit2", UserWarning, "f.py", 7, module="m", registry={})
    print([(str(w.message), w.category.__name__, w.filename.rsplit("/", 1)[-1], w.lineno)
           for w in log])
    print(type(log[0]).__name__, type(log[0].message).__name__)

for args in [("x", int), ("x", "notaclass"), ("x", ValueError)]:
    try:
        warnings.warn(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    _warnings.warn_explicit("x", UserWarning, "f.py", 1, registry=[])
except TypeError as e:
    print("TypeError", e)

# formatwarning with an explicit line (no source file lookup).
print(repr(warnings.formatwarning("msg", UserWarning, "f.py", 3, line="  code()  ")))
print(repr(warnings.formatwarning("msg", DeprecationWarning, "g.py", 9, line="")))
print(sys.warnoptions)
