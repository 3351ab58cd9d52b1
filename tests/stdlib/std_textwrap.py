# textwrap (CPython's own, which splits words with re): wrap/fill with the
# options that change the chunking, shorten, dedent/indent.
import textwrap

text = ("The quick brown fox jumps over the lazy dog.  It was a bright-eyed, "
        "well-known fox -- quite remarkable, really; it's true!  Supercalifragilistic"
        "expialidocious words need breaking sometimes.")
for width in (10, 25, 40, 70):
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 30, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap(text, 20, break_long_words=False))
print(textwrap.wrap(text, 20, break_on_hyphens=False))
print(textwrap.wrap(text, 30, fix_sentence_endings=True))
print(textwrap.wrap(text, 30, max_lines=3, placeholder=' [...]'))
print(textwrap.wrap('a\tb\tc  d', 8, expand_tabs=True, tabsize=4))
print(textwrap.wrap('  lead  and  trail  ', 6, drop_whitespace=False))
print(textwrap.wrap('x' * 25, 10))
print(textwrap.wrap('', 10), textwrap.wrap('   ', 10))
print(textwrap.shorten('Hello  world, this is a test of shorten', 20))
print(textwrap.shorten('Hello world', 11), textwrap.shorten('Hello world!', 11, placeholder='..'))
print(repr(textwrap.dedent('''
    def f():
        return 1
      # odd
    ''')))
print(repr(textwrap.dedent('  a\n\t b\n')))
print(repr(textwrap.dedent('   x\n   \n   y')))
print(repr(textwrap.indent('a\n\nb\n', '> ')))
print(repr(textwrap.indent('a\n\nb\n', '+', lambda line: True)))
w = textwrap.TextWrapper(width=15, initial_indent='- ')
print(w.wrap('one two three four five six seven'))
try:
    textwrap.wrap('abc', 0)
except ValueError as e:
    print('ValueError', e)
