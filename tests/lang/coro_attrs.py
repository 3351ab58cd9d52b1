# Coroutine objects' attributes through their life: cr_running, cr_frame,
# cr_await (the awaitable a suspended coroutine waits on), cr_code,
# cr_suspended, __name__/__qualname__ (settable), and iteration refused.

class Pause:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        yield self.tag
        return self.tag


async def inner():
    return await Pause("inner-pause")


async def outer():
    seen = []
    seen.append(("running inside", me.cr_running))
    v = await inner()
    seen.append(("got", v))
    return seen


class Holder:
    async def method(self):
        return "m"


me = outer()
print(type(me).__name__, me.__name__, me.__qualname__)
print("before:", me.cr_running, me.cr_await, me.cr_frame is not None, me.cr_suspended)
print("code:", me.cr_code.co_name, me.cr_code is outer.__code__)
print("yielded:", me.send(None))
aw = me.cr_await
print("cr_await:", type(aw).__name__, aw.__qualname__, type(aw.cr_await).__name__)
print("suspended:", me.cr_suspended, me.cr_running, me.cr_frame.f_code.co_name)
try:
    me.send(None)
except StopIteration as e:
    print("result:", e.value)
print("after:", me.cr_frame, me.cr_await, me.cr_suspended, me.cr_running)

h = Holder().method()
print(h.__name__, h.__qualname__)
h.__name__ = "renamed"
h.__qualname__ = "Holder.renamed"
print(h.__name__, h.__qualname__)
try:
    h.__name__ = 5
except TypeError as e:
    print("TypeError", e)
h.close()

c = inner()
for op in (iter, list, next):
    try:
        op(c)
    except TypeError as e:
        print(op.__name__, "TypeError", e)
c.close()
print("closed:", c.cr_frame, c.cr_suspended)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
print(hasattr(c, "__await__"), hasattr(c, "__iter__"), hasattr(c, "__next__"))
print(c.cr_origin)


async def awaits_twice(co):
    return await co


target = inner()
first = awaits_twice(target)
first.send(None)
second = awaits_twice(target)
try:
    second.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    first.send(None)
except StopIteration as e:
    print("first finished:", e.value)
second.close()
