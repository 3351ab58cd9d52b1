try:
    from finder_circ_a_helper import LATE
except ImportError as e:
    print(type(e).__name__, str(e).rsplit(" (", 1)[0])
    print(e.name, e.path.rsplit("/", 1)[-1] if e.path else e.path)
import finder_circ_a_helper
print("b sees a partially:", hasattr(finder_circ_a_helper, "LATE"))
