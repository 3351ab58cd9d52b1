# The _bz2 and _lzma modules on their own: compressor and decompressor
# objects, the decompress(data, max_length) protocol (needs_input, eof,
# unused_data, EOFError after the end), the integrity check an .xz stream
# reports, and CPython's errors for bad arguments and bad data.
import _bz2
import _lzma as L

data = b"".join(b"%05d:" % i + bytes([i % 251]) * (i % 7) for i in range(3000))


def attempt(label, f):
    try:
        r = f()
        print(label, "->", r if not isinstance(r, bytes) or len(r) < 40 else len(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)


c = _bz2.BZ2Compressor(5)
packed = c.compress(data[:5000]) + c.compress(data[5000:]) + c.flush()
print(packed[:4], len(packed) < len(data))
attempt("bz2 compress after flush", lambda: c.compress(b"x"))
attempt("bz2 flush twice", lambda: c.flush())
attempt("bz2 level 0", lambda: _bz2.BZ2Compressor(0))
attempt("bz2 keyword", lambda: _bz2.BZ2Compressor(compresslevel=5))
attempt("bz2 two args", lambda: _bz2.BZ2Compressor(1, 2))
attempt("bz2 decompressor arg", lambda: _bz2.BZ2Decompressor(1))
attempt("bz2 str data", lambda: _bz2.BZ2Decompressor().decompress("s"))
attempt("bz2 garbage", lambda: _bz2.BZ2Decompressor().decompress(b"xyz"))

d = _bz2.BZ2Decompressor()
print(d.eof, d.needs_input, d.unused_data)
out = d.decompress(packed[:50], 10)
print(len(out), d.needs_input, d.eof)
out += d.decompress(packed[50:] + b"rest", max_length=-1)
print(out == data, d.eof, d.unused_data, d.needs_input)
attempt("bz2 after end", lambda: d.decompress(b"more"))
d = _bz2.BZ2Decompressor()
pieces = [d.decompress(packed[i:i + 7]) for i in range(0, len(packed), 7)]
print(b"".join(pieces) == data, d.eof, d.needs_input)
d = _bz2.BZ2Decompressor()
chunks = []
chunk = d.decompress(packed, 1000)
while chunk or not d.eof:
    chunks.append(chunk)
    if d.eof:
        break
    chunk = d.decompress(b"", 1000)
print(b"".join(chunks) == data, max(map(len, chunks)), d.eof)

for fmt, name in [(L.FORMAT_XZ, "xz"), (L.FORMAT_ALONE, "alone")]:
    for check in ([L.CHECK_NONE, L.CHECK_CRC32, L.CHECK_CRC64, L.CHECK_SHA256]
                  if fmt == L.FORMAT_XZ else [-1]):
        c = L.LZMACompressor(fmt, check, preset=1)
        z = c.compress(data) + c.flush()
        d = L.LZMADecompressor()
        before = d.check
        out = d.decompress(z)
        print(name, check, before, d.check, out == data, d.eof, d.unused_data)
filters = [{"id": L.FILTER_DELTA, "dist": 3}, {"id": L.FILTER_X86},
           {"id": L.FILTER_LZMA2, "preset": 2, "dict_size": 1 << 20, "lc": 3, "lp": 0, "pb": 2,
            "mode": L.MODE_NORMAL, "nice_len": 64, "mf": L.MF_BT4, "depth": 0}]
c = L.LZMACompressor(L.FORMAT_RAW, filters=filters)
raw = c.compress(data) + c.flush()
d = L.LZMADecompressor(L.FORMAT_RAW, filters=filters)
print("raw", d.decompress(raw) == data, d.check, d.eof)
d = L.LZMADecompressor(memlimit=1 << 30)
z = L.LZMACompressor().compress(data[:100])
print(len(z), d.decompress(z), d.needs_input)
props = L._encode_filter_properties({"id": L.FILTER_LZMA1, "preset": 9})
print(props, L._decode_filter_properties(L.FILTER_LZMA1, props))
print(L._decode_filter_properties(L.FILTER_DELTA, b"\x07"))
print([L.is_check_supported(i) for i in (L.CHECK_NONE, L.CHECK_CRC32, L.CHECK_CRC64,
                                         L.CHECK_SHA256, 3, 99)])
for label, f in [
        ("format 99", lambda: L.LZMACompressor(format=99)),
        ("raw no filters", lambda: L.LZMACompressor(format=L.FORMAT_RAW)),
        ("alone check", lambda: L.LZMACompressor(check=L.CHECK_SHA256, format=L.FORMAT_ALONE)),
        ("preset and filters", lambda: L.LZMACompressor(preset=1, filters=[{"id": L.FILTER_LZMA2}])),
        ("bad filter id", lambda: L.LZMACompressor(filters=[{"id": 99}])),
        ("no id", lambda: L.LZMACompressor(filters=[{"x": 1}])),
        ("not a dict", lambda: L.LZMACompressor(filters=[5])),
        ("bad option", lambda: L.LZMACompressor(filters=[{"id": L.FILTER_LZMA2, "foo": 1}])),
        ("bad option type", lambda: L.LZMACompressor(filters=[{"id": L.FILTER_LZMA2, "dict_size": "x"}])),
        ("delta bad option", lambda: L.LZMACompressor(filters=[{"id": L.FILTER_DELTA, "x": 1}])),
        ("too many", lambda: L.LZMACompressor(filters=[{"id": L.FILTER_LZMA2}] * 5)),
        ("raw memlimit", lambda: L.LZMADecompressor(format=L.FORMAT_RAW, memlimit=5)),
        ("filters not raw", lambda: L.LZMADecompressor(filters=[])),
        ("raw decompressor", lambda: L.LZMADecompressor(format=L.FORMAT_RAW)),
        ("negative memlimit", lambda: L.LZMADecompressor(memlimit=-1)),
        ("garbage auto", lambda: L.LZMADecompressor().decompress(b"garbage!!!!!!!!!!!!!")),
        ("garbage xz", lambda: L.LZMADecompressor(format=L.FORMAT_XZ).decompress(b"\xfd7zXZ\x00garbage")),
        ("preset 99", lambda: L.LZMACompressor(preset=99)),
        ("delta dist", lambda: L.LZMACompressor(filters=[{"id": L.FILTER_DELTA, "dist": 1000}])),
        ("check 99", lambda: L.LZMACompressor(check=99)),
        ("alone lzma2", lambda: L.LZMACompressor(format=L.FORMAT_ALONE, filters=[{"id": L.FILTER_LZMA2}])),
        ("decode 99", lambda: L._decode_filter_properties(99, b"")),
        ("tiny memlimit", lambda: L.LZMADecompressor(memlimit=1024).decompress(L.LZMACompressor().compress(data) + b"")),
]:
    attempt(label, f)
print(L.LZMAError.__module__, L.LZMAError.__mro__[1].__name__, L.CHECK_UNKNOWN, L.CHECK_ID_MAX,
      L.PRESET_DEFAULT, L.PRESET_EXTREME, L.FILTER_LZMA1, L.FORMAT_RAW)
