# re: errors as CPython reports them: re.error from the parser (message,
# pos, lineno, colno), type mixing between str and bytes, bad arguments,
# and _sre.compile refusing code lists the matcher must never run.
import re
import _sre


def t(f):
    try:
        print(repr(f()))
    except re.error as e:
        print('re.error:', e, '|', e.msg, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(type(e).__name__, e)


for pat in ['(', ')', 'a)', '[a', '[z-a]', 'a**', '*a', 'a{2,1}', '(?P<1a>x)', '(?P<a>x)(?P<a>y)',
            '(?P=nope)', r'\1', '(a)\\2', '(?<=a+)b', '(?<=a|bc)d', '(?z)', '(?i', '(?#x',
            r'\k', r'\x4', r'\u12', r'\U00110000', '(?(x)a|b)', '(?(1)a|b|c)', '(a)(?(2)b)',
            'x{99999999999}', '(?i-i:a)', '(?-a:x)', '(?a-u:x)', '[\\d-z]', 'a\n(b',
            '(?P<a>a)(?P=a', '(?P', '(?<', '(?<x', '(?<=(?P<g>a)(?P=g))b', '(?:a|b', '\\',
            '(?x)a #(', '(?+)']:
    t(lambda: re.compile(pat))
t(lambda: re.compile(b'\\u0041'))
t(lambda: re.compile('a', re.A | re.U))
t(lambda: re.compile(b'a', re.U))
t(lambda: re.compile('a', re.L))
t(lambda: re.compile(re.compile('a'), re.I))
t(lambda: re.compile(5))
t(lambda: re.compile(['a']))
# str/bytes mixing and subject types
t(lambda: re.match('a', b'a'))
t(lambda: re.match(b'a', 'a'))
t(lambda: re.match('a', 5))
t(lambda: re.match('a', None))
t(lambda: re.match(b'a', [97]))
t(lambda: re.findall('a', b'a'))
t(lambda: re.sub('a', 'b', b'a'))
t(lambda: re.split(b'a', 'a'))
t(lambda: list(re.finditer('a', 1.5)))
t(lambda: re.compile('a').scanner(b'a'))
t(lambda: re.compile('a').match('a', 0, 'x'))
t(lambda: re.compile('a').match('a', 2 ** 100))
t(lambda: re.compile('a').search('xa', pos=True))
t(lambda: re.compile('a').sub('b'))
t(lambda: re.compile('a').split('a', 'x'))
t(lambda: re.compile('a').subn('b', 'a', 1, 2))
t(lambda: type(re.template).__name__)
class S(str):
    pass
t(lambda: (re.match('a', S('ab')).group(), type(re.match('a', S('ab')).group()).__name__))
t(lambda: type(re.sub('z', 'y', S('ab'))).__name__)
t(lambda: re.match('b', S('ab'), 0))
# _sre.compile checks what it is given
print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print(_sre.ascii_iscased(ord('a')), _sre.ascii_iscased(ord('1')), _sre.ascii_tolower(ord('Q')),
      _sre.unicode_iscased(0x3c3), _sre.unicode_tolower(0x130), _sre.unicode_tolower(0x1E9E),
      _sre.ascii_tolower(0xC9), _sre.unicode_iscased(ord('ß')), _sre.unicode_iscased(0x10400))
good = re.compile('a(b)').match('ab')
print(good.span(1))
for code, groups in [([17, 0, 16, 97, 17, 1, 1], 1), ([16, 97, 1], 0), ([1], 0), ([], 0),
                     ([16, 97], 0), ([16], 0), ([99, 1], 0), ([17, 4, 1], 1), ([11, 3, 1], 2),
                     ([15, 100, 1], 0), ([13, 5, 16, 97, 0, 1], 0), ([13, 4, 16, 97, 1], 0),
                     ([24, 6, 0, 5, 16, 97, 1, 1], 0), ([24, 6, 3, 1, 16, 97, 1, 1], 0),
                     ([24, 7, 0, 5, 16, 97, 16, 98, 1, 1], 0), ([23, 5, 0, 9, 16, 97, 18, 1], 0),
                     ([23, 5, 0, 9, 16, 97, 1, 1], 0), ([18, 1], 0), ([6, 99, 1], 0),
                     ([8, 99, 1], 0), ([7, 5, 16, 97, 15, 2, 0, 1], 0),
                     ([7, 5, 16, 97, 15, 9, 0, 1], 0), ([4, 3, 0, 1], 0), ([4, 4, 0, 16, 1], 0),
                     ([-1, 1], 0), ([2 ** 32, 1], 0), ([1], -1), (['x'], 0), ((1,), 0)]:
    t(lambda: _sre.compile('x', 0, code, groups, {}, ()))
t(lambda: _sre.compile('x', 0, [1], 0, [], ()))
t(lambda: _sre.compile('x', 0, [1], 0, {}, []))
t(lambda: _sre.compile(5, 0, [1], 0, {}, ()))
p = _sre.compile(None, 0, [16, 97, 1], 0, {}, ())
print(p.match('a'), p.match(b'a'), p.pattern, repr(p))
# hand-made code that is valid runs as the compiler's would
p = _sre.compile('x', 0, [24, 6, 0, 4294967295, 16, 97, 1, 16, 98, 1], 0, {}, ())
print(p.match('aaab'), p.match('b'), p.match('c'))
# the engine needs no C recursion: long subjects and deep patterns
print(re.match('(?:a|b)*c', 'ab' * 50000 + 'c').end())
print(re.match('(?:(a)|(b))*', 'ab' * 50000).span(1, 2) if hasattr(re.Match, 'x') else
      re.match('(?:(a)|(b))*', 'ab' * 50000).regs)
print(re.match('(' * 90 + 'a' + ')' * 90, 'a').span(90))
print(re.match('(?:' * 200 + 'a' + ')*' * 200, 'aaaa').end())
print(re.search('(x+x+)+y', 'x' * 18) is None)
print(re.fullmatch('(?:a*)*b?', 'a' * 100000) is not None)
