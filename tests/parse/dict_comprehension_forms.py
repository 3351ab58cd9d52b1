{k: v for k, v in d.items()}
{k: v for k in a for v in b if k != v}
{(k, v): [k, v] for k, v in z}
{**{}, **d}
{k: (yield) for k in x}
