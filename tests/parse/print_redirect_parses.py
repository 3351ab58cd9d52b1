print >> f, x
print >> sys.stderr
