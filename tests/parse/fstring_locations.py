x = (
    f'a{b}c'
    f'{d!r:>{e}}'
)
y = f'{a}' 'b' f'{c + d}'
z = f"""
{a}
  {b.c}
"""
