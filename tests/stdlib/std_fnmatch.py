# fnmatch (CPython's own: translate() builds a regular expression, which
# re compiles and caches): fnmatchcase/fnmatch/filter/translate.
import fnmatch

names = ['a.py', 'b.PY', 'setup.cfg', '.hidden', 'x[1].txt', 'data-01.csv', 'data-1.csv',
         'notes.txt', 'dir/a.py', 'é.txt', 'a?b', 'star*file', '']
for pat in ['*.py', '*.PY', '?.py', '*', '.*', '*[0-9].csv', 'data-??.csv', '[!a]*', '[a-c].py',
            'x[[]1].txt', '*[*]*', 'a[?]b', '[]]', '[!]]', '*/*.py', '[é]*', '**.txt', '[z-a]',
            'a[', '[!', '*.[ct][sx][vt]']:
    print(repr(pat), fnmatch.filter(names, pat))
    print('  ', fnmatch.translate(pat))
for name, pat in [('a.py', '*.PY'), ('A.PY', '*.py'), ('abc', 'a*c'), ('ab\nc', 'a*c'), ('', '*'), ('', '?')]:
    print(name.encode(), pat, fnmatch.fnmatchcase(name, pat), fnmatch.fnmatch(name, pat))
print(fnmatch.filter([b'x.c', b'y.h'], b'*.c'), fnmatch.fnmatchcase(b'abc', b'a?c'))
