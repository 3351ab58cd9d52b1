print(f'{x}', f"{y}")
d[f'{k}'] = v
f'{x}'.upper()
f'{x}'[0]
