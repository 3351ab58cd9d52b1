try:
    print(1)
    break
    print(2)
finally:
    print(3)
