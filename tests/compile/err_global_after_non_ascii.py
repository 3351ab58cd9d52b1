def f():
    s = "€"; global s
