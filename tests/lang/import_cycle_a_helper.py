# Helper for import_circular: imports import_cycle_b_helper, which imports this module back.
print("a: start")
A_EARLY = "a-early"
import import_cycle_b_helper as b_module
A_LATE = "a-late"
print("a: end")
