# gzip, tarfile's gz streams and shutil's archives from CPython's library
# over krait's zlib: gzip's bytes are libz's own (so they match CPython's
# exactly), its errors for truncated or corrupt members, and archives made
# and unpacked in a temporary directory.
import gzip, tarfile, shutil, io, os, tempfile, zlib
data = b"".join(b"line %d of the text\n" % i for i in range(3000))
gz = gzip.compress(data, mtime=0)
print(len(gz), zlib.crc32(gz), gzip.decompress(gz) == data)
print(gzip.decompress(gzip.compress(b"", mtime=0)), gzip.compress(b"abc", 1, mtime=0).hex())
print(gzip.decompress(gz + gz) == data + data)
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="x.txt") as f:
    f.write(data[:1000]); f.write(data[1000:])
print(buf.getvalue()[:20].hex(), len(buf.getvalue()))
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    print(f.read(10), f.readline(), len(f.read()), f.name if hasattr(f, 'name') else None)
try:
    gzip.decompress(b"\x1f\x8b\x08\x00garbage")
except Exception as e:
    print(type(e).__name__, e)
try:
    gzip.decompress(gz[:-10])
except Exception as e:
    print(type(e).__name__, e)
with tempfile.TemporaryDirectory() as d:
    src = os.path.join(d, "tree")
    os.makedirs(os.path.join(src, "sub"))
    for n in ("x.txt", "sub/y.txt"):
        with open(os.path.join(src, n), "wb") as f:
            f.write(data[:5000] + n.encode())
    t = os.path.join(d, "t.tar.gz")
    with tarfile.open(t, "w:gz") as tf:
        tf.add(src, arcname="tree")
    with tarfile.open(t, "r:gz") as tf:
        print(sorted(m.name for m in tf.getmembers()))
        print(tf.extractfile("tree/sub/y.txt").read()[-9:])
    with tarfile.open(t) as tf:
        print(len(tf.getnames()))
    for fmt in ("gztar", "tar"):
        arch = shutil.make_archive(os.path.join(d, "out_" + fmt), fmt, src)
        dest = os.path.join(d, "un_" + fmt)
        shutil.unpack_archive(arch, dest)
        found = sorted(os.path.relpath(os.path.join(r, f), dest) for r, _, fs in os.walk(dest) for f in fs)
        print(fmt, os.path.basename(arch), found)
        with open(os.path.join(dest, "sub", "y.txt"), "rb") as f:
            print(f.read()[-9:])
    print(sorted(n for n, _ in shutil.get_archive_formats() if n in ("gztar", "tar", "zip")))
