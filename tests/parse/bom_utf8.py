x = "café"
y = 1
