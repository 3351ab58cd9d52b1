# A JSON-like serializer and parser written in pure Python: nested dicts,
# lists, strings with escapes, ints, floats, booleans and None are turned
# into text by a recursive encoder that dispatches on type(), parsed back
# by a character-level recursive-descent decoder, and compared with the
# original. Exercises isinstance/type checks, string escaping, str.join,
# character scanning and int/float conversion.

ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}
UNESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t"}


def encode_str(s):
    if '"' not in s and "\\" not in s and "\n" not in s and "\t" not in s:
        return '"' + s + '"'
    return '"' + "".join([ESCAPES.get(c, c) for c in s]) + '"'


def encode(value, out):
    t = type(value)
    if t is str:
        out.append(encode_str(value))
    elif value is None:
        out.append("null")
    elif t is bool:
        out.append("true" if value else "false")
    elif t is int:
        out.append(str(value))
    elif t is float:
        out.append(repr(value))
    elif t is list:
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            encode(item, out)
        out.append("]")
    elif t is dict:
        out.append("{")
        first = True
        for k, v in value.items():
            if not first:
                out.append(",")
            first = False
            out.append(encode_str(k))
            out.append(":")
            encode(v, out)
        out.append("}")
    else:
        raise TypeError("cannot encode %s" % t.__name__)


def dumps(value):
    out = []
    encode(value, out)
    return "".join(out)


class Decoder:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def skip_space(self):
        text = self.text
        while self.pos < len(text) and text[self.pos] in " \n\t":
            self.pos += 1

    def value(self):
        self.skip_space()
        c = self.text[self.pos]
        if c == "{":
            return self.obj()
        if c == "[":
            return self.array()
        if c == '"':
            return self.string()
        if c in "-0123456789":
            return self.number()
        for word, result in (("null", None), ("true", True), ("false", False)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return result
        raise ValueError("unexpected %r at %d" % (c, self.pos))

    def expect(self, c):
        self.skip_space()
        if self.text[self.pos] != c:
            raise ValueError("expected %r at %d" % (c, self.pos))
        self.pos += 1

    def obj(self):
        self.pos += 1
        result = {}
        self.skip_space()
        if self.text[self.pos] == "}":
            self.pos += 1
            return result
        while True:
            self.skip_space()
            key = self.string()
            self.expect(":")
            result[key] = self.value()
            self.skip_space()
            if self.text[self.pos] == ",":
                self.pos += 1
                continue
            self.expect("}")
            return result

    def array(self):
        self.pos += 1
        result = []
        self.skip_space()
        if self.text[self.pos] == "]":
            self.pos += 1
            return result
        while True:
            result.append(self.value())
            self.skip_space()
            if self.text[self.pos] == ",":
                self.pos += 1
                continue
            self.expect("]")
            return result

    def string(self):
        text = self.text
        start = self.pos + 1
        end = text.find('"', start)
        if "\\" not in text[start:end]:
            self.pos = end + 1
            return text[start:end]
        parts = []
        i = start
        while text[i] != '"':
            c = text[i]
            if c == "\\":
                parts.append(UNESCAPES[text[i + 1]])
                i += 2
            else:
                parts.append(c)
                i += 1
        self.pos = i + 1
        return "".join(parts)

    def number(self):
        text = self.text
        start = self.pos
        i = start + 1
        while i < len(text) and text[i] in "0123456789.e-+":
            i += 1
        self.pos = i
        s = text[start:i]
        if "." in s or "e" in s:
            return float(s)
        return int(s)


def make_record(i):
    return {
        "id": i,
        "name": "item %d" % i,
        "note": 'say "hi"\n\tto %d' % (i % 10) if i % 4 == 0 else "plain",
        "price": (i * 37 % 1000) / 8.0,
        "tags": ["t%d" % (i % k) for k in range(2, 6)],
        "active": i % 3 != 0,
        "parent": None if i % 5 else i // 5,
        "dims": {"w": i % 17, "h": i % 13, "scale": [1.5, -2.25, i * 0.5]},
    }


def main():
    total_len = 0
    checksum = 0
    for round in range(80):
        doc = {"round": round, "items": [make_record(round * 200 + i) for i in range(200)]}
        text = dumps(doc)
        back = Decoder(text).value()
        if back != doc:
            print("round trip failed in round", round)
            return
        total_len += len(text)
        checksum = (checksum * 7 + sum(r["dims"]["w"] + len(r["note"]) for r in back["items"])) % 1000003
    print("chars", total_len, "checksum", checksum)
    print(dumps(make_record(8)))


main()
