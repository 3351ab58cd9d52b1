# bz2 and lzma from /usr/lib/python3.11 over krait's _bz2 and _lzma (libbz2,
# liblzma): one-shot and incremental (de)compression with max_length, every
# container format, raw filter chains, multi-stream input, truncated and
# corrupt data, tarfile w:xz/w:bz2, zipfile ZIP_BZIP2/ZIP_LZMA, lzma.open.
import _lzma as L, lzma, bz2, _bz2
for f in [lambda: L.LZMACompressor(format=99), lambda: L.LZMACompressor(format=L.FORMAT_RAW), lambda: L.LZMACompressor(check=L.CHECK_SHA256, format=L.FORMAT_ALONE), lambda: L.LZMACompressor(preset=1, filters=[{'id': L.FILTER_LZMA2}]), lambda: L.LZMACompressor(filters=[{'id': 99}]), lambda: L.LZMACompressor(filters=[{'x': 1}]), lambda: L.LZMACompressor(filters=[5]), lambda: L.LZMACompressor(filters=[{'id': L.FILTER_LZMA2, 'foo': 1}]), lambda: L.LZMADecompressor(format=L.FORMAT_RAW, memlimit=5), lambda: L.LZMADecompressor(filters=[]), lambda: L.LZMADecompressor(format=L.FORMAT_RAW), lambda: L.LZMADecompressor().decompress(b'garbage!!!!!!!!!!!!!'), lambda: L.LZMADecompressor(format=L.FORMAT_XZ).decompress(b'garbage!!!!!!!!!!!!!'), lambda: L.is_check_supported(L.CHECK_SHA256), lambda: L.LZMACompressor(preset=99), lambda: L.LZMACompressor(filters=[{'id': L.FILTER_DELTA, 'dist': 1000}]), lambda: L.LZMACompressor(filters=[{'id': L.FILTER_LZMA2}]*5), lambda: L.LZMACompressor(check=99), lambda: L.LZMACompressor(format=L.FORMAT_ALONE, filters=[{'id': L.FILTER_LZMA2}]), lambda: L._decode_filter_properties(99, b''), lambda: L._encode_filter_properties({'id': L.FILTER_X86, 'start_offset': 4}), lambda: L.LZMADecompressor(memlimit=-1), lambda: L.LZMACompressor(filters=[{'id': L.FILTER_LZMA2, 'dict_size': 'x'}])]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
d = L.LZMADecompressor(); x = lzma.compress(b'abc'*100, check=L.CHECK_SHA256); print(d.check, len(d.decompress(x)), d.check, d.eof, d.unused_data, d.needs_input)
print(L._decode_filter_properties(L.FILTER_LZMA1, L._encode_filter_properties({'id': L.FILTER_LZMA1})))
print(L._decode_filter_properties(L.FILTER_LZMA2, L._encode_filter_properties({'id': L.FILTER_LZMA2, 'preset': 1})))
print(L._decode_filter_properties(L.FILTER_DELTA, L._encode_filter_properties({'id': L.FILTER_DELTA, 'dist': 4})))
data = bytes(range(256)) * 100 + b"tail" * 1000
for fmt in (lzma.FORMAT_XZ, lzma.FORMAT_ALONE):
    c = lzma.compress(data, format=fmt)
    print(fmt, lzma.decompress(c) == data, lzma.decompress(c + c) == data * 2 if fmt == lzma.FORMAT_XZ else '')
filters = [{"id": lzma.FILTER_DELTA, "dist": 2}, {"id": lzma.FILTER_LZMA2, "preset": 3 | lzma.PRESET_EXTREME}]
raw = lzma.compress(data, format=lzma.FORMAT_RAW, filters=filters)
print(lzma.decompress(raw, format=lzma.FORMAT_RAW, filters=filters) == data)
d = lzma.LZMADecompressor()
c = lzma.compress(data)
out = d.decompress(c[:100], max_length=10); print(len(out), d.needs_input, d.eof)
parts = [out]
fed = False
for _ in range(1000):
    if d.eof:
        break
    if d.needs_input:
        if fed:
            break
        parts.append(d.decompress(c[100:], max_length=5000)); fed = True
    else:
        parts.append(d.decompress(b"", max_length=5000))
print(b"".join(parts) == data, d.unused_data)
try: d.decompress(b"x")
except EOFError as e: print("EOFError", e)
print(bz2.decompress(bz2.compress(data, 1)) == data, bz2.decompress(bz2.compress(data) * 3) == data * 3)
bd = _bz2.BZ2Decompressor()
bc = bz2.compress(data)
o = bd.decompress(bc + b"trailing", max_length=100); print(len(o), bd.needs_input, bd.eof)
rest = bd.decompress(b"", max_length=-1); print(len(o) + len(rest) == len(data), bd.eof, bd.unused_data, bd.needs_input)
for bad in [lambda: bz2.decompress(b"BZh9garbage"), lambda: bz2.decompress(bz2.compress(b"abc")[:-3]), lambda: lzma.decompress(lzma.compress(b"abc")[:-3])]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
import io, tarfile, zipfile
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w:xz") as t:
    ti = tarfile.TarInfo("a.txt"); ti.size = 5; t.addfile(ti, io.BytesIO(b"hello"))
buf.seek(0)
with tarfile.open(fileobj=buf, mode="r:*") as t: print(t.getnames(), t.extractfile("a.txt").read())
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w:bz2") as t:
    ti = tarfile.TarInfo("b.txt"); ti.size = 3; t.addfile(ti, io.BytesIO(b"bz2"))
buf.seek(0)
with tarfile.open(fileobj=buf, mode="r:bz2") as t: print(t.getnames(), t.extractfile("b.txt").read())
for method in (zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
    zb = io.BytesIO()
    with zipfile.ZipFile(zb, "w", compression=method) as z: z.writestr("x.txt", data)
    with zipfile.ZipFile(zb) as z: print(method, z.read("x.txt") == data, z.infolist()[0].compress_type)
with lzma.open(io.BytesIO(lzma.compress(b"line1\nline2\n")), "rt") as f: print(f.readlines())
