{1}
{1, 2, 3}
{*a}
{x for x in y}
{(a, b) for a in c for b in d}
