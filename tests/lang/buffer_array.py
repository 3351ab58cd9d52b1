# The buffer protocol beyond bytes: array.array exports its items (memoryview
# formats, writes through views, BufferError on resizing while exported), and
# every bytes-like consumer (bytes(), struct, zlib, hashlib, io, re, int()) takes it.
import array, struct, zlib, hashlib, io, re, binascii, base64
a = array.array('i', [1, 2, 3, -4])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, len(m), m.tolist(), m.readonly, m.shape, m.strides)
print(bytes(a), bytearray(a), len(bytes(a)))
m[0] = 100
print(a, m[1], m[-1], m[1:3].tolist())
try:
    a.append(5)
except BufferError as e:
    print("BufferError", e)
for op in (lambda: a.pop(), lambda: a.extend([1]), lambda: a.__delitem__(0), lambda: a.__setitem__(slice(0, 1), array.array('i')), lambda: a.__imul__(0), lambda: a.frombytes(b'1234'), lambda: a.fromlist([1]), lambda: a.insert(0, 1), lambda: a.remove(2)):
    try:
        op(); print("ok", a)
    except BufferError as e:
        print("BufferError", e)
a[1] = 7  # same length is fine
print(a, m.tolist())
m.release()
a.append(5)
print(a)
with memoryview(a) as mv:
    print(mv.cast('B')[:8].tolist())
a.append(6)
b = array.array('d', [1.5, 2.5])
print(memoryview(b).tolist(), struct.unpack('2d', b), struct.unpack_from('d', b, 8))
print(zlib.crc32(a), hashlib.sha256(b).hexdigest()[:16], binascii.hexlify(array.array('B', [1, 255])))
print(b"".join([array.array('B', [65, 66]), b"C"]), bytes(array.array('H', [1, 2])))
bio = io.BytesIO(); bio.write(array.array('B', [120, 121])); print(bio.getvalue())
buf = array.array('B', bytes(4)); print(io.BytesIO(b"wxyz").readinto(buf), buf)
print(re.search(b"yz", array.array('B', b"xyz")))
u = array.array('u', 'hé')
mu = memoryview(u)
print(mu.format, mu.itemsize, mu.nbytes)
try:
    mu.tolist()
except NotImplementedError as e:
    print("NotImplementedError", e)
try:
    int(array.array('b', b'12'))
except ValueError as e:
    print("ValueError", e)
print(int.from_bytes(array.array('B', [1, 2]), 'big'), float(bytearray(b'1.5')))
class A(array.array):
    pass
sa = A('b', [1, 2])
print(bytes(memoryview(sa)), bytes(sa))
f = open('/dev/null', 'wb'); print(f.write(array.array('i', [1, 2]))); f.close()
print(base64.b64encode(array.array('B', [1, 2, 3])))
ba = bytearray(b'abc'); mb = memoryview(ba)
try:
    ba.append(1)
except BufferError as e:
    print("BufferError", e)
del mb
ba.append(100); print(ba)
