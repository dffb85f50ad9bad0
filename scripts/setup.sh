#!/usr/bin/env bash
# Installs what Bevara needs on a fresh Debian machine and is safe to re-run:
#   - Debian packages: libarchive (tar/zip), libmagic (format identification), libxml2, SQLite,
#     poppler-utils and libpoppler-glib-dev (PDF text, used by ingest), python3-venv (validators), time (/usr/bin/time:
#     peak memory in bench/run)
#   - the field's validators (eark-validator, ocfl-py, bagit, fido) in ./.venv-validators,
#     through ../shared/validators/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libarchive-dev libmagic-dev libxml2-dev libxml2-utils libsqlite3-dev poppler-utils libpoppler-glib-dev python3-venv time)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ -x ../shared/validators/setup.sh ] || [ -f ../shared/validators/setup.sh ]; then
  VENV="$PWD/.venv-validators" bash ../shared/validators/setup.sh >&2
else
  echo "setup: ../shared/validators not found; the validator tests need it beside this checkout" >&2
  exit 1
fi
