# types from CPython's library: the type objects it names, SimpleNamespace,
# MappingProxyType, new_class/prepare_class/resolve_bases, DynamicClassAttribute
# and GenericAlias.
import types

print(types.FunctionType.__name__, types.LambdaType is types.FunctionType, types.BuiltinFunctionType.__name__)
print(types.MethodType.__name__, types.ModuleType.__name__, types.NoneType, types.NotImplementedType, types.EllipsisType)
print(types.GeneratorType.__name__, types.CodeType.__name__, types.MappingProxyType.__name__)


def f():
    yield 1


print(isinstance(f, types.FunctionType), isinstance(f(), types.GeneratorType), isinstance(len, types.BuiltinFunctionType))
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=[1]), sorted(vars(ns)))
del ns.a
print(ns)
mp = types.MappingProxyType({"k": 1, "j": 2})
print(mp["k"], len(mp), sorted(mp), "k" in mp, mp.get("z", 0), dict(mp.items()) == {"k": 1, "j": 2})
try:
    mp["k"] = 3
except TypeError as e:
    print("TypeError", e)
m = types.ModuleType("mymod", "doc here")
m.x = 5
print(m.__name__, m.__doc__, m.x, repr(m).startswith("<module 'mymod'"))


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["made_by"] = "Meta"
        return super().__new__(mcls, name, bases, ns)


C = types.new_class("C", (object,), {"metaclass": Meta}, lambda ns: ns.update(x=1))
print(C.__name__, type(C).__name__, C.x, C.made_by)
meta, ns, kwds = types.prepare_class("D", (), {"metaclass": Meta, "other": 1})
print(meta.__name__, ns, kwds)


class Alias:
    def __mro_entries__(self, bases):
        return (int,)


print(types.resolve_bases((Alias(), str)))


class WithDyn:
    @types.DynamicClassAttribute
    def name(self):
        return "instance-name"


print(WithDyn().name, type(WithDyn.__dict__["name"]).__name__)
ga = types.GenericAlias(list, (int,))
print(ga, ga.__origin__, ga.__args__, list[int] == ga)
print(types.TracebackType.__name__)
print(type(types.SimpleNamespace).__name__, types.CellType.__name__, types.UnionType)
