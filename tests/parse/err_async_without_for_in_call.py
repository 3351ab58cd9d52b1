f(x async y)
