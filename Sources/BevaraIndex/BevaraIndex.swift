// BevaraIndex: see README, Code map.
