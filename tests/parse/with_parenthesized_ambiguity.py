with (a, b): pass
with (a, b) as c: pass
with (a, b), c: pass
with (a) as b, (c): pass
with (a): pass
with (yield): pass
with (a, b,): pass
with (a as b, c as d,): pass
