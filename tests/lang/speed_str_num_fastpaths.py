# Fast paths of str(int), int(str), repr(float), str indexing, slicing and
# one-character search must agree with the general code at every edge.

# repr of floats: short decimals, the 15-digit limit, tiny and huge values.
floats = [0.1, 0.2, 0.1 + 0.2, 1.5, -2.25, 1e15, 1e15 - 1, 999999999999999.9,
          123456789012345.6, 1e16, 1e-7, 1e-8, 9.999999999999999e-8, 1.2345e-5,
          5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 0.000123,
          100.0, 1500.0, 3.0e10, 1 / 3, 2 / 3, 10 / 7, 0.5, 0.25, 0.125, -0.0, 0.0]
for f in floats:
    print(repr(f), str(-f), f"{f}")
total = 0
for i in range(1, 3000):
    for x in (i / 8.0, i * 0.1, i * 0.01, i / 3, i * 1.1, i * 1e-6, i * 1e12):
        s = repr(x)
        assert float(s) == x, s
        total += len(s)
print('float reprs', total)

# str(int) around the tagged-int and 64-bit limits.
for v in [0, 5, 9, 10, -1, -9, -10, 2**62 - 1, -2**62, 2**62, -2**62 - 1,
          2**63, -2**63, 2**64 - 1, -(2**64 - 1), 2**64, 10**18, -10**19, 10**30]:
    print(str(v), repr(-v), "%d" % v, f"{v:>5}")

# int(str): plain decimals and everything the fast path must leave alone.
for s in ['0', '-0', '+0', '12', '-12', '+12', '007', '999999999999999999',
          '-999999999999999999', '1000000000000000000', '12345678901234567890',
          ' 12', '12 ', '\t7\n', '1_2', '_12', '12_', '1__2', '+', '-', '', '1e3',
          '١٢', '+-1', '0x10', '٣', '12a', 'a12']:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
class S(str):
    pass
print(int(S('42')), int('42', 10), int('0042', 10), int('101', 2), int(' -0 '))
for s, b in [('012', 0), ('12', 0), ('z', 36)]:
    try:
        print(int(s, b))
    except ValueError as e:
        print('ValueError', e)

# Indexing a str by int: every width, negative indexes, the bounds.
for text in ['hello', 'h\xe9llo', 'h\u20acllo', 'h\U0001f600llo', 'x']:
    print([text[i] for i in range(-len(text), len(text))], text[-1] is text[len(text) - 1])
    for bad in (len(text), -len(text) - 1, 2**62, -2**62):
        try:
            text[bad]
        except IndexError as e:
            print('IndexError', e)
print(S('abc')[1], type(S('abc')[1]).__name__, 'abc'[True])

# Slices of ASCII and wider strings, and their types.
for text in ['abcdef', 'ab\xe9def', 'ab\u20acdef']:
    print(text[1:4], text[::-1], text[2:], text[:0] == '', text[3:4], len(text[1:-1]))
    print(text.split('d'), text.partition('c'), text[1:3].isascii())

# One-character search.
for hay in ['', 'a', 'abc', 'x' * 40 + 'y', 'caf\xe9', '\u20ac!']:
    print([c in hay for c in 'ay\xe9\u20ac!'], hay.find('y'), hay.find('c', 1), hay.rfind('a'),
          hay.count('x'), hay.find('', 2), 'y' in hay[1:])
