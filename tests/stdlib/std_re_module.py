# re's module level, run from CPython's sources: the compile cache, purge,
# re.DEBUG's dump of the parsed and compiled code (re._compiler.dis over
# the code words _sre.compile received), RegexFlag, re.Scanner, pickling
# hooks through copyreg.
import copyreg
import re

p1 = re.compile('ab+')
print(re.compile('ab+') is p1, re.compile('ab+', re.I) is p1)
re.purge()
print(re.compile('ab+') == p1)
re.compile(r'(?P<word>\w+)\s*(?:,|;)?[a-c\d]{2,}?(?=x)|\bend$', re.DEBUG)
re.compile(rb'(?i)a(?!b)[^\x00-\x1f]*+(?>c|d)', re.DEBUG)
re.compile('(?i)[\u0100-\u0200\U00010000]\\1?', re.DEBUG) if False else None
re.compile('(a)(?(1)b|c)x{3}', re.DEBUG)
print(re.RegexFlag.IGNORECASE | re.RegexFlag.MULTILINE, repr(re.I | re.S), re.NOFLAG)
print(re.A.value, re.U.value, re.L.value, int(re.X | re.DEBUG))
f, args = copyreg.dispatch_table[re.Pattern](p1)
print(f.__name__, args, f(*args) is p1)
print(re.fullmatch(r'\d+', '123'), re.search(r'\d+', 'x12').start())
print(re.subn(r'(?m)^', '# ', 'a\nb'))
print(re.split(r'[,;]\s*', 'a, b;c', maxsplit=1))
print(re.error.__module__, re.error('msg', 'pat', 1).pos)
