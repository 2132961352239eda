#!/usr/bin/env bash
# Fuzzes the per-document pipeline with libFuzzer and AddressSanitizer.
#   scripts/fuzz.sh [SECONDS] [JOBS]
# Seeds come from corpus/, Tests/LexpipeTests/Fixtures/fuzz/, the test PDFs and the gold records
# (a PDF is read as one whatever the name it is given); the growing
# corpus lives in .fuzz/corpus and crashes in .fuzz/artifacts (both ignored by git). A crash's
# input belongs in Tests/LexpipeTests/Fixtures/fuzz/, where the regression tests replay it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jobs=${2:-1}
# The C scans (CByteScan) are instrumented too: an over-read past a text's end is an error.
swift build -c debug --scratch-path .build-fuzz --product LexpipeFuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DLEXPIPE_FUZZING -Xswiftc -use-ld=lld -Xcc -fsanitize=address
mkdir -p .fuzz/corpus .fuzz/artifacts
cp -n corpus/* .fuzz/corpus/ 2>/dev/null || true
cp -n Tests/LexpipeTests/Fixtures/fuzz/* .fuzz/corpus/ 2>/dev/null || true
cp -n Tests/LexpipeTests/Fixtures/pdf/*.pdf .fuzz/corpus/ 2>/dev/null || true
# Records as JSON, for reading a previous run's records back.
cp -n Tests/LexpipeTests/Fixtures/gold/*.json .fuzz/corpus/ 2>/dev/null || true
parallel=()
[ "$jobs" -gt 1 ] && parallel=(-fork="$jobs")
exec .build-fuzz/debug/LexpipeFuzz .fuzz/corpus \
    -max_total_time="$seconds" -max_len=131072 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix=.fuzz/artifacts/ -print_final_stats=1 "${parallel[@]}"
