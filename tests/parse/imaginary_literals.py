1j
1.5J
0j
1e3j
09j
.5j
1_0j
1.j
1e309j
3 + 4j
