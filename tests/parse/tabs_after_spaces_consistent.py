if a:
        x = 1
if b:
	x = 2
if c:
    	y = 3
