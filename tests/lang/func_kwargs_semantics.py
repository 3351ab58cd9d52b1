# Tests **kwargs semantics: fresh dict per call, caller's dict not mutated, key order from call site, non-identifier string keys, kwargs with keyword-only names.

def collect(**kw):
    kw["added"] = True
    return kw

src = {"a": 1}
out = collect(**src)
print(src, out, out is not src)
print(collect(), collect(), collect() is not collect())

def order(**kw):
    return list(kw)

print(order(b=1, a=2, **{"d": 3, "c": 4}, e=5))

def weird_keys(**kw):
    return sorted(kw.items())

print(weird_keys(**{"not an identifier": 1, "class": 2, "1x": 3, "é": 4}))

def kwonly(*, flag=False, **rest):
    return flag, rest

print(kwonly(flag=True, other=1), kwonly(**{"flag": 1, "x": 2}), kwonly())

def positional_and_kw(a, b=2, **kw):
    return a, b, kw

print(positional_and_kw(1, **{"b": 5, "c": 6}), positional_and_kw(**{"a": 0}), positional_and_kw(1, c=3))
try:
    positional_and_kw(1, 2, **{"b": 3})
except TypeError as e:
    print(type(e).__name__, e)

def nested_forward(**kw):
    return collect(**kw)

print(nested_forward(x=1))

class K:
    def __init__(self, **attrs):
        for k, v in attrs.items():
            setattr(self, k, v)

k = K(a=1, b="two")
print(vars(k))

def defaults_dict(**kw):
    opts = {"color": "red", "size": "M"}
    opts.update(kw)
    return opts

print(defaults_dict(size="L", extra=1))
import collections
od = collections.OrderedDict([("z", 26), ("a", 1)])
print(order(**od))
class M:
    def keys(self):
        return ["k2", "k1"]
    def __getitem__(self, key):
        return key.upper()
print(order(**M()), collect(**M()))
def count_kwargs(*args, **kw):
    return len(args), len(kw)
print(count_kwargs(), count_kwargs(1, 2, x=3), count_kwargs(*range(5), **dict.fromkeys("abc")))
