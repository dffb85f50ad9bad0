// BevaraIngest: see README, Code map.
