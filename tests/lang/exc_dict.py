# An exception's __dict__: made on first use (vars(), assignment), replaced by
# assignment, kept by copy, pickle and __reduce__.
e = ValueError(1)
print(e.__dict__, vars(e))
e.x = 1
print(e.__dict__, e.x)
class E(Exception):
    pass
x = E()
print(x.__dict__, vars(x))
x.__dict__ = {"a": 2}
print(x.a, x.__dict__)
try:
    x.__dict__ = 5
except TypeError as err:
    print("TypeError", err)
import copy, pickle
e2 = KeyError("k"); e2.note = "n"
print(copy.copy(e2).__dict__, pickle.loads(pickle.dumps(e2)).__dict__, e2.__reduce__())
print(ValueError(3).__reduce__())
print("__dict__" in dir(BaseException))
