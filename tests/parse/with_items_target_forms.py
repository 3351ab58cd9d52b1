with a as b.c: pass
with a as b[0]: pass
with a as (b, *c): pass
with (a as b): pass
with (a, b) as (c, d): pass
with (a) as b, (c) as d: pass
