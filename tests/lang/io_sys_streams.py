# sys.stdout/stderr/stdin are _io.TextIOWrapper objects over BufferedWriter/
# BufferedReader over FileIO for fds 0/1/2; print() and sys.stdout.write
# share one buffer; sys.stdout.buffer writes bytes in order after a flush.
import io
import sys

out = sys.stdout
print(type(out).__name__, type(out.buffer).__name__, type(out.buffer.raw).__name__)
print(repr(out), repr(out.buffer), repr(out.buffer.raw))
print(repr(sys.stderr), repr(sys.stdin.buffer))
print(out.encoding, out.errors, sys.stderr.errors, out.mode, out.name, sys.stdin.name)
print(out.fileno(), sys.stderr.fileno(), sys.stdin.fileno(), out.buffer.raw.closefd)
print(out.writable(), out.readable(), sys.stdin.readable(), sys.stdin.writable())
print(out.closed, out.write_through, sys.stderr.line_buffering, out.newlines)
print(isinstance(out, io.TextIOWrapper), isinstance(out, io.TextIOBase), sys.__stdout__ is out)
print(out.write("written\n"), out.write(""), out.write("é€\n"))
print("a", "b", sep="", end="")
out.write("c\n")
out.flush()
out.buffer.write(b"raw bytes\n")
out.buffer.flush()
print("after raw")
print("\udcff".encode("utf-8", "surrogateescape"))
out.write("x\udcffy\n")
try:
    out.write(b"bytes")
except TypeError as e:
    print("TypeError", e)
try:
    print("x", file=3)
except AttributeError as e:
    print("AttributeError", e)

buf = io.StringIO()
print("to", "stringio", sep="-", file=buf)
sys.stdout = buf
print("captured")
sys.stdout = out
print(repr(buf.getvalue()))

class Collect:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
c = Collect()
print(1, 2, file=c)
print(c.parts)
for i in range(3):
    print(i, end=" ")
print()
