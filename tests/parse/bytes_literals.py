b''
b'abc'
b"\x00\xff\x7f"
b'\n\t\\\'\0\101'
b'\u1234\N{BULLET}'
b"""multi
line"""
rb'\x00\n'
b'\d'
b'\777'
b'a' b'b'
