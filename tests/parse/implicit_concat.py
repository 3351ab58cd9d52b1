'a' 'b'
'a' "b" '''c''' """d"""
b'a' b'b'
x = ('abc'
     'def'
     "ghi")
y = 'one' \
    'two'
z = u'a' 'b'
w = 'a' u'b'
v = r'\n' '\n'
f(
    'arg'
    'ument',
    'second'
)
