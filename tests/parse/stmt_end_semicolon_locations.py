if x: pass;
def f(): return;
class A: x = 1; y = 2;
while x: pass;
for a in b: c; d;
