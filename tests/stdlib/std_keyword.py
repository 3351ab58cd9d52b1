# keyword from CPython's library: the keyword lists and the predicates.
import keyword

print(len(keyword.kwlist), keyword.kwlist[:6], keyword.kwlist[-3:])
print(keyword.softkwlist)
for w in ["if", "match", "case", "_", "None", "print", "async", "await", "type", "elif", ""]:
    print(repr(w), keyword.iskeyword(w), keyword.issoftkeyword(w))
print(all(keyword.iskeyword(k) for k in keyword.kwlist), sorted(keyword.kwlist) == keyword.kwlist)
print(keyword.__all__)
