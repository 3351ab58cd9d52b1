class C:
    x = 1
    y: int
    z: int = 2
    def f(self): pass
    async def g(self): pass
    class D: pass
    if x:
        w = 3
    for i in []:
        pass
    with a: pass
    try: pass
    except: pass
    import os
    from os import path
    del x
    global g
    pass
    ...
    """not a docstring"""
