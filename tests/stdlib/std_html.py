# html (escape, and unescape, which finds character references with re).
import html

print(html.escape('<a href="x">Tom & \'Jerry\'</a>'))
print(html.escape('<a href="x">', quote=False))
for s in ['&lt;p&gt;', '&amp;amp;', '&#65;&#x42;&#X43;', '&eacute;t&eacute;', '&notit;', '&notin;',
          '&#0;', '&#x110000;', '&#128;&#x80;', '&#xD800;', '&ampx', '&nbsp;', '&unknown;',
          'no refs', '&#65', '&#x41', '&lt', '&GT;', '&#9;&#10;&#13;', '&#1114111;', '&AMP']:
    print(repr(s), repr(html.unescape(s)))
