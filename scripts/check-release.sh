#!/usr/bin/env bash
# Checks the archives scripts/release.sh wrote into dist/, and fails loudly on the first thing
# wrong:
#   - SHA256SUMS lists the three archives and every checksum verifies;
#   - each archive holds one folder named like it, with exactly the files listed in release.sh;
#   - the Windows file is a PE32+ x86-64 console executable (header read byte by byte: machine
#     0x8664, optional-header magic 0x20b, subsystem 3 = console; `file` must agree) that imports
#     system DLLs only, and its text files have Windows line endings;
#   - the Linux binary is static, prints the version and the commit of this checkout, and scores
#     and validates the example batch from its own folder with an empty environment;
#   - the web app's pages refer to their files by relative URLs only (so the folder can be
#     hosted under any path) and every file they refer to is in the archive.
# Needs: unzip, tar, file, sha256sum, od (release.sh installs zip; unzip and file come with it on
# Debian, or from apt).
set -euo pipefail
exec </dev/null
cd "$(dirname "$0")/.."
root=$(pwd)

fail() { printf '\033[1;31mcheck-release: FAILED: %s\033[0m\n' "$*" >&2; exit 1; }
ok() { printf '[check-release] ok: %s\n' "$*" >&2; }

for tool in unzip tar file sha256sum od; do
  command -v "$tool" >/dev/null || fail "the tool '$tool' is missing (apt-get install -y $tool)"
done

version=$(cargo pkgid -p vigilance-cli | sed 's/.*[@#]//')
win="vigilance-$version-windows-x86_64"
lin="vigilance-$version-linux-x86_64"
web="vigilance-web-$version"
[ -d dist ] || fail "no dist/ folder: run scripts/release.sh first"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --- checksums ---------------------------------------------------------------------------------
[ -f dist/SHA256SUMS ] || fail "dist/SHA256SUMS is missing"
listed=$(awk '{print $2}' dist/SHA256SUMS | sed 's/^\*//' | LC_ALL=C sort | tr '\n' ' ')
wanted=$(printf '%s\n' "$lin.tar.gz" "$web.zip" "$win.zip" | LC_ALL=C sort | tr '\n' ' ')
[ "$listed" = "$wanted" ] || fail "SHA256SUMS lists '$listed', expected '$wanted'"
(cd dist && sha256sum --check --strict --quiet SHA256SUMS) || fail "a checksum in SHA256SUMS does not verify"
ok "SHA256SUMS lists the three archives and every checksum verifies"

# --- contents ----------------------------------------------------------------------------------
examples=$(cd questionnaires/examples && ls -- *.json)
expect_cli() { # folder, binary name
  { printf '%s\n' "$1/$2" "$1/README.txt" "$1/LICENSE.txt"
    for e in $examples; do printf '%s\n' "$1/examples/$e"; done; } | LC_ALL=C sort
}
same_list() { # what, actual, expected
  if [ "$2" != "$3" ]; then
    diff <(printf '%s\n' "$3") <(printf '%s\n' "$2") >&2 || true
    fail "$1 does not hold what is listed (diff above: < expected, > found)"
  fi
}

win_files=$(unzip -Z1 "dist/$win.zip" | grep -v '/$' | LC_ALL=C sort)
same_list "$win.zip" "$win_files" "$(expect_cli "$win" vigilance.exe)"
lin_files=$(tar -tzf "dist/$lin.tar.gz" | grep -v '/$' | LC_ALL=C sort)
same_list "$lin.tar.gz" "$lin_files" "$(expect_cli "$lin" vigilance)"
web_files=$(unzip -Z1 "dist/$web.zip" | grep -v '/$' | LC_ALL=C sort)
for f in index.html boot.js style.css unxz.js vigilance_web.js vigilance_web_wasm.js assets/favicon.svg LICENSE.txt; do
  grep -qx "$web/$f" <<<"$web_files" || fail "$web.zip has no $f"
done
if grep -v "^$web/" <<<"$web_files" | grep -q .; then
  fail "$web.zip has files outside its folder $web/"
fi
ok "the three archives hold what is listed"

# --- Windows executable ------------------------------------------------------------------------
unzip -q "dist/$win.zip" -d "$work"
exe="$work/$win/vigilance.exe"
u16() { od -An -t u2 -j "$2" -N 2 "$1" | tr -d ' '; }
u32() { od -An -t u4 -j "$2" -N 4 "$1" | tr -d ' '; }
[ "$(head -c 2 "$exe")" = MZ ] || fail "vigilance.exe does not start with MZ"
pe=$(u32 "$exe" 60)
[ "$(od -An -t x1 -j "$pe" -N 4 "$exe" | tr -d ' ')" = 50450000 ] || fail "vigilance.exe has no PE signature"
[ "$(u16 "$exe" $((pe + 4)))" = 34404 ] || fail "vigilance.exe is not for x86-64 (machine $(u16 "$exe" $((pe + 4))))"
[ "$(u16 "$exe" $((pe + 24)))" = 523 ] || fail "vigilance.exe is not PE32+ (magic $(u16 "$exe" $((pe + 24))))"
subsystem=$(u16 "$exe" $((pe + 24 + 68)))
[ "$subsystem" = 3 ] || fail "vigilance.exe is not a console program (subsystem $subsystem, want 3)"
described=$(file -b "$exe")
case "$described" in
  *PE32+*console*x86-64* | *PE32+*x86-64*console*) ;;
  *) fail "file(1) says vigilance.exe is: $described" ;;
esac
# It must run on a bare Windows: only system DLLs, no MinGW runtime (libgcc_s_seh-1.dll,
# libwinpthread-1.dll...). The objdump of MinGW's binutils comes with gcc-mingw-w64-x86-64.
if command -v x86_64-w64-mingw32-objdump >/dev/null; then
  dlls=$(x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/^[[:space:]]*DLL Name: //p' | sort -fu | tr '\n' ' ')
  [ -n "$dlls" ] || fail "found no DLL imports in vigilance.exe: the check is out of date"
  for dll in $dlls; do
    case "$dll" in
      lib*.dll | LIB*.DLL) fail "vigilance.exe needs $dll, which Windows does not have (imports: $dlls)" ;;
    esac
  done
  ok "vigilance.exe imports system DLLs only: $dlls"
fi
for t in README.txt LICENSE.txt; do
  lines=$(wc -l <"$work/$win/$t")
  crlf=$(grep -c $'\r$' "$work/$win/$t" || true)
  [ "$lines" = "$crlf" ] || fail "$win/$t has Unix line endings ($crlf of $lines lines end in CRLF)"
done
ok "vigilance.exe is a PE32+ x86-64 console executable ($described); text files have CRLF"

# --- Linux binary ------------------------------------------------------------------------------
tar -xzf "dist/$lin.tar.gz" -C "$work"
bin="$work/$lin/vigilance"
described=$(file -b "$bin")
case "$described" in
  *ELF\ 64-bit*x86-64*static*) ;;
  *) fail "the Linux binary is not a static x86-64 ELF: $described" ;;
esac
shown=$(env -i "$bin" --version) || fail "vigilance --version failed"
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || true)
case "$shown" in
  "vigilance $version (commit $commit"*) ;;
  *) fail "vigilance --version printed '$shown', expected 'vigilance $version (commit ${commit:-...}...)'" ;;
esac
ok "static binary ($described); --version: $shown"

n=$(wc -w <<<"$examples")
(
  cd "$work/$lin"
  env -i ./vigilance score examples --lang en --format csv -o results.csv ||
    fail "vigilance score examples failed (exit $?)"
  rows=$(($(wc -l <results.csv) - 1))
  [ "$rows" = $((2 * n)) ] || fail "results.csv has $rows rows, expected $((2 * n)) (two tracks per example)"
  env -i ./vigilance score examples -o results.xlsx || fail "vigilance score examples -o results.xlsx failed"
  [ "$(head -c 2 results.xlsx)" = PK ] || fail "results.xlsx is not a workbook"
  env -i ./vigilance validate examples/*.json >/dev/null 2>&1 || fail "vigilance validate examples/*.json failed"
  if ls -A | grep -q '^\.vigilance-'; then fail "a temporary file was left behind: $(ls -A)"; fi
) || exit 1
ok "the Linux binary scores ($((2 * n)) rows) and validates the $n example sheets"

# --- web app -----------------------------------------------------------------------------------
unzip -q "dist/$web.zip" -d "$work"
site="$work/$web"
# Absolute references (`/x`, `//host/x`) or remote ones would break under a sub-path or leave
# the browser. vigilance_web_wasm.js is the module compressed, in base64: data, not references.
pages=$(cd "$site" && find . -name '*.html' -o -name '*.css' -o -name '*.js' | sed 's|^\./||' |
  grep -v '^vigilance_web_wasm\.js$')
for p in $pages; do
  if grep -nE "(src|href)=[\"'](/|https?:)|from[[:space:]]*[\"'](/|https?:)|import\([\"'](/|https?:)|url\([\"']?(/|https?:)" "$site/$p" >&2; then
    fail "$web/$p refers to an absolute URL (above): use relative ones, the folder may be hosted under any path"
  fi
done
# Every file the page and its scripts refer to is in the folder.
# boot.js is minified (esbuild writes `from"./x.js"`): either quote, with or without a space. A
# reference list that comes out empty is caught just below, never by a silent pipeline status.
refs=$( (grep -ohE "(src|href)=\"\./[^\"]+\"" "$site/index.html" | sed -E 's/^[a-z]+="\.\/(.*)"$/\1/' || true
         grep -ohE "from ?[\"']\./[^\"']+[\"']" "$site/boot.js" |
           sed -E "s/^from ?[\"']\.\/(.*)[\"']$/\1/" || true) | LC_ALL=C sort -u)
grep -qx 'grids.js' <<<"$refs" || fail "boot.js does not import ./grids.js (or the check no longer reads it)"
[ -n "$refs" ] || fail "index.html refers to no file: the check is out of date"
for r in $refs; do
  [ -f "$site/$r" ] || fail "$web/index.html or boot.js refers to ./$r, which is not in the archive"
done
ok "the web app uses relative URLs only, and its $(wc -w <<<"$refs") references resolve ($(tr '\n' ' ' <<<"$refs"))"

echo "[check-release] all release checks passed for $version" >&2
