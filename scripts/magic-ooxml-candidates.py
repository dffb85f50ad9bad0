#!/usr/bin/env python3
"""Lists the libmagic rules that could answer before its OOXML rule, for OOXMLSignature.swift.

libmagic tries the binary rules of its compiled database (magic.mgc, format 18 = file 5.4x) in
order and stops at the first that prints a MIME type. A zip whose first entry is
`[Content_Types].xml` reaches the OOXML rule only if no earlier rule matches. This script reads
the database, drops every earlier top-level rule that the bytes OOXMLSignature fixes (`PK\\3\\4`,
name length 19, the name `[Content_Types].xml` at 30) already contradict, and prints Swift
literals for the rest: byte patterns to compare at run time, and the rules of other kinds, which
OOXMLSignature checks by hand (it refuses to run on a database whose rules differ).

Usage: scripts/magic-ooxml-candidates.py [/usr/share/misc/magic.mgc] > candidates.txt
"""
import hashlib, struct, sys

path = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/misc/magic.mgc"
data = open(path, "rb").read()
SIZE = 376  # sizeof(struct magic), database format 18
magic, version = struct.unpack("<II", data[:8])
assert magic == 0xF11E041C and version == 18, "not a format-18 magic.mgc"
count0 = struct.unpack("<I", data[8:12])[0]

STRING, PSTRING, REGEX, SEARCH = 5, 13, 17, 20
INDIR, BINTEST, OFFNEGATIVE = 0x01, 0x20, 0x80
NUMERIC = {1: (1, "little"), 2: (2, "little"), 4: (4, "little"), 7: (2, "big"), 8: (4, "big"), 10: (2, "little"),
           11: (4, "little"), 24: (8, "little"), 25: (8, "little"), 26: (8, "big")}

def entry(i):
    r = data[i * SIZE:(i + 1) * SIZE]
    cont, flag, _, reln, vallen, typ, _, _, mask_op, _, _ = struct.unpack("<HBBBBBBBBBB", r[:12])
    off = struct.unpack("<i", r[12:16])[0]
    strflags = struct.unpack("<I", r[28:32])[0]
    return dict(i=i, cont=cont, flag=flag, reln=chr(reln), vallen=vallen, type=typ, mask_op=mask_op, off=off,
                strflags=strflags, value=r[32:160], desc=r[160:224].split(b"\0")[0])

entries = [entry(i) for i in range(1, count0 + 1)]
ooxml = next(e for e in entries if e["cont"] == 0 and e["type"] == STRING and e["value"][:4] == b"PK\x03\x04"
             and entries[e["i"]]["type"] == 46 and entries[e["i"]]["value"].startswith(b"msooxml"))

known = {0: 0x50, 1: 0x4B, 2: 3, 3: 4, 26: 0x13, 27: 0}
known.update({30 + k: b for k, b in enumerate(b"[Content_Types].xml")})

def contradicted(off, pattern, ignore_case):
    for k, b in enumerate(pattern):
        have = known.get(off + k)
        if have is None:
            continue
        if (bytes([have]).lower() != bytes([b]).lower()) if ignore_case else have != b:
            return True
    return False

patterns, others = [], []
for e in entries[:ooxml["i"] - 1]:
    if e["cont"] != 0 or not e["flag"] & BINTEST:
        continue
    from_end = bool(e["flag"] & OFFNEGATIVE)
    simple = not e["flag"] & INDIR and e["reln"] == "=" and e["mask_op"] == 0
    if simple and e["type"] == STRING:
        value = e["value"][:e["vallen"]]
        # /c /C fold case (compared folded here and at run time); /b marks a binary test (0x40);
        # whitespace flags (/w /W) make positions after a space movable: keep up to the first space.
        ignore_case = bool(e["strflags"] & 0x0C)
        if e["strflags"] & 0x03:
            value = value.split(b" ")[0]
        if not from_end and contradicted(e["off"], value, ignore_case):
            continue
        patterns.append((e["off"], from_end, ignore_case, value, e))
    elif simple and e["type"] in NUMERIC:
        size, order = NUMERIC[e["type"]]
        value = (int.from_bytes(e["value"][:8], "little") & ((1 << (8 * size)) - 1)).to_bytes(size, order)
        if not from_end and contradicted(e["off"], value, False):
            continue
        patterns.append((e["off"], from_end, False, value, e))
    else:
        others.append(e)

print(f"// {path} sha256 {hashlib.sha256(data).hexdigest()}; OOXML rule at entry {ooxml['i']}")
for off, from_end, ignore_case, value, e in patterns:
    print(f"        .init({off}, {'true' if from_end else 'false'}, {'true' if ignore_case else 'false'}, "
          f"{list(value)}),  // {e['i']} {e['desc'][:40].decode('latin1')!r}")
for e in others:
    print(f"// other: entry {e['i']} type {e['type']} reln {e['reln']} off {e['off']} flag {e['flag']:#x} "
          f"strflags {e['strflags']:#x} value {e['value'][:e['vallen'] or 8]!r} {e['desc'][:40]!r}")
