# -*- coding: utf-8 -*-
# With a coding declaration, CPython 3.11 places the caret by characters.
é = 1 + * 2
