# Helper for import_circular: imports the partially initialised import_cycle_a_helper.
print("b: start")
import import_cycle_a_helper as a
seen_from_b = (getattr(a, "A_EARLY", "missing"), getattr(a, "A_LATE", "missing"))
B_VALUE = "b-value"

def a_late_at_call():
    return a.A_LATE
print("b: end")
