# Tests circular imports between two helper modules: partially initialised module visible, attribute defined before the cycle available, after-cycle names resolved later.

import import_cycle_a_helper as a
print(a.A_EARLY, a.A_LATE, a.b_module.B_VALUE, a.b_module.seen_from_b)
import import_cycle_b_helper as b
print(b.B_VALUE, b.a_late_at_call(), b.seen_from_b)
import sys
print(sorted(k for k in sys.modules if k.startswith("import_cycle")))
