x = "a b"  # non-breaking space in a comment
y = "　"
