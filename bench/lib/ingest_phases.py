#!/usr/bin/env python3
"""CPU and wall time per phase of one `bevara ingest`, from a perf profile with call stacks.

    perf record -F 199 --call-graph dwarf,16384 -o ingest.perf bevara ingest --archive A --as USER SIP
    perf script -i ingest.perf -F comm,tid,time,period,ip,sym,dso > ingest.txt
    python3 bench/lib/ingest_phases.py ingest.txt

Each sample of the bevara process (all its threads; `bevara-pdftext` workers are only totalled)
is put in the first phase whose function is on its stack (unpack, validate, store, index, ...)
and, within it, in the first detail found from the leaf up (libmagic, hashing, mkdir, ...).
"span" is the wall time from the phase's first to its last sample: the phases run one after
the other, so it includes the waits (fsync, other processes on the cores) that CPU time misses.
Mangled Swift names are matched by substring; the patterns name Bevara's own types.
"""
import collections
import re
import sys

OUTER = [('unpack', 'StagingWriteLanes'), ('unpack', 'ArchiveExtractor'), ('unpack', 'PackageIntake'),
         ('validate', 'SIPValidator'), ('validate', 'Ingestor', '8validate'),
         ('store', 'AIPVersionWriter'), ('index', 'AIPIndexer'), ('recover', 'recover'), ('recover', 'sweepStaging'),
         ('metsSHA', 'Ingestor', '5store')]
DETAIL = {
    'unpack': [('lanes: create+write file', 'StagingWriteLanes'), ('mkdir', 'makeDirectories'),
               ('create+write file', 'writeEntry'), ('name checks', 'checkedName'), ('libarchive read', 'archive_read')],
    'validate': [('METS parse (XMLParser)', 'METSReader'), ('fixity/existence', 'FixityCheck'), ('href resolve', 'HrefResolver'),
                 ('references', 'ReferenceCollector'), ('unreferenced walk', 'reportUnreferenced'), ('rules', 'FileSectionRules'),
                 ('rules', 'HeaderRules'), ('rules', 'StructMapRules'), ('representations', 'RepresentationDiscovery'),
                 ('AcceptedSIP', 'AcceptedSIP')],
    'store': [('identify (libmagic)', 'libmagicType'), ('identify (other)', 'FormatIdentifier'), ('hash (read+sha256)', 'FileDigest'),
              ('adopt/register', 'addAdoptedFile'), ('tree list', 'PackageTree'), ('virus scan', 'VirusScan'), ('PREMIS', 'PREMIS'),
              ('AIP METS', 'AIPMETSWriter'), ('commit+fsync', 'syncTree'), ('commit+fsync', 'commit'), ('begin/inventory', 'inventory')],
    'index': [('text extraction', 'TextExtractor'), ('text extraction', 'PDFText'), ('ERMS parse+rows', 'ERMSIndex'),
              ('sqlite commit', 'sqlite3VdbeHalt'), ('index rows', 'IndexWriter'), ('inventory/verify', 'inventory'),
              ('AIP METS read', 'AIPMETS')],
}


def samples(path):
    """(header line, [frame symbols]) per sample of `perf script` output."""
    head, frames = None, []
    with open(path, errors='replace') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip():
                if head:
                    yield head, frames
                head, frames = None, []
            elif not line.startswith(('\t', ' ')):
                head, frames = line, []
            else:
                parts = line.strip().split(' ', 1)
                frames.append(parts[1] if len(parts) > 1 else parts[0])  # "symbol (library)"
    if head:
        yield head, frames


def classify(syms):
    outer = next((name for name, *pats in OUTER if any(all(p in s for p in pats) for s in syms)), None)
    if outer is None:
        return ('ingest other' if any('Ingestor' in s for s in syms) else 'startup/other'), ''
    for s in syms:
        for detail, pattern in DETAIL.get(outer, []):
            if pattern in s:
                return outer, detail
    return outer, '(rest)'


def main(path):
    cpu, detail, kernel, span = collections.Counter(), collections.Counter(), collections.Counter(), {}
    by_command, total = collections.Counter(), 0
    for head, frames in samples(path):
        command, _tid, time, period = head.split()[:4]
        time, period = float(time.rstrip(':')), int(period)
        by_command[command] += period
        if command.startswith('bevara-pdftext'):
            continue
        outer, inner = classify([re.sub(r' \(.*\)$', '', f) for f in frames])
        cpu[outer] += period
        detail[(outer, inner)] += period
        total += period
        if frames and '[kernel' in frames[0]:
            kernel[outer] += period
        first, last = span.get(outer, (time, time))
        span[outer] = (min(first, time), max(last, time))
    print('CPU by command: ' + ', '.join(f'{c} {v / 1e9:.2f} s' for c, v in by_command.items()))
    order = sorted(span, key=lambda o: span[o][0])
    start = span[order[0]][0]
    for outer in order:
        first, last = span[outer]
        print(f'{outer:14s} cpu {cpu[outer] / 1e9:6.2f} s ({100 * cpu[outer] / total:5.1f} %), kernel '
              f'{100 * kernel[outer] / max(cpu[outer], 1):3.0f} %, span {last - first:6.2f} s '
              f'[{first - start:6.2f} .. {last - start:6.2f}]')
        for (o, inner), v in sorted(detail.items(), key=lambda x: -x[1]):
            if o == outer and inner and v / total > 0.002:
                print(f'     {inner:28s} {v / 1e9:6.2f} s ({100 * v / total:5.1f} %)')


if __name__ == '__main__':
    main(sys.argv[1])
