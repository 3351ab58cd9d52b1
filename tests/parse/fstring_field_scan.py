# How python3.11 finds where a replacement field ends: comparisons and '!='
# stay in the expression, brackets and strings hide ':' and '}', '=' with
# whitespace is kept in the debug text.
f"{a<b}" f"{a>b}" f"{a!=b}" f"{0==1}" f"{a<=b>=c}"
f"{a[1:2]}" f"{ {'k': v}['k'] }" f"{'}'}" f"{'{'}" f'{"""a}"""}'
f"{ x = }" f"{x =!s:>4}" f"{x=:{y}}" f"""{x
=}"""
f"{x, y}" f"{*a,}" f"{a:=1}" f"{(lambda: 1)}" f"{x for x in y}"
