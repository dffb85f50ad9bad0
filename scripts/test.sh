#!/usr/bin/env bash
# The whole test suite, as CI runs it: set up, build, run every test (unit, preflight rules,
# readers, SIP writing judged by the external validators, CLI end to end).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests 2>&1 | tail -1
swift test
