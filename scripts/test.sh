#!/usr/bin/env bash
# The whole test suite, as CI runs it: set up, build, run every test (unit, preflight rules,
# readers, SIP writing judged by the external validators, CLI end to end), and prove the benchmark
# harness on tiny sizes (bench/run --quick: no timing assertions).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests 2>&1 | tail -1
# The benchmark harness on tiny sizes (< 1 min) before the tests, so that swift test's summary
# stays the last line CI reads.
bash bench/run --quick
swift test
