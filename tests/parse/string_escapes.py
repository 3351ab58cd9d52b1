"\n\t\\\'\"\a\b\f\v\r"
"\0\00\000\7\77\101"
"\x41\x7f\xff"
"\u20ac\u00e9\uFFFF"
"\U0001F600\U00000041"
"line\
continued"
"\N{EM DASH}\N{LATIN SMALL LETTER E WITH ACUTE}"
