# Builtin types build their dicts on first use (start-up readies only their
# slots and MRO). Each section below touches a type for the first time
# through a different path, and must see the complete dict.

# First touch through type.__dict__ (a mappingproxy).
d = range.__dict__
print(type(d).__name__, 'count' in d, 'index' in d, '__iter__' in d, '__len__' in d)
print(d['__doc__'] == range.__doc__, '__doc__' in d)

# First touch through vars().
v = vars(slice)
print('indices' in v, '__new__' in v, '__hash__' in v, v['__hash__'])

# First touch through object.__getattribute__ on the type object.
f = object.__getattribute__(frozenset, 'union')
print(type(f).__name__, f(frozenset({1}), {2}) == {1, 2})
print(object.__getattribute__(complex, 'conjugate')(3 + 4j))

# First touch through super() from a subclass.
class BA(bytearray):
    def append(self, x):
        super().append(x)
        super().append(x)

b = BA(b'x')
b.append(65)
print(b, repr(BA()), type(b).__name__)

# First touch through dir().
names = dir(memoryview)
print('tobytes' in names, 'cast' in names, '__enter__' in names, names == sorted(names))

# The __doc__ descriptor of type, read for a builtin type first.
print(type(type.__dict__['__doc__'].__get__(tuple)).__name__)

# __new__ and slot wrappers appear in the dict.
print('__new__' in staticmethod.__dict__, '__get__' in staticmethod.__dict__)
print('__new__' in bool.__dict__, '__or__' in bool.__dict__, '__add__' in bool.__dict__)

# Inherited entries stay in the base's dict only.
print('__len__' in dict.__dict__, 'keys' in dict.__dict__)
class D(dict):
    pass
print('keys' in D.__dict__, D.keys is dict.keys, D().keys() == {}.keys())

# __abstractmethods__ of a builtin type is absent.
try:
    int.__abstractmethods__
except AttributeError as e:
    print('AttributeError', e)

# Setting attributes on builtin types still fails, touched or not.
for t in (zip, enumerate):
    try:
        t.foo = 1
    except TypeError as e:
        print('TypeError', e)

# Lookups on instances use the dict too.
print(reversed([1, 2]).__length_hint__(), enumerate('ab').__next__())
print(hasattr(map, '__iter__'), getattr(filter, '__next__').__name__)
print(sorted(k for k in vars(type(None)) if not k.startswith('__')))
print(callable(type(Ellipsis).__repr__), repr(Ellipsis))
