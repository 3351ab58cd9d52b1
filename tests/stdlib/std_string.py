# string (CPython's own; Template's pattern is built with re, Formatter
# rides on _string): constants, capwords, Template substitution and its
# errors, subclassed delimiters and idpatterns, Formatter.
import string

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords(' hello   wORLD  again '), string.capwords('a-b c-d', '-'))
t = string.Template('$who likes ${what}; $$5 for $who')
print(t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'x'}, what='y'))
print(t.safe_substitute(who='ann'), t.get_identifiers(), t.is_valid())
for tmpl, kw in [('$a $b', {'a': 1}), ('${a', {'a': 1}), ('$', {}), ('$1', {}), ('x $a$b y', {'a': 1, 'b': 2}),
                 ('${a}b', {'a': 'A'}), ('$ab', {'a': 1}), ('\u00e9$a', {'a': 'é'})]:
    try:
        print(repr(tmpl), string.Template(tmpl).substitute(**kw))
    except (KeyError, ValueError) as e:
        print(repr(tmpl), type(e).__name__, e)
    print(repr(tmpl), string.Template(tmpl).safe_substitute(**kw), string.Template(tmpl).is_valid())
class Pct(string.Template):
    delimiter = '%'
    idpattern = '[a-z]+'
print(Pct('%name is %{age}%% and %Name').safe_substitute(name='bo', age=3))
class Braces(string.Template):
    pattern = r'''
    \{\{(?:
      (?P<escaped>\{\{) |
      (?P<named>[a-z]+)\}\} |
      (?P<braced>[a-z]+)\}\} |
      (?P<invalid>)
    )'''
print(Braces('{{x}} and {{{{ and {{y}}').substitute(x=1, y=2))
f = string.Formatter()
print(f.format('{0}-{name}-{1!r:>5}', 'a', 'b', name='n'), list(f.parse('x{0:>{1}}y{z!s}')))
print(f.vformat('{a[0]}.{b.real}', (), {'a': [7], 'b': 3}))
