# The mmap module: file and anonymous maps, every method, indexing and
# slicing, the buffer protocol, resize, the access modes and their errors.
import mmap
import os
import re
import struct
import tempfile


def attempt(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


print(mmap.error is OSError, mmap.PAGESIZE == mmap.ALLOCATIONGRANULARITY)
print(mmap.ACCESS_DEFAULT, mmap.ACCESS_READ, mmap.ACCESS_WRITE, mmap.ACCESS_COPY)
print(mmap.MAP_SHARED, mmap.MAP_PRIVATE, mmap.MAP_ANONYMOUS, mmap.PROT_READ, mmap.PROT_WRITE)
print(mmap.MADV_NORMAL, mmap.MADV_DONTNEED, mmap.MADV_WILLNEED, mmap.mmap.__module__)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'data')
    with open(path, 'wb') as f:
        f.write(b'hello world\nsecond line\nthird\n' + b'.' * 8162)
    with open(path, 'r+b') as f:
        m = mmap.mmap(f.fileno(), 0)
    print(repr(m), len(m), m.size(), m.closed)
    print(m.readline(), m.tell(), m.read(6), m.read_byte(), m.tell())
    print(m.find(b'line'), m.find(b'line', 20), m.rfind(b'line'), m.find(b'zz'))
    print(m.find(b'l', -8192), m.rfind(b'l', 0, 10), m.find(b'', 5, 2), m.rfind(b'', 5, 2))
    m.seek(0)
    print(m.write(b'HELLO'), m.tell(), m[:12])
    m.seek(-3, 2)
    print(m.tell(), m.read(), m.read(), m.read(5))
    m.seek(-5, 1)
    print(m.tell())
    m.seek(0)
    m.write_byte(ord('J'))
    m.move(6, 0, 5)
    print(m[:12], m[0], m[-1], m[2:9:3], m[::-1][:4], m[5:2], m[100:200][:3])
    m[0] = 104
    m[1:3] = b'EE'
    m[4:10:2] = bytearray(b'xyz')
    print(m[:12])
    m.flush()
    m.flush(0, mmap.PAGESIZE)
    m.madvise(mmap.MADV_NORMAL)
    m.madvise(mmap.MADV_WILLNEED, 0, 100)
    # The buffer protocol.
    mv = memoryview(m)
    print(mv[:5].tobytes(), mv.readonly, len(mv), bytes(m)[:5])
    attempt('close exported', m.close)
    attempt('resize exported', lambda: m.resize(100))
    mv[0] = ord('Q')
    mv.release()
    print(struct.unpack_from('<5s', m, 12), re.search(rb's\w+', m).group())
    print(re.findall(rb'\w+ line', m), bytearray(m[:3]), b'Q' in m, 81 in m)
    print(list(iter(m))[:3], m[:3])
    # Resizing extends the file.
    m.resize(10000)
    print(len(m), m.size(), os.path.getsize(path), m[-1])
    m.resize(50)
    print(len(m), m.size(), m.tell())
    with m as mm:
        print(mm is m, mm.closed)
    print(m.closed, repr(m))
    for name, f in [('len', lambda: len(m)), ('read', m.read), ('item', lambda: m[0]),
                    ('write', lambda: m.write(b'x')), ('tell', m.tell), ('enter', m.__enter__),
                    ('memoryview', lambda: memoryview(m)), ('iter', lambda: list(m))]:
        attempt(name, f)
    m.close()
    # Read-only and copy-on-write maps; an offset.
    with open(path, 'rb') as f:
        r = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        print(repr(r), memoryview(r).readonly)
        for name, g in [('write', lambda: r.write(b'a')), ('write_byte', lambda: r.write_byte(1)),
                        ('item', lambda: r.__setitem__(0, 1)), ('slice', lambda: r.__setitem__(slice(0, 1), b'a')),
                        ('move', lambda: r.move(0, 1, 1)), ('resize', lambda: r.resize(10)),
                        ('flush', r.flush), ('mv', lambda: memoryview(r).__setitem__(0, 1))]:
            attempt(name, g)
        r.close()
    with open(path, 'r+b') as f:
        c = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY)
        c[:5] = b'COPY!'
        print(c[:5], repr(c)[:50])
        attempt('resize copy', lambda: c.resize(10))
        c.close()
        print(open(path, 'rb').read(5))
        f.write(b'z' * 8192)
        f.flush()
        o = mmap.mmap(f.fileno(), 100, offset=mmap.ALLOCATIONGRANULARITY)
        print(repr(o), o[:3])
        o.close()
        attempt('bad offset', lambda: mmap.mmap(f.fileno(), 10, offset=1))
        attempt('too long', lambda: mmap.mmap(f.fileno(), 10 ** 6))
        attempt('offset past', lambda: mmap.mmap(f.fileno(), 0, offset=1 << 20))
    with open(os.path.join(d, 'empty'), 'w+b') as f:
        attempt('empty', lambda: mmap.mmap(f.fileno(), 0))

# Anonymous maps.
a = mmap.mmap(-1, 16)
print(repr(a), a[:], a.read(3), a.tell())
attempt('size anon', a.size)
a.write(b'abc\ndef')
a.seek(0)
print(a.readline(), a.read(3), a.read_byte(), a.readline(), list(a)[:4])
a.resize(4)
print(len(a), a[:], a.tell())
for label, f in [
        ('read past', lambda: (a.seek(4), a.read_byte())), ('write past', lambda: a.write(b'xyz')),
        ('write_byte past', lambda: a.write_byte(1)), ('seek', lambda: a.seek(5)),
        ('seek neg', lambda: a.seek(-1)), ('whence', lambda: a.seek(0, 3)),
        ('find str', lambda: a.find('a')), ('find kw', lambda: a.find(b'a', start=1)),
        ('index', lambda: a[4]), ('neg index', lambda: a[-5]), ('str index', lambda: a['x']),
        ('float index', lambda: a[1.0]), ('set str index', lambda: a.__setitem__('x', 1)),
        ('set value', lambda: a.__setitem__(0, 256)), ('set str value', lambda: a.__setitem__(0, 'a')),
        ('del item', lambda: a.__delitem__(0)), ('del slice', lambda: a.__delitem__(slice(0, 1))),
        ('slice size', lambda: a.__setitem__(slice(0, 2), b'abc')),
        ('slice str', lambda: a.__setitem__(slice(0, 2), 'ab')),
        ('byte range', lambda: a.write_byte(300)), ('byte neg', lambda: a.write_byte(-1)),
        ('byte float', lambda: a.write_byte(1.0)), ('read str', lambda: a.read('x')),
        ('read None', lambda: (a.seek(1), a.read(None))), ('move', lambda: a.move(0, 1, 4)),
        ('flush range', lambda: a.flush(0, 5)), ('madvise start', lambda: a.madvise(0, 4)),
        ('madvise len', lambda: a.madvise(0, 0, -1)), ('resize neg', lambda: a.resize(-1)),
        ('concat', lambda: a + a), ('repeat', lambda: a * 2), ('compare', lambda: a < a),
        ('zero length', lambda: mmap.mmap(-1, 0)), ('neg length', lambda: mmap.mmap(-1, -1)),
        ('neg offset', lambda: mmap.mmap(-1, 1, offset=-1)), ('bad access', lambda: mmap.mmap(-1, 1, access=7)),
        ('access+prot', lambda: mmap.mmap(-1, 1, prot=mmap.PROT_READ, access=mmap.ACCESS_READ)),
        ('str fd', lambda: mmap.mmap('0', 1)), ('no args', lambda: mmap.mmap()),
        ('no length', lambda: mmap.mmap(-1)), ('7 args', lambda: mmap.mmap(-1, 1, 1, 3, 0, 0, 0)),
        ('bad kw', lambda: mmap.mmap(-1, 1, foo=1)), ('twice', lambda: mmap.mmap(-1, 1, fileno=-1)),
        ('find()', lambda: a.find()), ('seek()', lambda: a.seek()), ('move 1', lambda: a.move(1)),
        ('read 2', lambda: a.read(1, 2)), ('write_byte kw', lambda: a.write_byte(value=1)),
        ('prot read', lambda: repr(mmap.mmap(-1, 8, prot=mmap.PROT_READ))),
        ('private', lambda: repr(mmap.mmap(-1, 8, flags=mmap.MAP_PRIVATE))),
        ('write access', lambda: repr(mmap.mmap(-1, 8, access=mmap.ACCESS_WRITE)))]:
    attempt(label, f)
a.close()
a.close()
print(a.closed, repr(a))

# multiprocessing.shared_memory over mmap.
from multiprocessing import shared_memory
shm = shared_memory.SharedMemory(create=True, size=64)
shm.buf[:5] = b'share'
other = shared_memory.SharedMemory(name=shm.name)
print(bytes(other.buf[:5]), other.size >= 64, shm.name == other.name)
other.buf[5] = 33
print(bytes(shm.buf[:6]))
other.close()
shm.close()
shm.unlink()
