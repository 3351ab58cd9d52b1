# At exit, as in CPython: after __main__'s objects, the other modules leave
# sys.modules, and an object only a module kept alive is finalized, its
# __del__ still seeing the module's globals; imports from it fail, since
# sys.meta_path is None by then.
import sys

import gc_exit_modules_helper as helper


class Mine:
    def __del__(self):
        print("main del: helper still imported:", "gc_exit_modules_helper" in sys.modules)


mine = Mine()
print(helper.single.name, helper.PREFIX)
try:
    saved, sys.meta_path = sys.meta_path, None
    import json
except ImportError as e:
    print("ImportError:", e)
finally:
    sys.meta_path = saved
print("end of program")
