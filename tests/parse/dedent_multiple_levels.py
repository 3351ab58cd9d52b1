if a:
    if b:
        if c:
            x = 1
  # comment at odd indentation
        # another
y = 2
for i in x:
    while j:
        try:
            pass
        finally:
            pass
else:
    pass
