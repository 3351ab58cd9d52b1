[f'{x}' for x in y]
{f'{k}': v for k, v in d}
f'{[f"{i}" for i in r]}'
