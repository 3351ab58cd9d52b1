# examples/demo/textstats: word statistics over a text, as a small package.
from .counter import WordCounter


class Stats:
    def __init__(self, words, lines, counter):
        self.words = words
        self.lines = lines
        self.counter = counter

    def __repr__(self):
        return f"Stats(words={self.words}, lines={self.lines})"


def analyse(text):
    counter = WordCounter()
    lines = 0
    for line in text.splitlines():
        lines += 1
        counter.feed(line)
    return Stats(counter.total, lines, counter)


def report(stats, top=3):
    yield repr(stats)
    yield f"distinct words: {len(stats.counter)}"
    for rank, (word, n) in enumerate(stats.counter.most_common(top), 1):
        share = n / stats.words
        yield f"{rank:>2}. {word:<8} {n:>3} {share:6.1%}"
    longest = max(stats.counter.words(), key=lambda w: (len(w), w))
    yield f"longest word: {longest!r} ({len(longest)} letters)"
