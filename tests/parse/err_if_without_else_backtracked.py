x = (a if b ** [c for c in lambda: d])
