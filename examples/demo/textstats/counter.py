# examples/demo/textstats/counter.py: counting words, most common first.


class WordCounter:
    def __init__(self):
        self.counts = {}
        self.total = 0

    def feed(self, line):
        for raw in line.split():
            word = raw.strip(".,;:!?\"'()").lower()
            if word:
                self.counts[word] = self.counts.get(word, 0) + 1
                self.total += 1

    def __len__(self):
        return len(self.counts)

    def words(self):
        return iter(self.counts)

    def most_common(self, n):
        ranked = sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return ranked[:n]
