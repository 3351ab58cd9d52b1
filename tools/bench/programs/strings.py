# String building and splitting: records formatted with f-strings and %,
# joined into lines and a document, split back apart, searched, sliced,
# replaced, case-mapped and compared. A checksum of lengths and counts
# catches wrong results.

NAMES = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]


def make_line(i):
    name = NAMES[i % len(NAMES)]
    fields = [name, str(i), f"{i * 7 % 1000:04d}", "%s-%d" % (name.upper(), i % 13), name[::-1]]
    return ",".join(fields)


def parse_line(line):
    name, num, code, tag, rev = line.split(",")
    assert rev == name[::-1]
    label, _, mod = tag.partition("-")
    return name, int(num), int(code), label.lower(), int(mod)


def build_document(start, count):
    parts = []
    for i in range(start, start + count):
        parts.append(make_line(i))
    return "\n".join(parts)


def churn(doc):
    total = 0
    for line in doc.splitlines():
        name, num, code, label, mod = parse_line(line)
        if label == name and code % 10 == mod % 10:
            total += num
        if line.startswith("echo") or line.endswith("olg"):
            total += len(line)
        if "TEL" in line:
            total += line.find("TEL")
    return total


def concat_loop(n):
    # Builds a string with += (the case CPython appends in place) and
    # strips it down again.
    s = ""
    kept = 0
    for i in range(n):
        s += NAMES[i % 8][:3]
        if len(s) > 200:
            s = s.replace("alp", "A").strip("bcdefgh")[-40:]
            kept += len(s)
    return s, kept


def main():
    stats = [0] * 6
    for start in range(0, 300000, 50000):
        doc = build_document(start, 50000)
        upper = doc.upper()
        words = doc.replace("\n", ",").split(",")
        for i, v in enumerate([len(doc), churn(doc), upper.count("FOXTROT"), len(words),
                               words.count("golf"), upper.rfind("HOTEL")]):
            stats[i] += v
    tail, kept = concat_loop(1000000)
    stats.append(kept)
    print("stats", stats)
    print("tail", tail[-24:])
    print("sorted", " ".join(sorted(set(words[:40]), key=lambda w: (len(w), w))[:6]))


main()
