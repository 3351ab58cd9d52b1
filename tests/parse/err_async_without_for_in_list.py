[a, b async y]
