x = f"""line one {a}
line two {b}
{c} line three"""
y = f'''{
    a
    +
    b
}'''
z = f"""{a:
>10}"""
w = f"""
    {x!r}
    {y=}
"""
