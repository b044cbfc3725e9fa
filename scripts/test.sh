#!/usr/bin/env bash
# Runs every test of Vigilance on a fresh machine: set-up, formatting and lint checks, the Rust
# tests of every crate (core, CLI, web components), the browser end-to-end tests, the release
# archives (Windows, Linux, web; built into dist/ and checked), then a short run of each fuzzer;
# the grid content checks (scripts/check-grid.py, check-sme-grid.py) run right after set-up.
# Exits non-zero when any test fails.
set -euo pipefail
# No standard input for the tools, as in CI: local runs behave the same.
exec </dev/null
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "== grid content check (scripts/check-grid.py)"
python3 scripts/check-grid.py questionnaires/rhsf-fir-1.1.0.json --base questionnaires/rhsf-fir-1.0.0.json
python3 scripts/check-grid.py questionnaires/rhsf-fir-1.1.0.json --base questionnaires/rhsf-fir-1.0.0.json --self-test
python3 scripts/check-grid.py questionnaires/rhsf-fir-1.2.0.json --base questionnaires/rhsf-fir-1.1.0.json
python3 scripts/check-grid.py questionnaires/rhsf-fir-1.2.0.json --base questionnaires/rhsf-fir-1.1.0.json --self-test
python3 scripts/check-sme-grid.py
python3 scripts/check-sme-grid.py questionnaires/rhsf-fir-sme-1.0.0.json tests/fixtures/examples-1.0/examples-suppliers/*.json

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy (native, all targets)"
cargo clippy --workspace --all-targets -- -D warnings

echo "== cargo test (core, cli, web components)"
cargo test --workspace

echo "== web: build, then browser end-to-end tests"
bash scripts/test-web.sh

echo "== release archives: build into dist/, then check them"
bash scripts/release.sh
bash scripts/check-release.sh

echo "== fuzz smoke run (15 s per target; scripts/fuzz.sh 600 for the full 10 minutes)"
bash scripts/fuzz.sh 15
