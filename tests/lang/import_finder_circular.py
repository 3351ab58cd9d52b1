# Tests the ImportError of a from-import from a partially initialised module
# (a circular import), and that the module completes afterwards.
import finder_circ_a_helper
print(finder_circ_a_helper.LATE)
import finder_circ_b_helper
print(finder_circ_b_helper.finder_circ_a_helper is finder_circ_a_helper)
