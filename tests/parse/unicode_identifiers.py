café = 1
π = 3.14159
变量 = "value"
переменная = 2
ℌ = 3
ﬁle = 4
x_ñ = café + π
_private = 1
__dunder__ = 2
x1 = 3
Δx = 0.5
print(ℌ, H, ﬁle)
