# The resource module: getrlimit/setrlimit/prlimit (lowered and restored core
# limit), getrusage as struct_rusage, getpagesize, the constants, and
# CPython's errors.
import resource as R
print(sorted(n for n in dir(R) if not n.startswith('__')))
print(R.getrlimit(R.RLIMIT_NOFILE) == R.prlimit(0, R.RLIMIT_NOFILE), R.getpagesize(), R.RLIM_INFINITY,
      type(R.getrusage(R.RUSAGE_SELF)).__name__, R.struct_rusage.n_fields, R.struct_rusage.n_sequence_fields)
r = R.getrusage(R.RUSAGE_SELF)
print(repr(r).startswith("resource.struct_rusage(ru_utime="), len(r), isinstance(r.ru_utime, float),
      r.ru_maxrss > 0, r[2] == r.ru_maxrss, type(r.ru_minflt).__name__)
print(R.getrusage(R.RUSAGE_CHILDREN).ru_nswap, R.getrusage(R.RUSAGE_THREAD).ru_msgsnd)
soft, hard = R.getrlimit(R.RLIMIT_CORE)
R.setrlimit(R.RLIMIT_CORE, (0, hard))
print(R.getrlimit(R.RLIMIT_CORE)[0])
print(R.prlimit(0, R.RLIMIT_CORE, [soft if soft == R.RLIM_INFINITY or hard == R.RLIM_INFINITY or soft <= hard else hard, hard]) == (0, hard))
print(R.getrlimit(R.RLIMIT_CORE) == (soft, hard))
for f in [lambda: R.getrlimit(999), lambda: R.setrlimit(R.RLIMIT_NOFILE, (1,)), lambda: R.setrlimit(R.RLIMIT_NOFILE, 5),
          lambda: R.getrusage(99), lambda: R.setrlimit(R.RLIMIT_CORE, (2**65, 1)), lambda: R.setrlimit(R.RLIMIT_CORE, (10, 5)),
          lambda: R.getrlimit('x'), lambda: R.prlimit(-1, R.RLIMIT_NOFILE), lambda: R.setrlimit(R.RLIMIT_NOFILE, ('a', 1)),
          lambda: R.getrlimit(-1), lambda: R.prlimit(0)]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
print(R.error)
