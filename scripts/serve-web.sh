#!/usr/bin/env bash
# Serves web/dist/ (built by scripts/build-web.sh) on http://127.0.0.1:8080 (PORT to change it).
# Any static server does; this one is Python's, bound to the loopback interface only.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8080}
if [ ! -f web/dist/index.html ]; then
  echo "web/dist/ is missing: run scripts/build-web.sh first" >&2
  exit 1
fi
echo "Vigilance web app: http://127.0.0.1:${port}/  (Ctrl+C to stop)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory web/dist
