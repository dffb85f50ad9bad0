#!/usr/bin/env python3
"""Turns bench/run's measurements into the results table (printed) and a Markdown report.

usage: report.py MEASUREMENTS OUT.md

MEASUREMENTS holds "key value" lines (`p1.package.wall 12.3`, `cmd.latency KIND MICROSECONDS HITS`).
A section "## What limits each figure" already in OUT.md is kept (it is written by hand after a
profile); everything above it is regenerated.
"""
import json
import os
import sys

KEEP_HEADING = "## What limits each figure"


def load(path):
    """Values by key; a timing key measured in several rounds (`p2.package.wall` once a round)
    holds the list of its rounds, in order."""
    values, latencies = {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, rest = line.rstrip("\n").partition(" ")
            if key.endswith(".latency"):
                kind, micros, hits = rest.rsplit(" ", 2)
                latencies.setdefault(key[:-len(".latency")], {}).setdefault(kind, []).append((int(micros) / 1000.0, int(hits)))
            elif key.endswith(".wall") or key.endswith(".rss_kib"):
                values.setdefault(key, []).append(rest)
            else:
                values[key] = rest
    return values, latencies


def rounds(values, key):
    """Every round's value of a timing key as floats (a wall time of 0.00 s is clamped to 0.01 s,
    /usr/bin/time's resolution); [] when missing."""
    try:
        found = [float(x) for x in values[key]]
    except (KeyError, ValueError):
        return []
    return [max(x, 0.01) for x in found] if key.endswith(".wall") else found


def median(xs):
    s = sorted(xs)
    n = len(s)
    return None if n == 0 else (s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2)


def num(values, key):
    """One value for a key: the median of a wall time's rounds, the largest peak RSS of any round
    (memory is judged by its worst case), or the plain value."""
    if key.endswith(".wall"):
        return median(rounds(values, key))
    if key.endswith(".rss_kib"):
        r = rounds(values, key)
        return max(r) if r else None
    try:
        return float(values[key])
    except (KeyError, ValueError):
        return None


def paired(values, mine, theirs):
    """Per-round ratios sum(mine) / sum(theirs), each from timings of the same round (taken a few
    minutes apart at most), as (median, lowest, highest, rounds); None if a timing is missing."""
    a = [rounds(values, k) for k in mine]
    b = [rounds(values, k) for k in theirs]
    n = min(len(x) for x in a + b)
    if n == 0:
        return None
    ratios = [sum(x[i] for x in a) / sum(x[i] for x in b) for i in range(n)]
    return median(ratios), min(ratios), max(ratios), n


def ratio_text(r):
    """A ratio cell: '' for none, '1.10×' for a plain ratio, and for a `paired` result of several
    rounds its median with the lowest and highest round: '1.10× (1.02–1.19)'."""
    if r is None:
        return ""
    if isinstance(r, tuple):
        return f"{r[0]:.2f}×" + (f" ({r[1]:.2f}–{r[2]:.2f})" if r[3] > 1 else "")
    return f"{r:.2f}×"


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[int(min(len(sorted_values), rank)) - 1]


def human_bytes(n):
    n = float(n)
    for unit in ["B", "KB", "MB", "GB"]:
        if n < 1000 or unit == "GB":
            return f"{n:.1f} {unit}" if unit != "B" else f"{int(n)} B"
        n /= 1000
    return str(n)


def verdict(ok):
    return "PASS" if ok else "MISS"


def rows_for(v, latencies, p4):
    """(figure, bevara, baseline, ratio, goal, result) tuples."""
    rows = []
    # P1. Ratios are the median of the rounds' own ratios (see `paired`); seconds are medians.
    pkg, sha, bag = num(v, "p1.package.wall"), num(v, "p1.sha256sum.wall"), num(v, "p1.bagit.wall")
    size = num(v, "p1.bytes")
    if pkg and sha:
        mbps = f", {size / pkg / 1e6:.0f} MB/s" if size else ""
        what = f"P1 package {human_bytes(size)} in {v.get('p1.files', '?')} files to .tar"
        p = paired(v, ["p1.package.wall"], ["p1.sha256sum.wall"])
        rows.append((what, f"{pkg:.2f} s{mbps}", f"sha256sum {sha:.2f} s", p, "≤ 1.10×", verdict(p[0] <= 1.10)))
    if pkg and bag:
        p = paired(v, ["p1.package.wall"], ["p1.bagit.wall"])
        rows.append(("P1 package vs bagit-python", f"{pkg:.2f} s", f"bagit.py --sha256 {bag:.2f} s", p, "< 1.00×",
                     verdict(p[0] < 1)))
    # P2
    pkg, sha, tar, bag = (num(v, f"p2.{k}.wall") for k in ["package", "sha256sum", "tar", "bagit"])
    files = num(v, "p2.files")
    if pkg and bag and files:
        mine, theirs = files / pkg, files / bag
        p = paired(v, ["p2.bagit.wall"], ["p2.package.wall"])  # files/s: the inverse of the times
        rows.append((f"P2 package {int(files)} small files, files/s", f"{mine:,.0f} files/s", f"bagit.py {theirs:,.0f} files/s",
                     p, "≥ 1.50×", verdict(p[0] >= 1.5)))
    if pkg and sha and tar:
        p = paired(v, ["p2.package.wall"], ["p2.sha256sum.wall", "p2.tar.wall"])
        rows.append(("P2 package vs sha256sum + tar cf", f"{pkg:.2f} s", f"{sha:.2f} s + {tar:.2f} s = {sha + tar:.2f} s",
                     p, "≤ 1.50×", verdict(p[0] <= 1.5)))
    # P3
    small = v.get("small.part", "p2")
    for part, label in [("p1", "the P1 (large files) package"),
                        (small, "the P2 package" if small == "p2" else f"a small-files package ({v.get(small + '.files')} files)")]:
        ing, base = num(v, f"{part}.ingest.wall"), num(v, f"{part}.ingest_base.wall")
        if ing and base:
            files = num(v, f"{part}.files")
            rate = f", {files / ing:,.0f} files/s" if part != "p1" and files else ""
            p = paired(v, [f"{part}.ingest.wall"], [f"{part}.ingest_base.wall"])
            rows.append((f"P3 ingest {label}", f"{ing:.2f} s{rate}", f"sha256sum + cp -r {base:.2f} s", p,
                         "≤ 1.50×", verdict(p[0] <= 1.5)))
    # P4 in-process
    if p4:
        for k in p4["kinds"]:
            l = k["latency"]
            goal = k["goalP95Milliseconds"]
            rows.append((f"P4 {k['kind']} (in-process, {p4['records']:,} records)",
                         f"p50 {l['p50']:.2f} / p95 {l['p95']:.2f} / p99 {l['p99']:.2f} ms", "—", None,
                         f"p95 ≤ {goal:.0f} ms", verdict(l["p95"] <= goal and k["errors"] == 0)))
    # P4 whole commands (reported, no goal)
    for key, where in [("cmd1m", f"{p4['records']:,} records" if p4 else "P4 index"), ("cmd", "small archive")]:
        for kind, samples in latencies.get(key, {}).items():
            ms = sorted(s[0] for s in samples)
            rows.append((f"P4 {kind} (bevara search --json, {where})",
                         f"p50 {percentile(ms, 50):.0f} / p95 {percentile(ms, 95):.0f} ms", "—", None, "(reported)", "—"))
    # P5
    for step in ["package", "ingest"]:
        big, tenth = num(v, f"{small}.{step}.rss_kib"), num(v, f"p5.{step}.rss_kib")
        if big and tenth:
            ratio = big / tenth
            ok = big / 1024 <= 200 and tenth / 1024 <= 200 and ratio < 1.2
            rows.append((f"P5 peak RSS of {step}, {v.get('p5.files')} → {v.get(small + '.files')} files",
                         f"{big / 1024:.0f} MiB", f"{tenth / 1024:.0f} MiB at 1/10", ratio, "≤ 200 MiB, < 1.20×", verdict(ok)))
        large = num(v, f"p1.{step}.rss_kib")
        if large:
            rows.append((f"P5 peak RSS of {step}, P1 ({human_bytes(num(v, 'p1.bytes') or 0)})", f"{large / 1024:.0f} MiB", "—",
                         None, "≤ 200 MiB", verdict(large / 1024 <= 200)))
    return rows


def table(rows):
    head = "| Figure | Bevara | Baseline | Ratio | Goal | Result |\n|---|---|---|---|---|---|\n"
    return head + "".join(f"| {f} | {b} | {base} | {ratio_text(r)} | {g} | {res} |\n"
                          for f, b, base, r, g, res in rows)


def details(v, latencies, p4):
    out = []
    out.append("## Data\n")
    for part, label in [("p1", "P1"), ("p2", "P2"), ("p3s", "P3 small-files package"), ("p5", "P5 (a tenth of the P3 size)")]:
        if f"{part}.files" in v:
            files, size = num(v, f"{part}.files"), num(v, f"{part}.bytes")
            extra = f", SIP {human_bytes(num(v, part + '.sip_bytes'))}" if f"{part}.sip_bytes" in v else ""
            out.append(f"- {label}: {int(files):,} content files, export {human_bytes(size)} "
                       f"(mean {human_bytes(size / max(files, 1))} per file incl. metadata){extra}; "
                       f"generated in {num(v, part + '.fixture.wall'):.1f} s")
    if p4:
        out.append(f"- P4: {p4['records']:,} records, {p4['cases']:,} cases, {p4['parties']:,} parties, "
                   f"{p4['filesWithText']:,} files with text, {p4['packages']} packages, {p4['organisations']} organisations; "
                   f"index {human_bytes(p4['databaseBytes'])}, built in {p4.get('buildSeconds') or 0:.1f} s "
                   f"({p4.get('recordsPerSecond') or 0:,.0f} records/s) through IndexWriter")
    if "cmd.archive" in v and os.path.exists(v["cmd.archive"]):
        try:
            status = json.load(open(v["cmd.archive"]))
            orgs = status if isinstance(status, list) else status.get("organisations", [])
            recs = sum(o.get("records", 0) for o in orgs)
            cases = sum(o.get("cases", 0) for o in orgs)
            out.append(f"- P4 whole commands, small archive (the {'P2' if v.get('small.part') == 'p2' else 'P3 small-files'} "
                       f"package, made with `bevara ingest`): {cases:,} cases, {recs:,} records")
        except (ValueError, OSError, AttributeError):
            pass
    out.append("")
    if p4:
        out.append("## P4 in-process latency per query kind\n")
        out.append("| Kind | p50 ms | p95 ms | p99 ms | mean ms | max ms | median hits | no hits | examples |")
        out.append("|---|---|---|---|---|---|---|---|---|")
        for k in p4["kinds"]:
            l = k["latency"]
            ex = "; ".join(f"`{e}`" for e in k["examples"][:3])
            out.append(f"| {k['kind']} | {l['p50']:.2f} | {l['p95']:.2f} | {l['p99']:.2f} | {l['mean']:.2f} | {l['max']:.2f} | "
                       f"{k['medianTotal']:,} | {k['zeroHitShare'] * 100:.0f} % | {ex} |")
        out.append(f"\n{p4['queriesPerKind']} measured queries per kind, interleaved, after a warm-up round of other queries; "
                   "each searches one organisation (the registrar's own), 50 hits per page plus the total count.\n")
    titles = {"cmd1m": "on an archive holding the P4 index (BevaraBench's, moved into `bevara archive init`'s folder)",
              "cmd": "on the small-files archive made by `bevara ingest`"}
    for key in ["cmd1m", "cmd"]:
        if key not in latencies:
            continue
        out.append(f"## P4 whole-command latency (`bevara search --json`, process start to exit), {titles[key]}\n")
        out.append("| Kind | n | p50 ms | p95 ms | max ms | median hits |")
        out.append("|---|---|---|---|---|---|")
        for kind, samples in latencies[key].items():
            ms = sorted(s[0] for s in samples)
            hits = sorted(s[1] for s in samples)
            out.append(f"| {kind} | {len(ms)} | {percentile(ms, 50):.0f} | {percentile(ms, 95):.0f} | {ms[-1]:.0f} | "
                       f"{hits[len(hits) // 2]:,} |")
        out.append("")
    if p4:
        out.append("## P4 slowest in-process queries and their plans\n")
        for k in p4["kinds"]:
            for q in k.get("slowest", [])[:2]:
                out.append(f"- {k['kind']}: `{q['arguments']}`: {q['milliseconds']:.1f} ms, {q['total']:,} hits; plan: "
                           + " → ".join(q["plan"]))
        out.append("")
    out.append("## All measurements (wall s, peak RSS KiB; one value per round, in order)\n")
    out.append("```")
    for key in sorted(v):
        if key.endswith(".wall") or key.endswith(".rss_kib"):
            out.append(f"{key:32} {' '.join(v[key])}")
    out.append("```\n")
    return "\n".join(out)


METHOD = """## Method

- Every figure and its baseline run in the same `bench/run`, on the same bytes, one after the
  other, each after `sync` and with the inputs read once beforehand (warm page cache: the data
  fits in memory, so the figures compare CPU and write cost, not cold-disk reads).
- P1–P3 run in rounds (`BENCH_ROUNDS`, 3 unless set): a round runs every contender once, in a
  fixed order. A ratio is taken within each round, from timings minutes apart at most, and the
  table gives the median of the rounds' ratios with the lowest and highest in brackets; seconds
  are the median of the rounds. (This shared host's speed moves by more than many code changes
  do: the same `sha256sum` took 7.7 s and 12.5 s nine minutes apart.) Peak RSS is the highest of
  any round.
- Bevara fsyncs what it writes (package, OCFL version, index) before it reports success;
  `tar cf` and `cp -r` do not, so the baselines are a little flattered.
- `sha256sum` is coreutils 9.1, which does not use the CPU's SHA extensions; Bevara hashes with
  swift-crypto (BoringSSL, SHA-NI). bagit-python (1.9, hashlib/OpenSSL) bags a fresh copy of the
  export in place, with `--sha256` and `--processes $BENCH_BAGIT_PROCESSES` (default 1).
- P3's baseline is `sha256sum` over the package unpacked into a folder plus `cp -r` of that
  folder; Bevara ingests the `.tar` (unpack safely, validate, hash while copying into OCFL,
  write the AIP METS and PREMIS, index, fsync).
- P5 takes peak RSS from `/usr/bin/time` for the P3 small-files run and a run with a tenth of the files.
"""


def main():
    values, latencies = load(sys.argv[1])
    out_path = sys.argv[2]
    p4 = None
    if "p4.json" in values and os.path.exists(values["p4.json"]):
        p4 = json.load(open(values["p4.json"]))
    rows = rows_for(values, latencies, p4)

    width = max([len(r[0]) for r in rows] + [10])
    print(f"\n{'Figure':{width}}  {'Bevara':44}  {'Ratio':>20}  {'Goal':18}  Result")
    for f, b, base, r, g, res in rows:
        print(f"{f:{width}}  {b:44}  {ratio_text(r):>20}  {g:18}  {res}")
        if base != "—":
            print(f"{'':{width}}    baseline: {base}")

    quick = values.get("machine.quick") == "1"
    head = ["# Benchmark results\n"]
    if quick:
        head.append("**Quick run (`bench/run --quick`): tiny sizes that only prove the harness works; "
                    "the figures mean nothing.**\n")
    head.append(f"Generated by `bench/run` on {values.get('machine.date')} (commit {values.get('machine.commit')}, "
                f"{values.get('machine.build')} build).\n")
    head.append("## Machine\n")
    head.append(f"- {values.get('machine.cores')} cores: {values.get('machine.cpu')}; {values.get('machine.memory')} memory")
    head.append(f"- work dir disk: {values.get('machine.disk')}")
    head.append(f"- sizes: {values.get('sizes', '?')}")
    head.append(f"- load average (1/5/15 min) at start {values.get('machine.load_start')}, at end {values.get('machine.load_end')}"
                " (other engineers share the machine)\n")
    head.append("## Results\n")
    head.append(table(rows))
    text = "\n".join(head) + "\n" + details(values, latencies, p4) + "\n" + METHOD

    kept = ""
    if os.path.exists(out_path):
        old = open(out_path, encoding="utf-8").read()
        at = old.find(KEEP_HEADING)
        if at >= 0:
            kept = old[at:]
    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(text + ("\n" + kept if kept else ""))


if __name__ == "__main__":
    main()
