# marshal's errors, as CPython's: bad arguments, unmarshallable values, too
# deep nesting, and bad data (truncated at every length, unknown codes, bad
# sizes and references, bad digits and floats) through loads() and load().
import io
import marshal


def attempt(f, *args):
    try:
        r = f(*args)
        return 'ok ' + repr(r)[:60]
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


# arguments
print(attempt(marshal.loads, 'text'))
print(attempt(marshal.loads, 5))
print(attempt(marshal.loads))
print(attempt(marshal.loads, b'N', b'N'))
print(attempt(marshal.dumps))
print(attempt(marshal.dumps, 1, 2, 3))
print(attempt(lambda: marshal.dumps(1, version=2)))
print(attempt(marshal.dumps, 1, 'x'))
print(attempt(marshal.dumps, 1, 2.0))
print(attempt(marshal.dumps, 1, 2**40))
print(attempt(marshal.dump, 1))
print(attempt(marshal.dump, 1, 'not a file'))
print(attempt(marshal.load, 1))
print(attempt(marshal.load))


class Reader:
    def __init__(self, data, extra=0, result=None):
        self.data, self.extra, self.result = data, extra, result

    def read(self, n):
        return self.result if self.result is not None else b''

    def readinto(self, buf):
        n = min(len(buf), len(self.data))
        buf[:n] = self.data[:n]
        self.data = self.data[n:]
        return n + self.extra


print(attempt(marshal.load, Reader(b'N', result='str')))
print(attempt(marshal.load, Reader(b'N', result=bytearray())))
print(attempt(marshal.load, Reader(b'i\x01\x00\x00\x00')))
print(attempt(marshal.load, Reader(b'i\x01\x00\x00\x00', extra=1)))

# unmarshallable values
class S(str):
    pass


class I(int):
    pass


for v in (object(), [1, object()], {1: print}, S('sub'), I(3), {1: {2: ValueError}},
          memoryview(b'abcd')[::2], range(3), Ellipsis.__class__, 1.5j.imag.__class__):
    print(attempt(marshal.dumps, v))

# nesting
nest = []
for i in range(2100):
    nest = [nest]
print(attempt(marshal.dumps, nest))
print(attempt(marshal.dumps, [object(), nest]))
print(attempt(marshal.dumps, [nest, object()]))
ok = []
for i in range(1999):
    ok = [ok]
print(attempt(lambda: len(marshal.dumps(ok))))
print(attempt(marshal.loads, b'[\x01\x00\x00\x00' * 1999 + b'N'))
print(attempt(marshal.loads, b'[\x01\x00\x00\x00' * 2000 + b'N'))
print(attempt(marshal.loads, b')\x01' * 2500 + b'N'))

# bad data
cases = [
    b'', b'?', b'\x00', b'0', b'i\x01', b'I\x01\x02',
    b'(\x01\x00\x00\x000', b'[\x02\x00\x00\x00N0', b'<\x01\x00\x00\x000', b'>\x01\x00\x00\x00N',
    b'(\xff\xff\xff\xff', b'[\x00\x00\x00\x80', b'<\xfe\xff\xff\xff', b's\xff\xff\xff\xff',
    b'u\x00\x00\x00\x80', b'a\xff\xff\xff\xff', b's\xff\xff\xff\x7f', b'u\x10\x00\x00\x00abc',
    b'(\x00\x00\x01\x00', b'[\x00\x00\x02\x00N', b'<\x00\x00\x01\x00', b'{', b'{N',
    b'(\x00\x20\x00\x00' + b'N' * 8191, b'(\x00\x20\x00\x00' + b'N' * 8192 + b'?',
    b'l\x00\x00\x00\x80', b'l\x02\x00\x00\x00\x01\x00\x00\x00', b'l\x02\x00\x00\x00\x00\x80\x01\x00',
    b'l\x03\x00\x00\x00\x01\x00', b'l\xff\xff\xff\x7f\x01\x00',
    b'f', b'f\x05', b'f\x03abc', b'f\x04 1.5', b'f\x041_00', b'f\x030x1', b'f\x00', b'f\x02e5',
    b'x\x011', b'x\x011\x01z', b'g\x00\x00', b'y' + b'\x00' * 12,
    b'r\x00\x00\x00\x00', b'r\xff\xff\xff\xff', b'r\x00\x00', b'\xdb\x01\x00\x00\x00r\x01\x00\x00\x00',
    b'\xbe\x01\x00\x00\x00r\x00\x00\x00\x00', b'\xbc\x01\x00\x00\x00r\x00\x00\x00\x00',
    b'\xa9\x01r\x00\x00\x00\x00', b'{[\x00\x00\x00\x00N0', b'<\x01\x00\x00\x00[\x00\x00\x00\x00',
    b'u\x02\x00\x00\x00\xff\xfe', b't\x01\x00\x00\x00\x80', b'z', b'z\x05ab', b'Z\x01',
    b'A\x02\x00\x00\x00a', b')', b')\x02N', b'\xe9\x01', b'\xe9',
]
for data in cases:
    print(data[:16], attempt(marshal.loads, data), '|', attempt(marshal.load, io.BytesIO(data)))

# every truncation of real data
blob = marshal.dumps({'k': [1, 2**80, 2.5, 'text', b'b', (None, 'caf\xe9'), {3}, 4j]})
for n in range(len(blob)):
    print(n, attempt(marshal.loads, blob[:n]), '|', attempt(marshal.load, io.BytesIO(blob[:n])))
blob0 = marshal.dumps([1.5, -2j, 'txt'], 0)
for n in range(len(blob0)):
    print(n, attempt(marshal.loads, blob0[:n]))
