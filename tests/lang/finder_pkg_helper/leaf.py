print("leaf init", __name__, __package__)
LEAF = "leaf-value"
