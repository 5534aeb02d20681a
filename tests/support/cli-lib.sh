# Helpers for the command-line tests (sourced).
set -u
fail=0
tmp=$(mktemp -d "${NG_TEST_TMP:-/tmp}/ngcli-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
check() { # check DESCRIPTION COMMAND...
  local what=$1; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fail=1; fi
}
finish() { exit $fail; }
need_shared() {
  if [ ! -d "$NG_SHARED" ]; then echo "skipped: $NG_SHARED is absent"; exit 77; fi
}
