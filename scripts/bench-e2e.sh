#!/usr/bin/env bash
# End-to-end timing of the CLI on a synthetic corpus.
#
#   scripts/bench-e2e.sh [N_ARTICLES] [SEED]      (defaults: 10000, 24301)
#
# Generates N articles with `examples/gen_corpus.rs` into a temporary folder outside the repo,
# builds --release, then measures wall time, CPU time and peak RSS (GNU time -v) of
#   claimcheck check   DIR --format json -o FILE   (exit 1 = contradictions found: expected)
#   claimcheck extract DIR --format json > FILE
# each with --jobs 1 and --jobs 2, prints a table, and fails unless the --jobs 1 and --jobs 2
# outputs are byte-identical.
#
# Outputs go to files in the temporary folder so that the --jobs 1 and --jobs 2 runs can be
# compared. KEEP=1 keeps the folder (its path is printed).
set -euo pipefail
cd "$(dirname "$0")/.."

n="${1:-10000}"
seed="${2:-24301}"

# shellcheck source=scripts/lib/need.sh
. scripts/lib/need.sh
need /usr/bin/time time

tmp="$(mktemp -d "${TMPDIR:-/tmp}/claimcheck-e2e.XXXXXX")"
if [ "${KEEP:-0}" = 1 ]; then
  echo "keeping $tmp" >&2
else
  trap 'rm -rf "$tmp"' EXIT
fi

echo "== build (release)" >&2
cargo build --release --quiet --bin claimcheck --example gen_corpus
bin=target/release/claimcheck

echo "== generate $n articles (seed $seed)" >&2
target/release/examples/gen_corpus "$tmp/corpus" "$n" "$seed"
corpus_bytes=$(find "$tmp/corpus" -name "*.txt" -exec cat {} + | wc -c)
# Warm the page cache so the first measured run does not pay for disk reads.
cat "$tmp/corpus"/*.txt >/dev/null

# run NAME JOBS CMD...: runs CMD under GNU time, keeping its report in $tmp/NAME.time.
run() {
  local name="$1"; shift
  /usr/bin/time -v -o "$tmp/$name.time" "$@"
}

status_ok() { # STATUS ALLOWED...
  local s="$1"; shift
  for a in "$@"; do [ "$s" = "$a" ] && return 0; done
  return 1
}

for jobs in 1 2; do
  echo "== check --jobs $jobs" >&2
  set +e
  run "check-j$jobs" "$bin" check "$tmp/corpus" --format json --jobs "$jobs" \
    -o "$tmp/check-j$jobs.json"
  s=$?
  set -e
  status_ok "$s" 0 1 || { echo "error: check exited $s" >&2; exit 1; }
  echo "$s" >"$tmp/check-j$jobs.status"

  echo "== extract --jobs $jobs" >&2
  set +e
  run "extract-j$jobs" "$bin" extract "$tmp/corpus" --format json --jobs "$jobs" \
    >"$tmp/extract-j$jobs.jsonl"
  s=$?
  set -e
  status_ok "$s" 0 || { echo "error: extract exited $s" >&2; exit 1; }
  echo "$s" >"$tmp/extract-j$jobs.status"
done

# field FILE LABEL: the value after "LABEL: " in a GNU time -v report.
field() { sed -n "s/^[[:space:]]*$2: //p" "$1"; }
# Wall clock "h:mm:ss" or "m:ss.xx" -> seconds.
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }'; }

claims=$(wc -l <"$tmp/extract-j1.jsonl")
echo
echo "corpus: $n articles, $corpus_bytes bytes, $claims claims (extract)"
printf '%-8s %4s %8s %8s %8s %9s %10s %6s %12s\n' \
  command jobs wall_s user_s sys_s cpu% peak_RSS_MB exit output_bytes
for cmd in check extract; do
  for jobs in 1 2; do
    t="$tmp/$cmd-j$jobs.time"
    out=$(ls "$tmp/$cmd-j$jobs".json*)
    wall=$(field "$t" 'Elapsed (wall clock) time (h:mm:ss or m:ss)' | seconds)
    user=$(field "$t" 'User time (seconds)')
    sys=$(field "$t" 'System time (seconds)')
    cpu=$(field "$t" 'Percent of CPU this job got')
    rss=$(field "$t" 'Maximum resident set size (kbytes)')
    printf '%-8s %4s %8s %8s %8s %9s %10.1f %6s %12s\n' "$cmd" "$jobs" "$wall" "$user" "$sys" \
      "$cpu" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$(cat "$tmp/$cmd-j$jobs.status")" \
      "$(wc -c <"$out")"
  done
done
# MB/s of extraction, on the corpus bytes.
for cmd in check extract; do
  for jobs in 1 2; do
    wall=$(field "$tmp/$cmd-j$jobs.time" 'Elapsed (wall clock) time (h:mm:ss or m:ss)' | seconds)
    awk -v b="$corpus_bytes" -v w="$wall" -v c="$cmd" -v j="$jobs" \
      'BEGIN { if (w > 0) printf "%s --jobs %s: %.1f MB/s\n", c, j, b / 1e6 / w }'
  done
done

echo
fail=0
if cmp -s "$tmp/check-j1.json" "$tmp/check-j2.json"; then
  echo "check:   --jobs 1 and --jobs 2 outputs are byte-identical"
else
  echo "check:   OUTPUTS DIFFER between --jobs 1 and --jobs 2" >&2
  diff "$tmp/check-j1.json" "$tmp/check-j2.json" | head -20 >&2 || true
  fail=1
fi
if cmp -s "$tmp/extract-j1.jsonl" "$tmp/extract-j2.jsonl"; then
  echo "extract: --jobs 1 and --jobs 2 outputs are byte-identical"
else
  echo "extract: OUTPUTS DIFFER between --jobs 1 and --jobs 2" >&2
  diff "$tmp/extract-j1.jsonl" "$tmp/extract-j2.jsonl" | head -20 >&2 || true
  fail=1
fi
exit "$fail"
