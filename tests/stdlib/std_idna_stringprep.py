# encodings.idna and stringprep from /usr/lib/python3.11, over krait's
# unicodedata.ucd_3_2_0: nameprep, ToASCII/ToUnicode, the stringprep tables.
import codecs
import encodings.idna as idna
import stringprep

for host in ["bücher.de", "Bücher.DE", "例え.テスト", "пример.испытание", "ﬀ.example",
             "straße.de", "example.com", "ÉCOLE.fr", "a\u00ad\u200bb.com", "xn--bcher-kva.de"]:
    try:
        enc = host.encode("idna")
        print(ascii(host), enc, ascii(enc.decode("idna")))
    except UnicodeError as e:
        print(ascii(host), "UnicodeError", e)

for label in ["Bücher", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "a\u0627", "ü" * 60]:
    try:
        print(ascii(label), idna.ToASCII(label))
    except UnicodeError as e:
        print(ascii(label), "UnicodeError:", e)
print(ascii(idna.ToUnicode(b"xn--bcher-kva")), ascii(idna.nameprep("Ⅻ\u00df")))
print(ascii(codecs.decode(b"xn--mgbh0fb.xn--kgbechtv", "idna")))

inc = codecs.getincrementalencoder("idna")()
print(inc.encode("bücher."), inc.encode("example"), inc.encode("", final=True))
dec = codecs.getincrementaldecoder("idna")()
print(ascii(dec.decode(b"xn--bcher-kva.")), ascii(dec.decode(b"de", final=True)))

tables = [n for n in dir(stringprep) if n.startswith("in_table")]
print(tables)
sample = [chr(c) for c in list(range(0, 0x3000, 13)) + list(range(0xE000, 0x10000, 97)) +
          [0x221, 0x20b9, 0x1e9e, 0xe0001, 0xe0020, 0xf0000, 0x10fffd, 0x2ff0, 0x200e]]
for name in tables:
    f = getattr(stringprep, name)
    print(name, sum(1 for c in sample if f(c)))
print(ascii("".join(stringprep.map_table_b2(c) for c in "ÅBCﬀΣ\u0345")),
      ascii(stringprep.map_table_b3("ẞ")))
