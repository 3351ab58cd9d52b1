del *a,
