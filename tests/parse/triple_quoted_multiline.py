x = """first
second
third"""
y = '''
indented
    more
'''
def f():
    """Docstring
    spanning
    lines.
    """
z = f("""a
b""", 1)
