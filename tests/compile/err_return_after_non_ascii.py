x = "été"; return x
