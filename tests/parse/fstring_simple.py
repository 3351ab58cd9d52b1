f'hello {name}'
f"{x}"
f'{x}{y}'
f'a{x}b{y}c'
f''
F'{a + b}'
f'{x.y[0](z)}'
