#!/usr/bin/env bash
# The main job on the bundled fixtures, from a fresh checkout: set up, build, preflight and
# package both fixtures (directory, tar and zip), judge the SIPs with the field's validators, then
# create an archive, ingest the SIPs, audit it and judge the storage root with ocfl-py, and answer
# a request for public records (search, show, retrieve a DIP, verify the access log).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build 2>&1 | tail -1
BEVARA="$(swift build --show-bin-path)/bevara"
OUT=demo-out
rm -rf "$OUT"; mkdir -p "$OUT"

echo "== check: Vänersborg, kommunstyrelsen (generic CSV)"
"$BEVARA" check --agreement EAV-VBG-KS-CSV fixtures/vanersborg-ks-csv
echo "== package as a directory, a .tar and a .zip"
"$BEVARA" package --agreement EAV-VBG-KS-CSV --out "$OUT/vanersborg-ks" fixtures/vanersborg-ks-csv
"$BEVARA" package --agreement EAV-VBG-KS-CSV --out "$OUT/vanersborg-ks.tar" fixtures/vanersborg-ks-csv
"$BEVARA" package --agreement EAV-THN-KS-FGS --out "$OUT/trollhattan-ks.zip" fixtures/trollhattan-ks-fgs
echo "== validate with eark-validator, METS fixity and XSD checks"
VENV="$PWD/.venv-validators" ../shared/validators/validate-sip "$OUT/vanersborg-ks" "$OUT/vanersborg-ks.tar" "$OUT/trollhattan-ks.zip"
echo "== archive: create, ingest (each organisation's archivist), status, audit"
"$BEVARA" archive init "$OUT/archive"
"$BEVARA" ingest --archive "$OUT/archive" --as arkivarie-vanersborg "$OUT/vanersborg-ks.tar"
"$BEVARA" ingest --archive "$OUT/archive" --as arkivarie-trollhattan "$OUT/trollhattan-ks.zip"
"$BEVARA" status --archive "$OUT/archive"
"$BEVARA" audit --archive "$OUT/archive" --as admin
echo "== validate the OCFL storage root"
VENV="$PWD/.venv-validators" ../shared/validators/validate-ocfl "$OUT/archive/storage"
echo "== a registrar answers a request: search, show, retrieve (a DIP with a cover list), then the access log"
R=(--archive "$OUT/archive" --as registrator-vanersborg)
"$BEVARA" search "${R[@]}" --text belysning
"$BEVARA" show "${R[@]}" "KS 2022/17"
"$BEVARA" retrieve "${R[@]}" --request "KS 2026/42" --out "$OUT/begaran-KS-2026-42.zip" "KS 2022/17"
VENV="$PWD/.venv-validators" ../shared/validators/validate-sip "$OUT/begaran-KS-2026-42.zip"
"$BEVARA" log verify --archive "$OUT/archive"
echo "demo: packages, the archive and the disclosure package are in $OUT/"
