# Subpackage helper.
SUB = "sub"
