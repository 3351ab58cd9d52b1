from .. import leaf as parent_leaf
SUB = parent_leaf.LEAF + "/sub"
