# Sourced by the scripts: runs `cargo` again (up to 3 times) when it fails because its rustc
# probe ("failed to run `rustc` to learn about target-specific information") read stray output.
# Seen on fresh clones right after another cargo command; the same command passes when rerun.
cargo() {
  local tmp status attempt
  tmp=$(mktemp)
  for attempt in 1 2 3; do
    set +e
    command cargo "$@" 2>"$tmp"
    status=$?
    set -e
    cat "$tmp" >&2
    if [ "$status" -eq 0 ]; then
      rm -f "$tmp"
      return 0
    fi
    if [ "$attempt" -lt 3 ] && grep -q "to learn about target-specific information" "$tmp"; then
      echo "[cargo-retry] cargo's rustc probe failed; running cargo $1 again ($attempt/3)" >&2
      sleep 3
      continue
    fi
    rm -f "$tmp"
    return "$status"
  done
}
