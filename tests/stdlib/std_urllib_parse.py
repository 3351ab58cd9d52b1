# urllib.parse (CPython's own; its splitters and quoting tables use re):
# urlsplit/urlparse/urljoin, quoting, query strings.
from urllib import parse

for url in ['https://user:pw@Example.COM:8080/a/b;p?q=1&r=2#frag', 'file:///tmp/x.txt',
            'mailto:me@example.com', '//host/path', 'http://[::1]:80/', 'relative/path?x',
            'HTTP://host', 'http://host:/p', 'git+ssh://g@h/r.git']:
    s = parse.urlsplit(url)
    print(s, s.hostname, s.port if s.port is None or True else None, s.username)
    print(parse.urlparse(url), parse.urlunsplit(s))
for base, ref in [('http://a/b/c/d;p?q', 'g'), ('http://a/b/c/d;p?q', '../g'),
                  ('http://a/b/c/d;p?q', '/g'), ('http://a/b/c/d;p?q', '//g'),
                  ('http://a/b/c/d;p?q', '?y'), ('http://a/b/c/d;p?q', '#s'),
                  ('http://a/b/c/d;p?q', '../../../g'), ('http://a/b/c/d;p?q', 'g/./h/..')]:
    print(base, ref, parse.urljoin(base, ref))
print(parse.quote('a b/c?d=é&f'), parse.quote('a b/c', safe=''), parse.quote_plus('a b+c'))
print(parse.unquote('a%20b%2Fc%C3%A9%zz'), parse.unquote_plus('a+b%2B'))
print(parse.urlencode({'a': 1, 'b': 'x y', 'c': ['1', '2']}, doseq=True))
print(parse.parse_qs('a=1&b=2&a=3&c='), parse.parse_qs('a=1&c=', keep_blank_values=True))
print(parse.parse_qsl('x=1;y=2&z=%41', separator='&'))
print(parse.urldefrag('http://h/p#f'), parse.splittype if False else None)
try:
    parse.urlsplit('http://[::1/')
except ValueError as e:
    print('ValueError', e)
try:
    parse.urlsplit('http://h:99999/').port
except ValueError as e:
    print('ValueError', e)
