# Locations python3.11 gives f-string parts: the concatenation's span for
# JoinedStr, FormattedValue and Constant parts; the token's own span for a
# format spec and its last Constant; expression columns from the brace's
# place in its token (not the token's column once a newline precedes it).
def f():
    x = f"""a{y}
  {x}"""
    return (u"a" f"{x:a{y}b}"
            f"{x!r:^{w}.{p}}" "tail")
a = f"""{
  x}""" + f"""
{
x}"""
b = f"{x} {x}" f"{x=} {x}"
c = f"""{'''a
b''' + y}"""
d = f"é{x}" f"{'é'}{y}"
e = f"""x
{  
 y +
 z}"""
