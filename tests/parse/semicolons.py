a; b; c
a; b;
x = 1; y = 2
if x: a; b
while x: a; break
import os; import sys
