_ = 1
type = 2
print = 3
exec = 4
nonlocal_ = 5
async_ = 6
x.match = x.case = x._ = x.type
def f(match, case, _): pass
