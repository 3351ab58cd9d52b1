# pprint (CPython's own): width and indent wrapping, nested containers,
# sort_dicts, depth, compact, long strings and bytes split across lines,
# dataclasses, recursion markers, isreadable/isrecursive, saferepr.
import collections
import dataclasses
import pprint

data = {"numbers": list(range(40)), "words": ["alpha", "beta", "gamma"] * 6,
        "nested": {"deep": {"deeper": {"deepest": tuple(range(12))}}},
        "text": "lorem ipsum dolor sit amet " * 5, "bytes": b"\x00\x01 binary data " * 6,
        "set": set(range(15)), "frozen": frozenset({"b", "a"} and {"c"}), "none": None}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=2)
pprint.pprint(data, depth=2)
pprint.pprint(data, sort_dicts=False, compact=True, width=60)
print(pprint.pformat(list(range(100)), width=50, compact=True))
print(pprint.pformat([[1, 2, [3, 4, [5, [6, [7]]]]]] * 3, width=20))
print(pprint.pformat((1,)), pprint.pformat(()), pprint.pformat({}), pprint.pformat([[]]))

lst = [1, 2]
lst.append(lst)
d = {"self": None}
d["self"] = d


print(pprint.isrecursive(lst), pprint.isreadable(lst), pprint.isreadable([1, "a"]))
print(pprint.saferepr(lst) == f"[1, 2, <Recursion on list with id={id(lst)}>]")
print(pprint.saferepr({"b": 1, "a": [1]}), pprint.pformat(d) == f"{{'self': <Recursion on dict with id={id(d)}>}}")


@dataclasses.dataclass
class Config:
    name: str
    values: list
    options: dict = dataclasses.field(default_factory=dict)


pprint.pprint(Config("cfg", list(range(25)), {"verbose": True, "level": 3, "paths": ["/a" * 10] * 4}))
pprint.pprint(collections.OrderedDict((str(i), i) for i in range(12)), width=40)
pprint.pprint(collections.defaultdict(list, {"k": list(range(20))}), width=40)
pprint.pprint(collections.Counter("abracadabra"))
pprint.pprint(collections.deque(range(30), maxlen=40), width=40)
pp = pprint.PrettyPrinter(indent=4, width=30)
pp.pprint({"key%d" % i: "value" * i for i in range(6)})
print(pprint.pformat("x" * 120, width=40))
