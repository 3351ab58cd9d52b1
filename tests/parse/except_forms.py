try:
    pass
except E:
    pass
except a.b.E as e:
    pass
except (A, B):
    pass
except (A):
    pass
except f() as g:
    pass
except A if x else B:
    pass
