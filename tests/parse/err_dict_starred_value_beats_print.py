{print + a: *b}
