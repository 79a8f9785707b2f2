#!/usr/bin/env bash
# Runs one cargo-fuzz target for a while, on the stable toolchain.
#
#   scripts/fuzz.sh TARGET [SECONDS]      TARGET: extract | front_matter | check (default 600 s)
#
# cargo-fuzz normally wants nightly for its sanitizer flag (-Zsanitizer=address); on stable,
# RUSTC_BOOTSTRAP=1 lets rustc accept it. FUZZ_SANITIZER=none builds without a sanitizer (no
# -Z flag at all, so no RUSTC_BOOTSTRAP needed): faster, and enough for a safe-Rust crate.
# The corpus is seeded from corpus/cases/*/*.txt into fuzz/corpus/TARGET (git-ignored); crashes
# land in fuzz/artifacts/TARGET. One fuzzer process only (no -jobs/-fork): the machine is shared.
# Extra libFuzzer flags can be passed in FUZZ_ARGS (e.g. FUZZ_ARGS="-runs=100000").
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:?usage: scripts/fuzz.sh TARGET [SECONDS]}"
seconds="${2:-600}"
sanitizer="${FUZZ_SANITIZER:-address}"
case "$target" in
  extract | front_matter | check) ;;
  *) echo "unknown target '$target' (extract, front_matter, check)" >&2; exit 2 ;;
esac

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi
export RUSTC_BOOTSTRAP=1

# Seeds: every corpus article; for `check` also one input per case, its articles joined by the
# record separator 0x1E behind a flags byte saying how many sources there are (see the target).
corpus="fuzz/corpus/$target"
mkdir -p "$corpus" "fuzz/artifacts/$target"
shopt -s nullglob
articles=(corpus/cases/*/*.txt)
shopt -u nullglob
[ "${#articles[@]}" -gt 0 ] || { echo "no articles in corpus/cases/*/*.txt to seed from" >&2; exit 2; }
for f in "${articles[@]}"; do
  case_name="$(basename "$(dirname "$f")")"
  cp "$f" "$corpus/seed-$case_name-$(basename "$f")"
done
if [ "$target" = check ]; then
  for dir in corpus/cases/*/; do
    mapfile -t files < <(find "$dir" -maxdepth 1 -name '*.txt' | sort | head -n 4)
    n="${#files[@]}"
    [ "$n" -ge 2 ] || continue
    {
      printf "\\x0$((n - 2))"
      for i in "${!files[@]}"; do
        [ "$i" -eq 0 ] || printf '\x1e'
        cat "${files[$i]}"
      done
    } >"$corpus/seed-case-$(basename "$dir")"
  done
fi

log="fuzz/artifacts/$target/last-run.log"
echo "== fuzzing $target for ${seconds}s (sanitizer: $sanitizer; log: $log)"
status=0
# shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
cargo fuzz run --release --sanitizer "$sanitizer" "$target" "$corpus" -- \
  -max_len=65536 -timeout=10 -rss_limit_mb=2048 -max_total_time="$seconds" \
  -dict=fuzz/claims.dict -print_final_stats=1 ${FUZZ_ARGS:-} 2>&1 | tee "$log" || status=$?

execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)"
echo "== $target: ${execs:-?} executions, ${rate:-?} exec/s, corpus $(find "$corpus" -type f | wc -l) inputs"
if [ "$status" -ne 0 ]; then
  echo "== $target FAILED (exit $status); artifacts:" >&2
  find "fuzz/artifacts/$target" -type f ! -name last-run.log >&2 || true
fi
exit "$status"
