# examples/demo/textstats/sample.py: the text the demo analyses.
SAMPLE = """\
krait compiles Python source ahead of time into versioned, hash-validated
bytecode files, and its runtime maps those files and runs them, recompiling
only what really changed. The compiler accepts what CPython 3.11 accepts;
the cache format is checked before a single instruction runs; the runtime
starts in about a millisecond. Users precompile their trees in CI, ship
bytecode-only distributions, and run the same files again and again.
"""
