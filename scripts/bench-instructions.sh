#!/usr/bin/env bash
# Instruction counts of extraction and reconciliation: the noise-free companion of
# `cargo bench`, whose times move by 20% or more on a shared VM.
#
#   scripts/bench-instructions.sh
#
# Needs valgrind (installed with apt-get when run as root). Builds the profiling examples
# (release) and prints:
#   - extract: instructions, conditional branches and mispredicted branches (cachegrind's
#     simulated predictor) per MB of the synthetic news of `benches/support/news.rs`, as the
#     difference between two repetitions and one over the same 1 MB, so that generating the
#     text and starting the process are not counted;
#   - reconcile: instructions inside `Checker::reconcile` (callgrind, collection toggled on
#     `check::pass::reconcile`) per claim, for the synthetic inputs of
#     `benches/reconcile.rs` at 10^5 claims, spread over many subjects and concentrated in four.
# The counts are exact for a given build and input: compare builds by them, and state times
# from `cargo bench`.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/lib/need.sh
. scripts/lib/need.sh
need valgrind valgrind

tmp="$(mktemp -d "${TMPDIR:-/tmp}/claimcheck-instr.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

echo "== build (release)" >&2
cargo build --release --quiet --example profile_extract --example profile_report
extract=target/release/examples/profile_extract
report=target/release/examples/profile_report

# summary REPS: cachegrind's totals (Ir Bc Bcm) for REPS extractions of 1 MB.
summary() {
  valgrind --tool=cachegrind --cache-sim=no --branch-sim=yes \
    --cachegrind-out-file="$tmp/cg.$1" "$extract" synthetic 1000000 "$1" >/dev/null 2>&1
  awk '/^summary:/ { print $2, $3, $4 }' "$tmp/cg.$1"
}

echo "== extract (cachegrind)" >&2
read -r ir1 bc1 bcm1 < <(summary 1)
read -r ir2 bc2 bcm2 < <(summary 2)
printf '%-28s %14s %14s %14s\n' "per MB of synthetic news" instructions branches mispredicted
printf '%-28s %14d %14d %14d\n' "extract" $((ir2 - ir1)) $((bc2 - bc1)) $((bcm2 - bcm1))

echo "== reconcile (callgrind)" >&2
printf '\n%-28s %14s %14s\n' "reconcile, 10^5 claims" instructions "per claim"
for shape in spread concentrated; do
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cl.$shape" \
    --toggle-collect='*check::pass::reconcile' "$report" "$shape" 100000 1 reconcile \
    >/dev/null 2>&1
  ir=$(awk '/^(summary|totals):/ { print $2; exit }' "$tmp/cl.$shape")
  printf '%-28s %14d %14d\n' "$shape" "$ir" $((ir / 100000))
done
