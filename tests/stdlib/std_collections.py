# collections from CPython's library: namedtuple, OrderedDict (the
# pure-Python one), Counter, ChainMap, UserDict/UserList/UserString, and
# deque/defaultdict once _collections provides them.
import collections
from collections import ChainMap, Counter, OrderedDict, namedtuple

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x + p.y, p._asdict(), p._replace(x=5), Point._fields, Point._make([3, 4]), p == (1, 2))
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 9], rename=False, module="m")
print(P3(1), P3._field_defaults, P3.__module__, repr(P3(1, 2, 3)), P3.__doc__)
Bad = namedtuple("Bad", ["def", "x", "x", "_y"], rename=True)
print(Bad._fields)
try:
    namedtuple("E", "a a")
except ValueError as e:
    print("ValueError", e)
od = OrderedDict([("a", 1), ("b", 2), ("c", 3)])
od.move_to_end("a")
od["d"] = 4
print(od, list(od), od.popitem(), od.popitem(last=False), od)
od.move_to_end("c", last=False)
print(list(od.keys()), list(reversed(od)), od == OrderedDict([("c", 3), ("b", 2)]), od == {"b": 2, "c": 3})
c = Counter("abracadabra")
print(c.most_common(3), c["z"], sorted(c.elements())[:6], c.total())
c.update("aaz")
c.subtract({"a": 10})
print(sorted(c.items()), +c, -c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2), Counter(a=3) & Counter(a=1, b=2), Counter(a=1) | Counter(a=3, b=1))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.new_child({"c": 4})["c"], cm.parents, dict(cm))
cm["z"] = 0
print(cm.maps, "z" in cm, cm.get("q", "none"))
ud = collections.UserDict(x=1)
ud["y"] = 2
ul = collections.UserList([3, 1, 2])
ul.sort()
us = collections.UserString("hello")
print(ud, ul, us.upper(), len(us), us[1:3], ul + [4], sorted(ud))
dq = collections.deque([1, 2, 3], maxlen=5)
dq.appendleft(0)
dq.extend([4, 5, 6])
dq.rotate(2)
print(dq, dq.maxlen, dq.popleft(), dq.pop(), list(reversed(dq)), dq.count(4), dq.index(3))
dd = collections.defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(sorted(dd.items()), dd.default_factory, repr(collections.defaultdict(int)))
