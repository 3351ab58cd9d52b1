# zipfile with ZIP_DEFLATED and shutil's zip archives over krait's zlib
# (pending: zipfile decodes member names as cp437, whose codec needs
# _codecs.charmap_decode and charmap_build).
import os
import shutil
import tempfile
import zipfile

data = b"".join(b"line %d of the text\n" % i for i in range(3000))
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "a.zip")
    with zipfile.ZipFile(p, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("a.txt", (2020, 1, 1, 0, 0, 0)), data,
                   compress_type=zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo("b.txt", (2020, 1, 1, 0, 0, 0)), b"small",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr(zipfile.ZipInfo("c.bin", (2020, 1, 1, 0, 0, 0)), bytes(range(256)) * 50,
                   compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    print(os.path.getsize(p))
    with zipfile.ZipFile(p) as z:
        for i in z.infolist():
            print(i.filename, i.compress_type, i.file_size, i.compress_size, i.CRC)
        print(z.read("a.txt") == data, z.testzip())
        with z.open("c.bin") as f:
            print(len(f.read(100)), len(f.read()))
    with open(p, "rb") as f:
        raw = bytearray(f.read())
    raw[60] ^= 0xFF  # inside a.txt's deflated data
    with zipfile.ZipFile(os.path.join(d, "bad.zip"), "w") as z:
        pass
    with open(os.path.join(d, "bad.zip"), "wb") as f:
        f.write(raw)
    with zipfile.ZipFile(os.path.join(d, "bad.zip")) as z:
        try:
            z.read("a.txt")
        except Exception as e:
            print(type(e).__name__)
    src = os.path.join(d, "tree")
    os.makedirs(os.path.join(src, "sub"))
    for n in ("x.txt", "sub/y.txt"):
        with open(os.path.join(src, n), "wb") as f:
            f.write(data[:5000] + n.encode())
    arch = shutil.make_archive(os.path.join(d, "out"), "zip", src)
    dest = os.path.join(d, "un")
    shutil.unpack_archive(arch, dest)
    print(sorted(os.path.relpath(os.path.join(r, f), dest) for r, _, fs in os.walk(dest) for f in fs))
    with zipfile.ZipFile(arch) as z:
        print(sorted((i.filename, i.compress_type, i.file_size) for i in z.infolist()))
