if (n := len(a)) > 10:
    pass
print(f"{(y := 10)}")
[z := 1]
