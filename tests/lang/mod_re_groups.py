# re: the Match and Pattern objects: group/groups/groupdict/start/end/span/
# regs/lastindex/lastgroup/expand/__getitem__, reprs, equality and hashing,
# copying, groupindex, the scanner and re.Scanner.
import copy
import re


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


m = re.search(r'(?P<first>\w+) (?P<last>\w+)(?P<tail>!)?(x)?', '>> Ada Lovelace ok')
t(lambda: m.group())
t(lambda: m.group(0, 1, 'last'))
t(lambda: m.group('tail'))
t(lambda: m.group(True))
t(lambda: m.groups())
t(lambda: m.groups('-'))
t(lambda: m.groups(default=0))
t(lambda: m.groupdict())
t(lambda: m.groupdict('?'))
t(lambda: m[0])
t(lambda: m['first'])
t(lambda: m[2])
t(lambda: (m.start(), m.end(), m.span()))
t(lambda: (m.start(1), m.end('last'), m.span('tail'), m.span(4)))
t(lambda: m.regs)
t(lambda: (m.pos, m.endpos, m.lastindex, m.lastgroup))
t(lambda: m.re)
t(lambda: m.string)
t(lambda: m.expand(r'\g<last>, \1 (\g<0>)'))
t(lambda: m.expand(r'[\3]'))
t(lambda: m.expand(r'\g<nope>'))
t(lambda: m.group(5))
t(lambda: m.group(-1))
t(lambda: m.group('nope'))
t(lambda: m.group([]))
t(lambda: m.group(1.0))
t(lambda: m.start(9))
t(lambda: m.span(1, 2))
t(lambda: m[10**30])
t(lambda: m.groups(1, 2))
t(lambda: m.group(x=1))
# lastindex / lastgroup
for pat, s in [('(a)(b)', 'ab'), ('((a)b)', 'ab'), ('(a)|(b)', 'b'), ('(a)?b', 'b'),
               ('(?P<x>a)(?P<y>b)?', 'a'), ('(?P<x>(?P<y>a))', 'a'), ('a', 'a'),
               ('(?:(a)|b)*', 'ab'), ('(a)(?=(b))', 'ab'), ('(?P<o>(a)|b)+', 'ab')]:
    mm = re.match(pat, s)
    print(pat, mm.lastindex, mm.lastgroup, mm.groups(), mm.regs)
# reprs
print(re.match('a+', 'aaa'))
print(re.match(b'a+', b'aaa'))
print(re.match('.*', 'x' * 80))
print(re.match('.*', 'it\'s "q"\n'))
print(re.match('', 'a'))
print(re.match(rb'.*', bytearray(b'\x00\xff')))
print(repr(re.compile('a\\d+')))
print(repr(re.compile('x' * 300)))
print(repr(re.compile(b'a', re.I)))
print(repr(re.compile('a', re.I | re.M | re.S | re.X)))
print(repr(re.compile('a', re.A)), repr(re.compile('a', re.U)))
print(repr(re.compile(b'a', re.L | re.I)))
print(repr(re.compile("it's")))
# Pattern attributes, equality, hashing, copying
p = re.compile(r'(?P<k>\w+)=(?P<v>\d+)(;)?')
print(p.pattern, p.flags, p.groups, dict(p.groupindex), type(p.groupindex).__name__)
print(re.compile('ab').groupindex, type(re.compile('ab').groupindex).__name__)
t(lambda: p.groupindex.__setitem__('z', 1))
print(p == re.compile(r'(?P<k>\w+)=(?P<v>\d+)(;)?'), p != p, p == 'x')
print(re.compile('a') == re.compile('a', re.I), re.compile('a') == re.compile(b'a'))
print(hash(re.compile('abc')) == hash(re.compile('abc')))
print(copy.copy(p) is p, copy.deepcopy(p) is p)
print(copy.copy(m) is m, copy.deepcopy(m) is m)
print(len({re.compile('a'), re.compile('a'), re.compile('b')}))
print(re.Pattern, re.Match, re.Pattern[str], re.Match[bytes])
print(isinstance(p, re.Pattern), type(m) is re.Match)
t(lambda: re.Pattern())
t(lambda: re.Match())
t(lambda: p.match())
t(lambda: p.match('a=1', pos='x'))
t(lambda: p.match('a=1', nope=1))
# the scanner
sc = re.compile(r'\d+|[a-z]+').scanner('12ab 7')
print(sc.pattern.pattern)
print(sc.match(), sc.match(), sc.match(), sc.match())
sc = re.compile(r'\d').scanner('a1b2')
print([x.group() for x in iter(sc.search, None)], sc.search())
sc = re.compile(r'x*').scanner('axx')
print([x.span() for x in iter(sc.search, None)])
def ident(scanner, tok):
    return ('ID', tok)
lex = re.Scanner([(r'[a-z_]\w*', ident), (r'\d+', lambda s, tok: ('NUM', int(tok))),
                  (r'[=+*]', lambda s, tok: ('OP', tok)), (r'\s+', None)])
print(lex.scan('x1 = y + 42 * z'))
print(lex.scan('a = $b'))
