rf'\n{x}'
fr"\d{y}"
Rf'\{x}\\'
rF"{x!r}\t"
rf"""\
{x}"""
