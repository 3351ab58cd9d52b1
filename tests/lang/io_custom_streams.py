# Python classes built on the io ABCs: a RawIOBase subclass under
# BufferedReader/BufferedWriter/BufferedRWPair/TextIOWrapper, the mixin
# methods of IOBase (readline via read/peek, iteration, context manager,
# closed checks), IncrementalNewlineDecoder and UnsupportedOperation.
import io

def t(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Source(io.RawIOBase):
    def __init__(self, data, step):
        self.data = data
        self.pos = 0
        self.step = step
        self.calls = 0
    def readable(self):
        return True
    def readinto(self, b):
        self.calls += 1
        n = min(len(b), self.step, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n

class Sink(io.RawIOBase):
    def __init__(self):
        self.chunks = []
    def writable(self):
        return True
    def write(self, b):
        self.chunks.append(bytes(b))
        return len(b)

src = Source(b"line one\nline two\nlast", 5)
print(src.read(3), src.read(), src.read(), src.readable(), src.writable(), src.seekable())
src = Source(b"line one\nline two\nlast", 5)
print(src.readall(), src.calls)
src = Source(b"line one\nline two\nlast", 5)
print(src.readline(), list(src))
t(lambda: src.seek(0))
t(lambda: src.fileno())
t(lambda: src.write(b"x"))
t(lambda: src.tell())
with Source(b"ctx", 2) as s:
    print(s.closed, s.read())
print(s.closed)
t(lambda: s.read())
t(lambda: iter(s))
t(lambda: s.readline())

br = io.BufferedReader(Source(b"alpha\nbeta\ngamma\n" * 3, 4), buffer_size=8)
print(br.read(3), br.peek(1)[:1], br.readline(), br.read1(2), br.tell() if False else "-")
print(br.readlines())
print(br.raw.calls > 3, br.closed, repr(br)[:20])
br.close()
print(br.closed, br.raw.closed)

sink = Sink()
bw = io.BufferedWriter(sink, buffer_size=4)
print(bw.write(b"ab"), sink.chunks, bw.write(b"cdef"), bw.write(b"0123456789"))
bw.flush()
print(b"".join(sink.chunks), bw.writable(), bw.readable())
t(lambda: bw.read())
t(lambda: io.BufferedWriter(Source(b"", 1)))
t(lambda: io.BufferedReader(Sink()))
t(lambda: io.BufferedReader(Source(b"", 1), 0))

pair = io.BufferedRWPair(Source(b"in\ndata", 3), Sink())
print(pair.read(2), pair.write(b"out"), pair.readable(), pair.writable(), pair.peek(1)[:1])
pair.flush()
print(pair.read(), pair.closed)
pair.close()
print(pair.closed)
t(lambda: pair.detach())

text = io.TextIOWrapper(io.BufferedReader(Source("héllo\r\nwörld\n".encode(), 3)), encoding="utf-8")
print(text.encoding, text.readlines(), text.newlines)
out = io.BytesIO()
w = io.TextIOWrapper(out, encoding="utf-16-le", newline="\r\n", write_through=True)
w.write("a\nb")
print(out.getvalue(), w.line_buffering, w.write_through)
w.reconfigure(line_buffering=True)
print(w.line_buffering)
raw = w.detach()
print(raw is out)
t(lambda: w.write("x"))

d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), d.getstate(), repr(d.decode("", final=True)), d.newlines)
d.reset()
print(d.getstate(), d.newlines)
d = io.IncrementalNewlineDecoder(None, translate=False)
print(repr(d.decode("x\r\ny\rz\n", final=True)), d.newlines)

print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(io.UnsupportedOperation.__module__, io.DEFAULT_BUFFER_SIZE, io.SEEK_END)
print(isinstance(io.BytesIO(), io.BufferedIOBase), isinstance(Source(b"", 1), io.RawIOBase))
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.TextIOWrapper, io.TextIOBase))
print(issubclass(io.BufferedRandom, io.BufferedIOBase), issubclass(io.StringIO, io.IOBase))
print(io.text_encoding(None), io.text_encoding("latin-1"), io.open is open)
