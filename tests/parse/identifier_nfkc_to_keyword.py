𝐢𝐟 = 1
ℌ𝔢𝔩𝔩𝔬 = 2
print(𝐢𝐟, Hello)
ℎ.𝑥 = 3
def 𝒇(𝒂): return 𝒂
