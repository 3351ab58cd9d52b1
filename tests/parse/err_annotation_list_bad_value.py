[x]: pass
