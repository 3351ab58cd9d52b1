''
""
''''''
""""""
'a"b'
"a'b"
"""a'b"c"""
'''a"b'c'''
'it\'s'
"say \"hi\""
"""ends with quote\""""
'''a''b'''
