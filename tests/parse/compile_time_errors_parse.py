return 1
break
continue
yield x
await y
nonlocal n
async with a: pass
async for b in c: pass
[x async for x in y]
