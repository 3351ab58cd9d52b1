match = 1
case = 2
_ = 3
match.x = 4
match(x)
match[x]
print(match, case, _)
match.case = match
def match(case): return case
match * x
match - x
match (x)
