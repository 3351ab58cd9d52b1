# Threads and buffered files: a buffered read from a pipe lets other threads run
# while it waits, and threads sharing one buffered file never see it half-filled.
import threading, os, time, sys
r, w = os.pipe()
f = os.fdopen(r, 'rb')
ticks = []
def ticker():
    for i in range(5):
        ticks.append(i)
        time.sleep(0.005)
t = threading.Thread(target=ticker); t.start()
def writer():
    t.join()                 # only once the ticker is done: no timing in the output
    os.write(w, b"hello\n")
    os.close(w)
threading.Thread(target=writer).start()
line = f.readline()          # blocks in a buffered read until the writer writes
print(line, len(ticks))      # the ticker ran meanwhile (else no line came)
t.join()
print(f.read())
# two threads reading lines of one buffered file
r2, w2 = os.pipe()
f2 = os.fdopen(r2, 'rb')
got = []
def reader():
    while (l := f2.readline()):
        got.append(l)
ts = [threading.Thread(target=reader) for _ in range(3)]
for x in ts: x.start()
for i in range(200):
    os.write(w2, b"line %d\n" % i)
os.close(w2)
for x in ts: x.join()
print(len(got), sorted(got) == sorted(b"line %d\n" % i for i in range(200)))
