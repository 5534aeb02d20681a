# Runs every libFuzzer harness for a bounded time (NG_FUZZ_SECONDS, default
# 12 s each) from its seed corpus, with the dictionary.  Only in a clang build
# configured with -DNG_FUZZ=ON (ctest sets NG_FUZZ_BIN); skips elsewhere.
# A crash leaves its input in $NG_TEST_TMP/fuzz-artifacts/ and fails the test:
# turn it into tests/fuzz/regressions/<harness>/<name>.
. "$(dirname "$0")/../support/cli-lib.sh"
if [ -z "${NG_FUZZ_BIN:-}" ]; then echo "skipped: not a -DNG_FUZZ=ON clang build"; exit 77; fi
secs=${NG_FUZZ_SECONDS:-12}
art=${NG_TEST_TMP:-/tmp}/fuzz-artifacts
mkdir -p "$art"
# The readers also start from the example articles (HTML and text).
seeds_extra() { case $1 in document|pipeline) echo "$NG_SRC/examples" ;; esac; }
for h in document segment number extract pipeline; do
  bin=$NG_FUZZ_BIN/fuzz_$h
  [ -x "$bin" ] || { check "harness $h built" false; continue; }
  # Fresh working corpus: seeds are read-only inputs, new finds go to $tmp.
  mkdir -p "$tmp/corpus-$h"
  "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
    -dict="$NG_SRC/tests/fuzz/german.dict" -artifact_prefix="$art/$h-" \
    "$tmp/corpus-$h" "$NG_SRC/tests/fuzz/corpus/$h" $(seeds_extra "$h") >"$tmp/log-$h" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/log-$h")
  cov=$(grep -o 'cov: [0-9]*' "$tmp/log-$h" | tail -1)
  echo "fuzz_$h: ${execs:-?} runs in ${secs}s, ${cov:-cov: ?}"
  [ $rc -eq 0 ] || tail -60 "$tmp/log-$h"
  check "fuzz_$h ran ${secs}s without a crash" test $rc -eq 0
done
finish
