# Recursive calls: naive Fibonacci (two calls per frame, small ints) and a
# pair of mutually recursive functions that go deep without returning early.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def main():
    total = fib(32)
    parity = 0
    for k in range(6000):
        if is_even(k % 600):
            parity += 1
    ack = sum(ackermann(2, k) for k in range(290, 300))
    print("fib", total, "even", parity, "ack", ack)


main()
