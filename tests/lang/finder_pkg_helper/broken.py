# Raises while executing: the module must leave sys.modules again.
X = 1
raise ValueError("broken on purpose")
