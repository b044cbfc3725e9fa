#!/usr/bin/env bash
# Builds the release archives of Vigilance into dist/ (git-ignored):
#   vigilance-<version>-windows-x86_64.zip    vigilance.exe (x86_64-pc-windows-gnu, a console
#                                             program), README.txt, LICENSE.txt, examples/
#   vigilance-<version>-linux-x86_64.tar.gz   vigilance (x86_64-unknown-linux-musl, static),
#                                             README.txt, LICENSE.txt, examples/
#   vigilance-web-<version>.zip               the web app (web/dist, built by build-web.sh) and
#                                             LICENSE.txt, to host under any path
#   SHA256SUMS                                the three archives' SHA-256, for `sha256sum -c`
# Each archive holds one folder named like the archive. The version is the workspace's, in
# Cargo.toml. scripts/check-release.sh checks the result; docs/install.md is the user's side.
#
# Installs what it needs first (scripts/lib.sh, idempotently): the two Rust targets (rustup) and
# the apt packages gcc-mingw-w64-x86-64 (Windows linker), musl-tools, zip (and unzip, file for the
# checks), and the web app's tools. The web app is built by scripts/build-web.sh, which does
# nothing when web/dist is already up to date (as after scripts/test-web.sh). Archives are
# reproducible: files sorted, owners and times fixed (SOURCE_DATE_EPOCH, default the last
# commit's time).
#
# `--binaries-only` builds the two binaries and stops (scripts/test.sh builds them so in the
# background, then runs this script again to package them).
#
# Environment: CARGO_TARGET_DIR (default: target) is honoured. VIGILANCE_RELEASE_PROFILE (default
# `release`) names the Cargo profile of the two binaries: scripts/test.sh sets `package-check`
# (Cargo.toml: the release settings without optimisation), which checks the packaging in about
# 40 % of the compile time; an archive to publish is built with the default.
. "$(dirname "$0")/lib.sh"
# No standard input for the tools, as in CI: local runs behave the same.
exec </dev/null

binaries_only=0
case "${1:-}" in
  "") ;;
  --binaries-only) binaries_only=1 ;;
  *) die "unknown option '$1' (--binaries-only: build the two command-line binaries, no archive)" ;;
esac

profile=${VIGILANCE_RELEASE_PROFILE:-release}
case "$profile" in
  release | package-check) ;;
  *) die "VIGILANCE_RELEASE_PROFILE must be release or package-check (got '$profile')" ;;
esac
windows=x86_64-pc-windows-gnu
linux=x86_64-unknown-linux-musl

need_release_tools

version=$(cargo pkgid -p vigilance-cli | sed 's/.*[@#]//')
case "$version" in
  [0-9]*.[0-9]*.[0-9]*) ;;
  *) die "cannot read the version from Cargo.toml (got '$version')" ;;
esac
# --no-optional-locks: no index refresh, which would make cli/build.rs rerun and relink.
if [ -n "$(git --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  log "warning: the tree has uncommitted changes; 'vigilance --version' will say 'modified'"
fi
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}

# --- build -------------------------------------------------------------------------------------
log "vigilance $version for Windows ($windows, profile $profile)"
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
  cargo build --profile "$profile" --locked -p vigilance-cli --target "$windows"
log "vigilance $version for Linux ($linux, static, profile $profile)"
CC_x86_64_unknown_linux_musl=musl-gcc \
  cargo build --profile "$profile" --locked -p vigilance-cli --target "$linux"
if [ "$binaries_only" = 1 ]; then
  log "done: the two binaries (--binaries-only)"
  exit 0
fi
log "web app"
bash scripts/build-web.sh

# --- archives ----------------------------------------------------------------------------------
stage="$target_dir/release-stage"
rm -rf "$stage"
mkdir -p "$stage" dist
rm -f dist/vigilance-*.zip dist/vigilance-*.tar.gz dist/SHA256SUMS

crlf() { sed 's/\r*$/\r/' "$1" >"$2"; }

# The command-line archives: the binary, the README, the licence and the example sheets.
cli_folder() { # folder, binary, binary's name in the archive, line ending (lf|crlf)
  local dir="$stage/$1"
  mkdir -p "$dir/examples"
  install -m 0755 "$2" "$dir/$3"
  if [ "$4" = crlf ]; then
    crlf docs/release-README.txt "$dir/README.txt"
    crlf LICENSE "$dir/LICENSE.txt"
  else
    install -m 0644 docs/release-README.txt "$dir/README.txt"
    install -m 0644 LICENSE "$dir/LICENSE.txt"
  fi
  install -m 0644 questionnaires/examples/*.json "$dir/examples/"
}

# Fixed times and permissions, then a zip with entries in sorted order and no extra fields.
make_zip() { # folder name in $stage, archive path
  find "$stage/$1" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  (cd "$stage" && find "$1" -print | LC_ALL=C sort | zip -X -q -@ "$root/$2")
}

win="vigilance-$version-windows-x86_64"
cli_folder "$win" "$target_dir/$windows/$profile/vigilance.exe" vigilance.exe crlf
make_zip "$win" "dist/$win.zip"

lin="vigilance-$version-linux-x86_64"
cli_folder "$lin" "$target_dir/$linux/$profile/vigilance" vigilance lf
find "$stage/$lin" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
  -C "$stage" -cf - "$lin" | gzip -n -9 >"dist/$lin.tar.gz"

web="vigilance-web-$version"
mkdir -p "$stage/$web"
cp -R web/dist/. "$stage/$web/"
install -m 0644 LICENSE "$stage/$web/LICENSE.txt"
chmod -R u=rwX,go=rX "$stage/$web"
make_zip "$web" "dist/$web.zip"

(cd dist && sha256sum "$win.zip" "$lin.tar.gz" "$web.zip" >SHA256SUMS)

log "done: dist/"
(cd dist && ls -l "$win.zip" "$lin.tar.gz" "$web.zip" SHA256SUMS) >&2
