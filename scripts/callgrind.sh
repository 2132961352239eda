#!/usr/bin/env bash
# Counts the instructions of one `lexpipe run --jobs 1` with callgrind: repeatable to about
# 0.1% on a shared machine, where wall-clock times drift by tens of percent.
#   scripts/callgrind.sh CORPUS [OUT]     (OUT: .build-callgrind/callgrind.out by default)
# Builds a release binary with DWARF 4 debug information (valgrind 3.19 cannot read the DWARF 5
# that clang emits for the C targets) into .build-callgrind, then prints the total and the
# costliest functions. `callgrind_annotate OUT | swift demangle --simplified` shows more.
set -euo pipefail
corpus=$(realpath "$1")
out=$(realpath -m "${2:-$(dirname "$0")/../.build-callgrind/callgrind.out}")
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
swift build -c release --scratch-path .build-callgrind \
    -Xcc -gdwarf-4 -Xcxx -gdwarf-4 -Xswiftc -dwarf-version=4 >&2
shim=.build-callgrind/sigsuspend.so
[ "$shim" -nt scripts/callgrind/sigsuspend.c ] || cc -O2 -shared -fPIC -o "$shim" scripts/callgrind/sigsuspend.c
output=$(mktemp -d)
trap 'rm -rf "$output"' EXIT
# On valgrind itself: it does not follow a child that `env` would start. Swift seeds its
# hashing anew in each process, which moves the count of a run by up to 10 M instructions
# (probes and comparisons in sets and dictionaries); one fixed seed keeps it repeatable.
SWIFT_DETERMINISTIC_HASHING=1 LD_PRELOAD=$PWD/$shim valgrind --tool=callgrind --callgrind-out-file="$out" \
    .build-callgrind/release/lexpipe run --corpus "$corpus" --output "$output" --full --jobs 1 >&2
callgrind_annotate "$out" 2>/dev/null | sed -n '/PROGRAM TOTALS/,+25p' | swift demangle --simplified | cut -c1-160
