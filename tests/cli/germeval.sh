# GermEval 2014: `newsgraph tag` with the committed tagger model on the tune
# part of the dev file (never trained on), F1 of PER/LOC/ORG outer spans at or
# above the floors in tests/floors-germeval.txt, on all sentences and on news.
# The split is the one of scripts/train-tagger.py: sentence k (from 0) of
# NER-de-dev.tsv is a tune sentence when k % 5 == 4.
. "$(dirname "$0")/../support/cli-lib.sh"
need_shared
dev="$NG_SHARED/data/germeval2014/NER-de-dev.tsv"
score="$NG_SHARED/eval/ner_score.py"
if [ ! -f "$dev" ] || [ ! -f "$score" ]; then echo "skipped: $dev or $score is absent"; exit 77; fi
check "model present" test -f "$NG_SRC/data/models/ner-de.tsv"

# Sentences are blocks separated by blank lines (awk paragraph mode): record NR is sentence NR-1.
awk 'BEGIN { RS = ""; ORS = "\n\n" } NR % 5 == 0' "$dev" >"$tmp/tune.tsv"
check "tune part has 440 sentences" test "$(grep -c '^#' "$tmp/tune.tsv")" -eq 440

floor() { awk -v k="$1" '$1 == k { print $2 }' "$NG_SRC/tests/floors-germeval.txt"; }
all_min=$(floor germeval_f1)
news_min=$(floor germeval_news_f1)
check "floors present" test -n "$all_min" -a -n "$news_min"

"$NG" tag --germeval "$tmp/tune.tsv" -o "$tmp/pred.tsv"
check "tag" test $? -eq 0
python3 "$score" --gold "$tmp/tune.tsv" --pred "$tmp/pred.tsv" --min "f1=$all_min"
check "tune F1 (all) at or above $all_min" test $? -eq 0
python3 "$score" --gold "$tmp/tune.tsv" --pred "$tmp/pred.tsv" --subset news --min "f1=$news_min"
check "tune F1 (news) at or above $news_min" test $? -eq 0

# The rules alone still work, and the training features cover every token.
"$NG" tag --germeval "$tmp/tune.tsv" --rules -o "$tmp/rules.tsv"
check "tag --rules" test $? -eq 0
python3 "$score" --gold "$tmp/tune.tsv" --pred "$tmp/rules.tsv" >/dev/null
check "rules output well-formed" test $? -eq 0
"$NG" tag --germeval "$tmp/tune.tsv" --features -o "$tmp/features.tsv"
check "tag --features" test $? -eq 0
check "one feature line per token" test "$(grep -cv '^#\|^$' "$tmp/features.tsv")" -eq "$(grep -cv '^#\|^$' "$tmp/tune.tsv")"
check "gold tags as scored" test "$(cut -f1 "$tmp/features.tsv" | grep -v '^#' | grep -cv '^$\|^O$\|^[BI]-\(PER\|LOC\|ORG\)$')" -eq 0
finish
