[a for (x, y) . in b]
