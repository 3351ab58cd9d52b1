# Replaces itself in sys.modules: the importer gets the replacement.
import sys
sys.modules[__name__] = "a replacement"
