# Helper for import_finder_circular: imports b, which asks for a name of
# this module that is not defined yet.
import finder_circ_b_helper
LATE = 1
