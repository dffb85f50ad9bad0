#!/usr/bin/env python3
"""Whole-command search queries for bench/run (P4), made from a generic-csv export's own tables
so that they find what the archive holds: one TSV line per query, `kind<TAB>bevara search args`.

usage: command_queries.py EXPORT PER_KIND SEED
"""
import csv
import random
import re
import sys


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def main():
    export, per_kind, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    cases = rows(f"{export}/arenden.csv")
    records = rows(f"{export}/handlingar.csv")
    parties = [p for p in rows(f"{export}/parter.csv") if p.get("SkyddadIdentitet", "Nej") != "Ja"]
    people = [p for p in parties if re.fullmatch(r"(19|20)\d{6}-\d{4}", p.get("IDnummer", ""))]
    words = sorted({w.lower() for c in cases for w in re.findall(r"\w{5,}", c["Arendemening"]) if not w.isdigit()})
    dates = sorted(r["Datum"][:10] for r in records if r.get("Datum"))

    def pick(items):
        return items[rng.randrange(len(items))]

    out = []
    for _ in range(per_kind):
        dnr = pick(cases)["Diarienummer"]
        out.append(("diarienummer exact", ["--diarienummer", dnr]))
        out.append(("diarienummer prefix", ["--diarienummer", dnr.split("/")[0] + "/"]))
        if people:
            p = pick(people)
            out.append(("party name", ["--party", p["Namn"]]))
            out.append(("party personnummer", ["--party", p["IDnummer"]]))
        d = pick(dates)
        out.append(("date range", ["--from", d[:7], "--to", d[:7]]))
        out.append(("full text", ["--text", pick(words) if rng.random() < 0.7 else pick(words)[:4] + "*"]))
    for kind, args in out:
        print("\t".join([kind] + args))


if __name__ == "__main__":
    main()
