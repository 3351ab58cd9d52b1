if a:
	x = 1
	if b:
		y = 2
if c:
    z = 3
    if d:
        w = 4
x = (1,	2)	# tab in code and comment
if e:
	if f:
		pass
	else:
		pass
