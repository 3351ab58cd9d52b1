try:
    import json
except ImportError:
    json = None
if TYPE_CHECKING:
    from typing import List
