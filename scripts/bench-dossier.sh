#!/usr/bin/env bash
# Benchmark of the evidence dossier (vigilance.dossier/1): generates a dossier of SIZE_MB
# megabytes (default 1024) of incompressible documents, then measures
#   - `vigilance dossier verify` and `vigilance score` on it: wall time and peak memory (RSS);
#   - the hash rate of verify against `sha256sum` on the same documents.
# Prints figures only (no timing asserts). Targets (issue 20): peak memory <= 200 MB, hash rate
# >= 80 % of sha256sum's.
#
#   bash scripts/bench-dossier.sh [SIZE_MB]
#   VIGILANCE_BIN=path/to/vigilance bash scripts/bench-dossier.sh 256
set -euo pipefail
cd "$(dirname "$0")/.."

size_mb=${1:-1024}
bin=${VIGILANCE_BIN:-target/release/vigilance}
if [ ! -x "$bin" ]; then
  echo "== building the release CLI"
  cargo build --release -p vigilance-cli
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-dossier.XXXXXX")
trap 'rm -rf "$work"' EXIT

files=8
per=$(( (size_mb + files - 1) / files ))
echo "== generating $files documents of $per MiB in $work"
printf 'file,title,date,valid_until,answers\n' > "$work/map.csv"
for i in $(seq 1 $files); do
  head -c "${per}M" /dev/urandom > "$work/doc-$i.pdf"
  printf 'doc-%s.pdf,Document %s,2025-0%s-01,,\n' "$i" "$i" "$(( (i % 9) + 1 ))" >> "$work/map.csv"
done
# The first document supports Q01 on both tracks.
sed -i 's/^doc-1.pdf,\(.*\),$/doc-1.pdf,\1,Q01:CL Q01:FL/' "$work/map.csv"
bytes=$(cat "$work"/doc-*.pdf | wc -c)

measure() { # label, command…: prints wall seconds and peak RSS (KiB) of the command
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
    cat "$work/err" >&2; return 1; }
  read -r secs rss < "$work/time"
  printf '%-28s %8.2f s  peak RSS %7.1f MiB\n' "$label" "$secs" "$(echo "$rss / 1024" | bc -l)"
  echo "$secs" > "$work/secs"
}

echo "== pack"
measure "dossier pack" "$bin" dossier pack tests/fixtures/good/acme.json "$work"/doc-*.pdf \
  --map "$work/map.csv" -o "$work/dossier.zip"
zip_bytes=$(wc -c < "$work/dossier.zip")

# Warm the page cache for both readers, so that both hash from memory.
cat "$work"/doc-*.pdf "$work/dossier.zip" > /dev/null

echo "== $bytes bytes of documents, dossier $zip_bytes bytes"
measure "sha256sum (documents)" sha256sum "$work"/doc-*.pdf
base=$(cat "$work/secs")
measure "dossier verify" "$bin" dossier verify "$work/dossier.zip"
verify=$(cat "$work/secs")
measure "score (json)" "$bin" score --format json -o "$work/out.json" "$work/dossier.zip"
measure "score --evidence-mode subst." "$bin" score --evidence-mode substantiated --format json \
  -o "$work/out2.json" "$work/dossier.zip"

rate() { echo "scale=1; $bytes / 1048576 / $1" | bc -l; }
echo "== hash rate"
echo "sha256sum:       $(rate "$base") MiB/s"
echo "dossier verify:  $(rate "$verify") MiB/s ($(echo "scale=0; 100 * $base / $verify" | bc -l) % of sha256sum)"
