# re: flags and Unicode: IGNORECASE with the special folds re knows (ß/ẞ,
# ſ/s, K/Kelvin, Greek sigmas, non-BMP letters), ASCII vs UNICODE classes,
# LOCALE on bytes, MULTILINE, DOTALL, VERBOSE, inline and scoped flags,
# and subjects of every str width.
import re


def t(pattern, s, flags=0, fn='findall'):
    try:
        print(repr(pattern), repr(s), getattr(re.compile(pattern, flags), fn)(s))
    except Exception as e:
        print(repr(pattern), repr(s), type(e).__name__, e)


# case folding
t('(?i)straße', 'STRASSE Straße STRAẞE')
t('(?i)ß', 'ßẞSs')
t('(?i)s', 'sSſ')
t('(?i)k', 'kKK')
t('(?i)[k]', 'kKK')
t('(?i)[a-z]+', 'HeLLo K ſ')
t('(?i)σ', 'σςΣ')
t('(?i)[σ]', 'σςΣ')
t('(?i)ς+', 'ΣΑΣ σς')
t('(?i)µ', 'µμΜ')
t('(?i)İ', 'İi̇I')
t('(?i)ǅ', 'ǄǅǆDž')
t('(?i)\U00010400', '\U00010428\U00010400')
t('(?i)[\U00010400-\U00010410]', '\U00010428\U00010430x')
t('(?i)[^a]', 'aAb')
t('(?i)[^k]', 'kKKx')
t('(?ia)k', 'kKK')
t('(?ia)[k-l]', 'kKKL')
t('(?i)\\w+', 'ÉCOLE école')
t(r'(?i)(\w)\1', 'aA ßẞ éÉ')
t('(?i)[é-ë]', 'ÉÊËéx')
t('(?i)Ǆ', 'ǄǅǆDž')
t('(?i)ﬀ', 'ﬀff')
# ASCII vs UNICODE classes
t(r'\w+', 'naïve café 東京 x_1')
t(r'\w+', 'naïve café 東京 x_1', re.A)
t(r'\d+', '12 ١٢ ¹²')
t(r'\d+', '12 ١٢', re.ASCII)
t(r'\s+', 'a\u00a0b\u2003c\x1cd\x85e')
t(r'\s+', 'a\u00a0b\u2003c\x1cd', re.A)
t(r'\W+', 'a-é+b')
t(r'\W+', 'a-é+b', re.A)
t(r'\bé', 'é xé')
t(r'\bé', 'é xé', re.A)
t(r'[\w-]+', 'grüß-gott')
t(r'[^\W\d]+', 'ab12cd٣e')
t('(?u)\\w', 'é')
t('.', '\n\r\u2028')
t('(?s).', '\n\r')
# bytes: ASCII semantics, LOCALE
t(rb'\w+', b'caf\xe9 ok')
t(rb'(?i)k', b'kK')
t(rb'(?i)[a-c]+', b'ABCabc\xc1')
t(rb'(?L)\w+', b'abc def')
t(rb'(?iL)ABC', b'abc ABC')
t(rb'(?L)\bx', b'x ax')
t(rb'\s+', b'a\x1cb\x0bc')
t(rb'\d', b'1\xb2')
# MULTILINE, DOTALL, VERBOSE
t('^\\w+$', 'one\ntwo\nthree', re.M)
t('^\\w+$', 'one\ntwo', 0)
t('\\w+$', 'one\ntwo\n', 0)
t('(?m)\\w$', 'a\nb\n')
t('a.b', 'a\nb', re.S)
t('(?s:a.b)|c.d', 'a\nb c\nd')
t('''(?x)
    (\\d+)   # digits
    \\s*     # space
    ([a-z]+) # word
''', '12 ab 3cd')
t('(?x) a b [ ] ] \\# c', 'ab ]#c ab]#c')
t('(?x)a#comment\nb', 'ab')
# scoped flags
t('a(?i:b)c', 'aBc abC')
t('(?i)a(?-i:b)c', 'AbC aBc')
t('(?i:a)(?s:.)(?m:^)', 'A\n')
t('(?a:\\w+)\\w+', 'é éé')
t('(?x:a b)c d', 'abc d')
# wide subjects: 1-, 2- and 4-byte strings
for s in ['abc,def', 'abc,d\u0113f', 'abc,d\U0001F600f']:
    t('[a-z\u0100-\u017f\U0001F600]+', s)
    t('(?<=,).', s)
    t('(.)(.)$', s, fn='search')
t('\U0001F600+', '\U0001F600\U0001F600x')
t('[^\U0001F600]', '\U0001F600a')
t('[\u0100-\U0010ffff]+', 'a\u0101\U00010000b')
t('[\u3040-\u309f\u30a0-\u30ff]+', 'ひらがなカタカナabc')
t('\\u00e9|\\U0001f600', 'é\U0001F600')
print(re.I, re.M | re.S, re.compile('x', re.I | re.X).flags, re.compile(b'x').flags)
print(re.compile('x').flags & re.U, re.compile(b'x', re.L).flags)
