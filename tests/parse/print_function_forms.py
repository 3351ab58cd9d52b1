print("x", end="")
print("a", "b", sep=", ", file=sys.stderr, flush=True)
print()
print(*items)
