if x: pass
while x: break
for x in y: continue
def f(): return 1
class A: x = 1
with a: pass
try: pass
except: pass
if x: pass
elif y: pass
else: pass
try: pass
finally: pass
