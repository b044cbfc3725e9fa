#!/usr/bin/env bash
# Benchmark of `vigilance score`: generates N answer sheets on the default grid (10,000 by
# default), times scoring them to JSON, JSON Lines, CSV and xlsx (as by default, then with
# `--answers-sheet`, which writes the Answers sheet past its default 5,000 companies), and the
# floor (parse the same JSON and write the cells of the former Answers sheet, one row per
# answer, with rust_xlsxwriter, no logic), printing sheets/second and peak memory, then each
# output's size and the JSON and JSONL bytes per company beside the targets of issue 22 (JSON
# <= 8 KB, JSONL <= 6 KB per company, workbook <= 30 MB at 10,000), and where each workbook's
# bytes go: each sheet's compressed size. Prints figures only: no asserts. Needs cargo and
# python3 (for the per-sheet sizes; skipped without it); uses GNU time (/usr/bin/time -v) for
# peak memory when present.
#
#   scripts/bench-cli.sh [N] [FORMATS]     FORMATS: a comma-separated subset of
#                                          json,jsonl,csv,xlsx,xlsx-answers,floor
#                                          (default: all)
set -euo pipefail

N="${1:-10000}"
FORMATS=",${2:-json,jsonl,csv,xlsx,xlsx-answers,floor},"
want() { [[ "$FORMATS" == *",$1,"* ]]; }
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

echo "building (release)…" >&2
cargo build --release -q -p vigilance-cli --bin vigilance --example bench_data
TARGET_DIR="$(cargo metadata --format-version 1 --no-deps 2>/dev/null | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
TARGET_DIR="${TARGET_DIR:-$ROOT/target}"
BIN="$TARGET_DIR/release/vigilance"
GEN="$TARGET_DIR/release/examples/bench_data"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
echo "generating $N answer sheets…" >&2
"$GEN" generate "$WORK/sheets" "$N"
SIZE="$(du -sh "$WORK/sheets" | cut -f1)"

GNU_TIME=""
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
  GNU_TIME=/usr/bin/time
fi

# measure LABEL CMD... : prints the wall time, sheets/s and peak RSS of CMD.
measure() {
  local label="$1"; shift
  local secs rss status=0
  if [ -n "$GNU_TIME" ]; then
    "$GNU_TIME" -v -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || status=$?
    secs="$(awk -F': ' '/Elapsed \(wall clock\)/ {
        n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$WORK/time.txt")"
    rss="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f MiB", $2 / 1024 }' "$WORK/time.txt")"
  else
    local t0 t1
    t0="$(date +%s.%N)"
    "$@" >/dev/null 2>"$WORK/stderr.txt" || status=$?
    t1="$(date +%s.%N)"
    secs="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')"
    rss="n/a (no GNU time)"
  fi
  if [ "$status" -gt 1 ]; then
    echo "$label: failed with status $status" >&2
    cat "$WORK/stderr.txt" >&2
    return
  fi
  awk -v l="$label" -v s="$secs" -v n="$N" -v r="$rss" \
    'BEGIN { printf "%-34s %8.2f s  %10.0f sheets/s  peak RSS %s\n", l, s, (s > 0 ? n / s : 0), r }'
}

echo "N = $N answer sheets ($SIZE of JSON), $(nproc 2>/dev/null || echo '?') cores"
want json && measure "vigilance score → json" "$BIN" score -q "$WORK/sheets" -o "$WORK/results.json"
want jsonl && measure "vigilance score → jsonl" "$BIN" score -q "$WORK/sheets" -o "$WORK/results.jsonl"
want csv && measure "vigilance score → csv" "$BIN" score -q "$WORK/sheets" -o "$WORK/results.csv"
want xlsx && measure "vigilance score → xlsx" "$BIN" score -q "$WORK/sheets" -o "$WORK/results.xlsx"
want xlsx-answers && measure "score → xlsx --answers-sheet" "$BIN" score -q --answers-sheet \
  "$WORK/sheets" -o "$WORK/results-answers.xlsx"
want floor && measure "floor: parse + write Answers cells" "$GEN" floor "$WORK/sheets" "$WORK/floor.xlsx"
for f in "$WORK"/results.* "$WORK/results-answers.xlsx" "$WORK/floor.xlsx"; do
  [ -f "$f" ] || continue
  bytes="$(stat -c %s "$f")"
  name="${f#"$WORK"/}"
  case "$name" in
    results.json) target="target ≤ 8 KB/company" ;;
    results.jsonl) target="target ≤ 6 KB/company" ;;
    results.xlsx) target="target ≤ 30 MB at 10,000 (as by default)" ;;
    results-answers.xlsx) target="(--answers-sheet: the Answers sheet past 5,000 companies)" ;;
    *) target="" ;;
  esac
  awk -v n="$name" -v b="$bytes" -v c="$N" -v t="$target" 'BEGIN {
    printf "  %-20s %12d bytes  %8.1f MB  %7.2f KB/company  %s\n", n, b, b / 1e6, b / c / 1000, t }'
done

# Where each workbook's bytes go: every sheet's compressed size (its XML part in the zip), the
# shared strings and the rest, largest first.
sheets_of() {
  python3 - "$1" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
book = z.read("xl/workbook.xml").decode()
rels = z.read("xl/_rels/workbook.xml.rels").decode()
target = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', rels))
target.update({a: b for b, a in re.findall(r'Target="([^"]+)"[^>]*Id="(rId\d+)"', rels)})
rows, seen = [], set()
for name, rid in re.findall(r'<sheet name="([^"]*)" sheetId="\d+" r:id="(rId\d+)"', book):
    part = "xl/" + target[rid].lstrip("/").removeprefix("xl/")
    info = z.getinfo(part)
    rows.append((info.compress_size, info.file_size, name))
    seen.add(part)
for part, label in [("xl/sharedStrings.xml", "(shared strings)")]:
    if part in z.namelist():
        info = z.getinfo(part)
        rows.append((info.compress_size, info.file_size, label))
        seen.add(part)
rest = [i for i in z.infolist() if i.filename not in seen]
rows.append((sum(i.compress_size for i in rest), sum(i.file_size for i in rest), "(other parts)"))
total = sum(r[0] for r in rows)
for c, u, n in sorted(rows, reverse=True):
    print(f"    {n:<30} {c / 1e6:8.2f} MB  {100 * c / total:5.1f} %   ({u / 1e6:7.1f} MB of XML)")
PY
}
if command -v python3 >/dev/null; then
  for f in "$WORK/results.xlsx" "$WORK/results-answers.xlsx"; do
    [ -f "$f" ] || continue
    echo "  where the bytes of ${f#"$WORK"/} go (compressed):"
    sheets_of "$f"
  done
fi
