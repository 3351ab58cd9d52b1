while (line := f.readline()):
    process(line)
while chunk := read(1024):
    pass
