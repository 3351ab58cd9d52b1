del not x
