# Parser errors on a line with non-ASCII text: with no coding declaration,
# CPython 3.11 places the caret by bytes (its tokenizer has no encoding).
é = 1 + * 2
