#!/usr/bin/python3.11
"""tools/bench/parse_bench.py: CPython's side of the parse benchmark.

Times compile(src, path, "exec", ast.PyCF_ONLY_AST) over the files given, read
into memory first, best of N rounds, printing the same fields as
parse_bench.c: "files lines seconds lines_per_sec failed".
usage: parse_bench.py [-n ROUNDS] FILE...
"""
import ast
import sys
import time


def main(argv):
    rounds = 5
    if len(argv) > 1 and argv[0] == "-n":
        rounds, argv = int(argv[1]), argv[2:]
    sources = []
    for path in argv:
        try:
            with open(path, "rb") as f:
                sources.append((path, f.read()))
        except OSError:
            pass
    lines = sum(s.count(b"\n") for _, s in sources)
    best, failed = float("inf"), 0
    for _ in range(rounds):
        failed = 0
        t0 = time.perf_counter()
        for path, src in sources:
            try:
                compile(src, path, "exec", ast.PyCF_ONLY_AST)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                failed += 1
        best = min(best, time.perf_counter() - t0)
    print("%d %d %.6f %.0f %d" % (len(sources), lines, best, lines / best, failed))


if __name__ == "__main__":
    main(sys.argv[1:])
