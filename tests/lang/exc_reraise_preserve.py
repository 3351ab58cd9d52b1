# Tests that re-raising preserves the exception object, args, attributes, notes and cause; raise e vs bare raise; raising saved exceptions later and from other frames.

class Rich(Exception):
    def __init__(self, msg, code):
        super().__init__(msg, code)
        self.code = code

def origin():
    e = Rich("boom", 42)
    e.add_note("note from origin")
    raise e from KeyError("root cause")

def bare_reraise():
    try:
        origin()
    except Rich:
        raise

def named_reraise():
    try:
        origin()
    except Rich as e:
        raise e

def wrap():
    try:
        origin()
    except Rich as e:
        raise RuntimeError("wrapped") from e

for fn in (bare_reraise, named_reraise):
    try:
        fn()
    except Rich as e:
        print(fn.__name__, e.args, e.code, e.__notes__, type(e.__cause__).__name__, e.__suppress_context__)
try:
    wrap()
except RuntimeError as e:
    inner = e.__cause__
    print(type(inner).__name__, inner.code, inner.__notes__, type(inner.__cause__).__name__)
saved = []
try:
    origin()
except Rich as e:
    saved.append(e)
try:
    raise saved[0]
except Rich as e:
    print("raised later:", e is saved[0], e.code, e.__notes__)
def raise_in_other_frame(exc):
    raise exc
try:
    raise_in_other_frame(saved[0])
except Rich as e:
    print("other frame:", e is saved[0], type(e.__cause__).__name__)
e2 = ValueError("reused")
for i in range(2):
    try:
        raise e2
    except ValueError as caught:
        caught.add_note(f"pass {i}")
print(e2.__notes__)
try:
    try:
        raise TypeError("first")
    except TypeError as first:
        try:
            raise first
        except TypeError as again:
            print(again is first, again.__context__)
except TypeError:
    pass
