# TextIOWrapper over codecs of the registry (cp437, koi8_r, utf-7...): reading,
# writing, readline, errors, reconfigure, and tell/seek across chunk sizes.
import io, os, codecs
path = "/tmp/_krait_test_io_text_registry_%d.txt" % os.getpid()
text = 'h\u00e9llo \u2591\u2592 w\u00f6rld\n' * 3 + 'end\r\nlast'
for enc in ('cp437', 'iso8859_15', 'koi8_r', 'mac_roman', 'utf-7', 'cp850'):
    try:
        data = text.encode(enc, 'replace')
    except Exception as e:
        print(enc, 'encode', type(e).__name__); continue
    with open(path, 'w', encoding=enc, errors='replace', newline='') as f:
        f.write(text)
        print(enc, f.encoding, f.errors)
    with open(path, 'rb') as f:
        raw = f.read()
    print(enc, raw == data, len(raw))
    with open(path, encoding=enc, newline='') as f:
        print(repr(f.read()))
    with open(path, encoding=enc) as f:
        lines = f.readlines()
        print(len(lines), repr(lines[-1]))
    with open(path, encoding=enc) as f:
        f.readline()
        pos = f.tell()
        rest = f.read()
        f.seek(pos)
        print(f.read() == rest, f.read(3) == '', pos)
    with open(path, encoding=enc) as f:
        out = []
        while True:
            c = f.read(5)
            if not c:
                break
            out.append(c)
        print(''.join(out) == text.encode(enc, 'replace').decode(enc).replace('\r\n', '\n'))
t = io.TextIOWrapper(io.BytesIO(b'+AOk-x+AOk-'), encoding='utf-7')
print(t.read(), t.encoding)
try:
    io.TextIOWrapper(io.BytesIO(), encoding='rot13')
except LookupError as e:
    print('LookupError', e)
try:
    io.TextIOWrapper(io.BytesIO(), encoding='no-such-codec')
except LookupError as e:
    print('LookupError', e)
t = io.TextIOWrapper(io.BytesIO(), encoding='utf-8')
t.write('a\u00e9'); t.reconfigure(encoding='cp437'); t.write('\u00e9'); t.flush()
print(t.buffer.getvalue(), t.encoding)
b = io.BytesIO('\u00e9\u010d'.encode('cp1250'))
t = io.TextIOWrapper(b, encoding='cp1250', errors='strict'); print(t.read())
t = io.TextIOWrapper(io.BytesIO(b'\x81abc'), encoding='cp1253', errors='strict')
try:
    t.read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
data = 'ab\u00e9\u00e8cd\u263a\u263a\u263aef+gh\n\u00e9x\n'.encode('utf-7')
for chunk in (1, 2, 3, 4, 7, 8192):
    t = io.TextIOWrapper(io.BytesIO(data), encoding='utf-7')
    t._CHUNK_SIZE = chunk
    got = []
    for n in (1, 2, 1, 3, 2, 4, 10):
        pos = t.tell()
        s = t.read(n)
        t.seek(pos)
        s2 = t.read(n)
        got.append((s, s == s2))
    print(chunk, got)
for enc in ('cp437', 'cp1251'):
    t = io.TextIOWrapper(io.BytesIO('h\u0416\u2591llo\nw\n'.encode(enc, 'replace')), encoding=enc)
    t._CHUNK_SIZE = 2
    r = []
    while True:
        p = t.tell(); c = t.read(1)
        if not c: break
        r.append((p, c))
    print(r)
import os; os.remove(path)
