# Tests classes defined inside functions: closures over function locals in methods and class bodies, per-call distinct classes, nonlocal from methods, recursion via class name.

def make_counter_class(start):
    count = start
    class Counter:
        initial = count
        def inc(self):
            nonlocal count
            count += 1
            return count
        def peek(self):
            return count
        @classmethod
        def fresh(cls):
            return cls()
    return Counter

C1 = make_counter_class(10)
C2 = make_counter_class(100)
a, b = C1(), C1()
print(a.inc(), b.inc(), a.peek(), C2().inc(), C1.initial, C2.initial, C1 is not C2, C1.__qualname__)
print(C1.fresh().peek(), type(C1.fresh()).__name__)

def class_body_closure():
    secret = "hidden"
    class Holder:
        exposed = secret.upper()
        def get(self):
            return secret
    secret = "changed after class creation"
    return Holder.exposed, Holder().get()

print(class_body_closure())

def self_reference():
    class Node:
        def __init__(self, children=()):
            self.children = list(children)
        def size(self):
            return 1 + sum(c.size() for c in self.children)
        def clone(self):
            return Node([c.clone() for c in self.children])
    return Node([Node(), Node([Node()])])

tree = self_reference()
print(tree.size(), tree.clone().size(), type(tree).__qualname__)

def class_uses_param(factor):
    class Scaler:
        def __init__(self, v):
            self.v = v * factor
        def __repr__(self):
            return f"Scaler(v={self.v}, factor={factor})"
    return Scaler

print(class_uses_param(2)(5), class_uses_param(10)(5))

def shadowing():
    x = "function x"
    class Shadow:
        x = "class x"
        y = x
        def method(self):
            return x
        z = [x for _ in range(1)]
    return Shadow.y, Shadow().method(), Shadow.z

print(shadowing())

def deleted_before_use():
    val = 1
    class K:
        def get(self):
            return val
    del val
    try:
        return K().get()
    except NameError as e:
        return type(e).__name__

print(deleted_before_use())
classes = [make_counter_class(i) for i in range(3)]
print([c.initial for c in classes], [c().inc() for c in classes])
