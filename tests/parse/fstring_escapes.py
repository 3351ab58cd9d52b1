f'\n{x}\t'
f'\x41{x}'
f'\N{BULLET} {x}'
f'\N{EM DASH}{x}\N{EM DASH}'
f'\\{x}'
f'{x}\\'
f'\'{x}\''
f"\u20ac{x}"
f'\{x}'
