#!/usr/bin/env bash
# Runs every fuzz target of Vigilance for a chosen time each (default 60 s), with the seed
# corpora of fuzz/corpus/. Installs nightly and cargo-fuzz when missing (scripts/lib.sh). Prints
# each target's executions per second and total executions; exits non-zero on the first finding
# (crash, hang, out-of-memory), leaving the reproducer in fuzz/artifacts/<target>/, which
# `cargo test` then replays (crates/fuzz-checks/tests/replay.rs) until the bug is fixed.
# Each target's check is a function of crates/fuzz-checks. Run before each release, ten minutes
# per target:
#   bash scripts/fuzz.sh 600
#   bash scripts/fuzz.sh            # 60 s per target
#   bash scripts/fuzz.sh 60 xlsx_read
. "$(dirname "$0")/lib.sh"
seconds=${1:-60}
shift || true
targets=("$@")
# By default every target of fuzz/fuzz_targets/ (the replay test checks that crates/fuzz-checks
# has the same list).
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/fuzz_targets/*.rs; do targets+=("$(basename "$f" .rs)"); done
fi

need_fuzz_tools

cd fuzz
cargo +nightly fuzz build -O
mkdir -p logs
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  # Work on a copy of the seeds so the committed corpus stays small.
  work=$(mktemp -d)
  cp -r "corpus/$t/." "$work/"
  echo "== fuzz $t for ${seconds}s"
  if ! cargo +nightly fuzz run -O "$t" "$work" -- \
      -max_total_time="$seconds" -max_len=131072 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 > "logs/$t.log" 2>&1; then
    tail -n 40 "logs/$t.log"
    echo "fuzz $t: FINDING — reproducer in fuzz/artifacts/$t/" >&2
    exit 1
  fi
  runs=$(grep -m1 'stat::number_of_executed_units' "logs/$t.log" | awk '{print $2}')
  rate=$(grep -m1 'stat::average_exec_per_sec' "logs/$t.log" | awk '{print $2}')
  echo "fuzz $t: ${runs} executions, ${rate} exec/s, no finding"
  rm -rf "$work"
done
