s = '''
never closed
