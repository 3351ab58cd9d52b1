[x if c else y for x in z]
[x for x in (a if b else c)]
{(a if b else c): d for a in e}
