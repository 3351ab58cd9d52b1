[x for x in y else z]
