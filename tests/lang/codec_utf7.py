# The UTF-7 codec (RFC 2152 as CPython): direct sets, base64 runs, surrogate
# pairs, every error with each handler, incremental decoding and aliases.
import codecs
samples = ['', 'hello', '+', '+-', 'a+b', '\\~', '\x00\x7f', 'wörld', '日本語', '\U0001f600x',
           'A\u2262\u0391.', 'Hi Mom -\u263a-!', '\ud800', '\ud800a', 'a-b', '+\\~\ud800\U0001f600hello wörld-+',
           'x' * 5 + '\u00e9' * 7 + '-' + '\u00e9' + '/' + '\u00e9' + 'z', '\t\r\n ', 'é-', 'é+', 'é~']
for s in samples:
    e = s.encode('utf-7')
    print(repr(s), e, e.decode('utf-7') == s, codecs.utf_7_encode(s))
bad = [b'+', b'+A', b'+AAA-', b'+AGE', b'+AGEA-', b'\x80', b'+!', b'+2AA-', b'+2AA', b'a+2ADcAA-b',
       b'+2ADcAA', b'~', b'\\', b'+AGF-', b'+AGEAYQ', b'+2ADYAA-x', b'+2ADYAA', b'+AOk.', b'a\xffb+AGEA-c']
for b in bad:
    for errors in ('strict', 'replace', 'ignore', 'backslashreplace'):
        try:
            print(b, errors, repr(b.decode('utf-7', errors)))
        except UnicodeDecodeError as e:
            print(b, errors, 'UnicodeDecodeError:', e, e.start, e.end)
def decode(b, final):
    try:
        return codecs.utf_7_decode(b, 'strict', final)
    except UnicodeDecodeError as e:
        return 'UnicodeDecodeError: %s' % e
for b in [b'a+AGE', b'a+AGEA', b'+AGEAYQ', b'ab+', b'+-', b'+AGE-x', b'+2AA', b'+2ADcAA', b'x+AOk', b'', b'+A', b'+AGEA-', b'+AGF-']:
    print(b, decode(b, False), decode(b, True))
print(codecs.utf_7_decode(bytearray(b'+AOk-'), None), codecs.utf_7_decode(memoryview(b'ab')))
for bad in [lambda: codecs.utf_7_encode(b'x'), lambda: codecs.utf_7_decode('x'), lambda: codecs.utf_7_encode('x', 1)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
dec = codecs.getincrementaldecoder('utf-7')()
data = 'Hi \u263a and \U0001f600 +x+ é'.encode('utf-7')
print(data, ''.join(dec.decode(data[i:i+1]) for i in range(len(data))) + dec.decode(b'', True))
enc = codecs.getincrementalencoder('utf-7')()
print(enc.encode('ab\u00e9') + enc.encode('\u00e9c', True))
print(codecs.lookup('utf7').name, codecs.lookup('UTF-7').name, 'x'.encode('U7'))
