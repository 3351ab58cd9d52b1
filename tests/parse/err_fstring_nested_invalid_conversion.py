f'{x:{y!z}}'
