# Pancake flipping over every permutation of 0..n-1: take the first element
# k, reverse the first k+1 elements, repeat until 0 is in front; record the
# largest number of flips and a signed checksum. Permutations come in
# lexicographic order from the "next permutation" step; flips are done by
# slice assignment (n = 9) and by swapping pairs in a loop (n = 8). List
# slicing, indexing and small-int compares dominate.


def count_flips(perm):
    p = perm[:]
    flips = 0
    k = p[0]
    while k:
        p[:k + 1] = p[k::-1]
        flips += 1
        k = p[0]
    return flips


def count_flips_swapping(perm):
    # The same count, reversing by swapping elements pairwise.
    p = perm[:]
    flips = 0
    k = p[0]
    while k:
        i = 0
        while i < k:
            p[i], p[k] = p[k], p[i]
            i += 1
            k -= 1
        flips += 1
        k = p[0]
    return flips


def next_permutation(a):
    # Rearranges 'a' into the next permutation in lexicographic order;
    # returns False after the last one.
    i = len(a) - 2
    while i >= 0 and a[i] >= a[i + 1]:
        i -= 1
    if i < 0:
        return False
    j = len(a) - 1
    while a[j] <= a[i]:
        j -= 1
    a[i], a[j] = a[j], a[i]
    a[i + 1:] = a[:i:-1]
    return True


def fannkuch(n, count_flips):
    perm = list(range(n))
    most = 0
    checksum = 0
    index = 0
    while True:
        if perm[0]:
            f = count_flips(perm)
            if f > most:
                most = f
            checksum += f if index % 2 == 0 else -f
        index += 1
        if not next_permutation(perm):
            break
    return most, checksum, index


def main():
    for n, flipper in ((9, count_flips), (8, count_flips_swapping)):
        most, checksum, count = fannkuch(n, flipper)
        print("permutations", count, "max flips", most, "checksum", checksum)


main()
