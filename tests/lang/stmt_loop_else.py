# Tests for/while else clauses: else runs on normal exhaustion, not after break; interaction with continue, return, exceptions and nested loops.

def find(items, target):
    for i, v in enumerate(items):
        if v == target:
            print("  found at", i)
            break
    else:
        print("  not found")
        return None
    return i

print(find([1, 2, 3], 2), find([1, 2, 3], 9), find([], 1))
n = 0
while n < 3:
    n += 1
else:
    print("while else ran, n =", n)
n = 0
while n < 10:
    n += 1
    if n == 4:
        break
else:
    print("not printed")
print("broke at", n)
while False:
    pass
else:
    print("else of never-entered while")
for x in []:
    pass
else:
    print("else of empty for")
for x in range(3):
    if x == 1:
        continue
else:
    print("continue does not skip else; x =", x)

def primes(limit):
    out = []
    for n in range(2, limit):
        for d in range(2, int(n ** 0.5) + 1):
            if n % d == 0:
                break
        else:
            out.append(n)
    return out

print(primes(50))

def return_from_loop():
    for i in range(3):
        if i == 1:
            return "returned"
    else:
        return "else"

print(return_from_loop())

def exception_skips_else():
    try:
        for i in range(3):
            if i == 1:
                raise ValueError("stop")
        else:
            print("  not printed")
    except ValueError as e:
        return str(e)

print(exception_skips_else())
for i in range(2):
    for j in range(2):
        if j == 1:
            break
    else:
        print("inner else never")
    print("outer iteration", i)
else:
    print("outer else ran")
count = 0
while True:
    count += 1
    if count > 2:
        break
print("while True broke at", count)
it = iter([1, 2, 3])
for a in it:
    if a == 2:
        break
print("resume iterator:", list(it))
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print("  finally", i)
else:
    print("no else after break in try")
for i in range(2):
    pass
print("loop var after loop", i)
k = 5
for k in range(0):
    pass
print("k unchanged by empty loop", k)
