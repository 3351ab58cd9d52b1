[print x y]
