// BevaraStorage: see README, Code map.
