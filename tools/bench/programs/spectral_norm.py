# Spectral norm of the infinite matrix A[i][j] = 1 / ((i+j)(i+j+1)/2 + i + 1),
# truncated to N x N, by the power method on A^T A: float division and
# nested loops over lists, with the entry computed by a small function.


def entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def times(v):
    n = len(v)
    return [sum([entry(i, j) * v[j] for j in range(n)]) for i in range(n)]


def times_transposed(v):
    n = len(v)
    return [sum([entry(j, i) * v[j] for j in range(n)]) for i in range(n)]


def times_ata(v):
    return times_transposed(times(v))


def main():
    n = 300
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = times_ata(u)
        u = times_ata(v)
    vbv = 0.0
    vv = 0.0
    for a, b in zip(u, v):
        vbv += a * b
        vv += b * b
    print("norm %.9f" % ((vbv / vv) ** 0.5))


main()
