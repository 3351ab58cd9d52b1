# shlex (CPython's own; quote() finds unsafe characters with re): split in
# POSIX and non-POSIX modes, quote, join, and the lexer's token stream.
import shlex

for s in ['a b c', 'a "b c" d', "it's 'quoted here'", r'esc\ aped "in\"ner"', 'x=1 # comment',
          "mixed'single'\"double\"", '  lead  trail  ', '', 'a\\\nb', '"unterminated']:
    for posix in (True, False):
        try:
            print(repr(s), posix, shlex.split(s, comments=True, posix=posix))
        except ValueError as e:
            print(repr(s), posix, 'ValueError', e)
for s in ['simple', 'has space', "it's", '', 'a$b', 'é', '--opt=1,2', 'x;rm -rf /', 'tab\there']:
    print(repr(s), shlex.quote(s))
print(shlex.join(['echo', 'a b', "c'd", '']))
lex = shlex.shlex('foo(bar, "baz qux") + 12.5;', posix=True, punctuation_chars=True)
print(list(lex))
lex = shlex.shlex('a && b || c; d|e > f', punctuation_chars=True)
print(list(lex))
lex = shlex.shlex("key = 'value' # tail", posix=False)
print(lex.get_token(), lex.get_token(), lex.get_token(), repr(lex.get_token()))
