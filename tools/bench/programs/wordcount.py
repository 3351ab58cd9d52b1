# Dict and set counting: a pseudo-random text made of invented words is
# counted with dict.get, a dict of lists groups words by first letter,
# sets collect distinct words and bigrams, and the most frequent words
# are reported in a fixed order (never in set order, which varies with
# the string hash seed).

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "xe", "zu", "pra", "sto"]


def make_vocabulary(count, seed):
    words = []
    seen = set()
    while len(words) < count:
        seed = (seed * 1103515245 + 12345) % 2147483648
        n = 1 + seed % 3
        w = ""
        for k in range(n):
            w += SYLLABLES[(seed >> (4 * k + 8)) % len(SYLLABLES)]
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


def make_text(vocab, count, seed):
    out = []
    for _ in range(count):
        seed = (seed * 1103515245 + 12345) % 2147483648
        # Skewed choice: low indices are far more frequent.
        r = (seed >> 8) % 1000
        out.append(vocab[(r * r) // (1000000 // len(vocab) + 1) % len(vocab)])
    return " ".join(out), seed


def count_words(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def group_by_letter(words):
    groups = {}
    for w in words:
        key = w[0]
        if key in groups:
            groups[key].append(w)
        else:
            groups[key] = [w]
    return groups


def main():
    vocab = make_vocabulary(400, 7)
    seed = 99
    totals = {}
    bigrams = set()
    distinct = set()
    for _ in range(25):
        text, seed = make_text(vocab, 20000, seed)
        words = text.split()
        for w, c in count_words(words).items():
            totals[w] = totals.get(w, 0) + c
        distinct |= set(words)
        for a, b in zip(words, words[1:]):
            bigrams.add((a, b))
        groups = group_by_letter(words)
    top = sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:8]
    sizes = sorted((k, len(v)) for k, v in groups.items())
    common = distinct & set(vocab[:50])
    print("words", sum(totals.values()), "distinct", len(distinct), "bigrams", len(bigrams))
    print("top", top)
    print("groups", sizes)
    print("common", len(common), "missing", len(set(vocab) - distinct))


main()
