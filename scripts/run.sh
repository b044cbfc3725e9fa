#!/usr/bin/env bash
# The main job: builds the web app and serves it on http://127.0.0.1:8080, and next to it runs
# the CLI demo (scores the example answer sheets into demo/results.xlsx, prints the summary,
# writes the campaign review demo/review.html, scores the supplier sheets of the light grid into
# demo/suppliers.xlsx, and prints the grid with its regulation mapping). Installs what the web
# build needs first (scripts/lib.sh: the wasm32 target, wasm-bindgen-cli, wasm-opt); the web
# build does nothing when web/dist is up to date.
. "$(dirname "$0")/lib.sh"
# No standard input for the tools, as in CI: local runs behave the same.
exec </dev/null

bash scripts/build-web.sh

log "CLI demo: vigilance score questionnaires/examples"
cargo build --release -p vigilance-cli
vigilance="$target_dir/release/vigilance"
mkdir -p demo
"$vigilance" score questionnaires/examples --lang en -o demo/results.xlsx || true
"$vigilance" score questionnaires/examples --format csv -o - --lang en || true
"$vigilance" report questionnaires/examples --previous questionnaires/examples-2024 \
  --targets questionnaires/examples-targets.csv --lang en -o demo/review.html || true
"$vigilance" score questionnaires/examples-suppliers --lang en \
  -o demo/suppliers.xlsx || true
"$vigilance" questionnaire show --mappings --lang en > demo/grid-and-coverage.txt || true
echo "Workbook for analysts: demo/results.xlsx; campaign review: demo/review.html;"
echo "a buyer's suppliers on the light grid: demo/suppliers.xlsx; the grid and its regulation"
echo "mapping: demo/grid-and-coverage.txt"

exec bash scripts/serve-web.sh
