# List sorting with key functions: records sorted by lambdas and by
# methods, multi-key tuples, reverse sorts, stability checks, min/max
# with key, bisection by hand, and a merge sort written in Python for
# comparison with the builtin sort.


class Person:
    def __init__(self, name, age, score):
        self.name = name
        self.age = age
        self.score = score

    def rank_key(self):
        return (-self.score, self.age, self.name)


def make_people(n, seed):
    letters = "abcdefghijklmnopqrstuvwxyz"
    people = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        name = letters[seed % 26] + letters[(seed >> 5) % 26] + letters[(seed >> 10) % 26]
        people.append(Person(name, 18 + (seed >> 15) % 60, (seed >> 7) % 1000))
    return people, seed


def merge_sort(items, key):
    if len(items) <= 1:
        return items
    mid = len(items) // 2
    left = merge_sort(items[:mid], key)
    right = merge_sort(items[mid:], key)
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if key(right[j]) < key(left[i]):
            out.append(right[j])
            j += 1
        else:
            out.append(left[i])
            i += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def bisect_left(items, x):
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        if items[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def main():
    seed = 42
    checksum = 0
    for round in range(13):
        people, seed = make_people(8000, seed)
        by_age = sorted(people, key=lambda p: p.age)
        # Stability: within one age, the original order is kept.
        stable = all(by_age[i].age < by_age[i + 1].age or
                     people.index(by_age[i]) < people.index(by_age[i + 1])
                     for i in range(0, 40))
        ranked = sorted(people, key=Person.rank_key)
        names = sorted((p.name for p in people), reverse=True)
        merged = merge_sort(people, lambda p: p.score)
        assert [p.score for p in merged] == sorted(p.score for p in people)
        scores = sorted(p.score for p in people)
        hits = sum(bisect_left(scores, s) for s in range(0, 1000, 7))
        oldest = max(people, key=lambda p: (p.age, p.name))
        people.sort(key=lambda p: (p.name, -p.age))
        checksum = (checksum * 31 + ranked[0].score + hits + len(names[0]) + oldest.age
                    + people[0].age + int(stable)) % 1000000007
    print("checksum", checksum, "top", ranked[0].name, ranked[0].score, "oldest", oldest.name, oldest.age)


main()
