# graphlib from CPython's library: TopologicalSorter's static order, the
# incremental protocol, cycles and misuse errors.
from graphlib import CycleError, TopologicalSorter

graph = {"D": {"B", "C"}, "C": {"A"}, "B": {"A"}, "E": {"D"}}
order = list(TopologicalSorter(graph).static_order())
print(len(order), order.index("A") < order.index("B") < order.index("D") < order.index("E"))
ts = TopologicalSorter()
ts.add(3, 2, 1)
ts.add(2, 1)
ts.add(1)
print(list(ts.static_order()))
ts = TopologicalSorter({5: [4], 4: [3], 3: [2], 2: [1]})
ts.prepare()
steps = []
while ts.is_active():
    ready = sorted(ts.get_ready())
    steps.append(ready)
    ts.done(*ready)
print(steps, bool(ts))
try:
    list(TopologicalSorter({1: [2], 2: [3], 3: [1]}).static_order())
except CycleError as e:
    print("CycleError", e.args[0], sorted(e.args[1]))
ts = TopologicalSorter({1: []})
try:
    ts.get_ready()
except ValueError as e:
    print("ValueError", e)
ts.prepare()
try:
    ts.prepare()
except ValueError as e:
    print("ValueError", e)
try:
    ts.add(2)
except ValueError as e:
    print("ValueError", e)
print(ts.get_ready(), ts.get_ready())
try:
    ts.done(7)
except ValueError as e:
    print("ValueError", e)
ts.done(1)
try:
    ts.done(1)
except ValueError as e:
    print("ValueError", e)
print(ts.is_active(), TopologicalSorter.__class_getitem__(int))
