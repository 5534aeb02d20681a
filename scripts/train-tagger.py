#!/usr/bin/env python3
"""Trains newsgraph's statistical named-entity tagger (a linear model over sparse binary features,
decoded greedily left to right) on the GermEval 2014 dev file and writes the model that
src/extract/tagger.c reads.

    python3 scripts/train-tagger.py [--ng build/newsgraph] [--dev ../shared/data/germeval2014/NER-de-dev.tsv]
                                    [--out data/models/ner-de.tsv] [--learner svm] [--c 0.1]
                                    [--max-bytes 2900000] [--cv K]

Learners (--learner): "svm", a linear support vector machine, one against the rest, squared hinge
loss and L2 penalty (scikit-learn's LinearSVC; Debian package python3-sklearn, which
`scripts/setup.sh --train` installs); "logreg", multinomial logistic regression (scikit-learn);
"perceptron", the averaged perceptron of earlier models (Python standard library only; --epochs,
--runs, --seed).  Every learner gives one weight per (feature, tag), which is all the C decoder
reads: the score of a tag is the sum of its weights over the token's features, and the feature "b"
(every token has it) carries the bias.  The scikit-learn learners see the history features made
from the gold tags before the token (the perceptron sees its own predictions).

The features are not computed here: `newsgraph tag --germeval DEV --features` writes, for each
token, its gold tag as the benchmark counts it, its GermEval outer tag and its feature strings, made
by the same C function that tags (so training and use cannot differ).  This script adds only the
three features of the tags predicted before a token, exactly as ng_tagger_tag() does:  "t1=" T1,
"t2=" T2 "|" T1,  "t1s=" T1 "|" SHAPE  (T1, T2 the tags of the two tokens before, "<s>" before the
sentence; SHAPE the value of the token's "sh=" feature).

Classes: a token is trained as its GermEval outer tag, so OTH and the -deriv / -part forms
("B-LOCderiv", "I-OTH") are classes of their own rather than O examples: that keeps "deutschen"
and "Tatort" from teaching the model that LOC- and name-like words are O.  The benchmark counts only
PER, LOC and ORG; the tagger writes every other class as O (ner_score.py reads them as O too).

Split (fixed, never the test file): sentence k of the dev file, counted from 0 in file order, is a
TUNE sentence when k % 5 == 4, else a TRAIN sentence.  The model is trained on TRAIN only; every
figure printed is on TUNE (where the learner and its settings were chosen, with --cv on TRAIN).
Training is deterministic: scikit-learn runs with random_state = --seed; perceptron run r (0-based)
visits the sentences of each epoch in the order of random.Random(seed + r), and the model is the
mean of the runs' averaged weights.

Decoding, here and in C: the best-scoring tag, ties to the earlier of O, B-PER, I-PER, B-LOC, I-LOC,
B-ORG, I-ORG; an I- tag only after a B- or I- tag of its type.

The model keeps the weights of largest magnitude so that the file stays under --max-bytes; lines
are "feature<TAB>tag<TAB>weight", sorted.  --cv K also prints the mean F1 of K-fold cross-validation
over the train part (sentence j of it in fold j % K), a steadier guide than the 440 tune sentences
for choosing --c.
"""
import argparse
import os
import random
import subprocess
import sys
import time

SCORED = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]
TYPES = ["PER", "LOC", "ORG"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def is_tune(k):
    """The split rule: every fifth sentence (k counted from 0) is for tuning."""
    return k % 5 == 4


def allowed(prev, tag):
    if tag.startswith("I-"):
        return prev[2:] == tag[2:] and prev != "O"
    return True


def label(gold, outer):
    """The class a token is trained as: its GermEval outer tag when that is a BIO tag (so OTH and the
    -deriv / -part forms are classes of their own, not O), else the scored gold tag."""
    if outer == "O" or (outer[:2] in ("B-", "I-") and outer[2:].isalpha() and len(outer) < 32):
        return outer
    return gold


def read_features(text):
    """Sentences as (source URL, [(gold, outer, [features])])."""
    sents, cur, src = [], [], ""
    for line in text.split("\n"):
        if line.startswith("#"):
            parts = line.split("\t")
            src = parts[1] if len(parts) > 1 else ""
            continue
        if not line:
            if cur:
                sents.append((src, cur))
                cur = []
            continue
        cols = line.split("\t")
        cur.append((cols[0], label(cols[0], cols[1]), cols[2:]))
    if cur:
        sents.append((src, cur))
    return sents


def value(feats, name):
    """The value of the token's feature "name=value" ("" when it has none)."""
    for f in feats:
        if f.startswith(name):
            return f[len(name):]
    return ""


def history(t2, t1, feats):
    """The features of the tags predicted before the token, as ng_tagger_tag() makes them."""
    return ["t1=" + t1, "t2=" + t2 + "|" + t1, "t1s=" + t1 + "|" + value(feats, "sh=")]


def tag_order(labels):
    """The model's tags in the order C uses: the scored seven, then the others sorted."""
    return SCORED + sorted(set(labels) - set(SCORED))


class Perceptron:
    def __init__(self, tags):
        self.tags = tags
        self.w = {}        # feature -> {tag: weight}
        self.totals = {}   # (feature, tag) -> accumulated weight
        self.stamps = {}   # (feature, tag) -> step of last change
        self.step = 0

    def scores(self, feats):
        return scores_of(self.w, self.tags, feats)

    def update(self, truth, guess, feats):
        self.step += 1
        if truth == guess:
            return
        for f in feats:
            ws = self.w.setdefault(f, {})
            for t, d in ((truth, 1.0), (guess, -1.0)):
                key = (f, t)
                v = ws.get(t, 0.0)
                self.totals[key] = self.totals.get(key, 0.0) + (self.step - self.stamps.get(key, 0)) * v
                self.stamps[key] = self.step
                ws[t] = v + d

    def averaged(self):
        avg = {}
        for f, ws in self.w.items():
            for t, v in ws.items():
                key = (f, t)
                total = self.totals.get(key, 0.0) + (self.step - self.stamps.get(key, 0)) * v
                a = total / self.step
                if a:
                    avg[key] = a
        return avg


def best(scores, prev, tags):
    top = None
    for t in tags:
        if allowed(prev, t) and (top is None or scores[t] > scores[top]):
            top = t
    return top


def decode(tokens, scorer, order):
    tags = []
    for i, (_, _, feats) in enumerate(tokens):
        t1 = tags[i - 1] if i >= 1 else "<s>"
        t2 = tags[i - 2] if i >= 2 else "<s>"
        f = feats + history(t2, t1, feats)
        tags.append(best(scorer(f), tags[i - 1] if i else "O", order))
    return tags


def train(train_sents, epochs, seed, log):
    order = tag_order(lab for _, tokens in train_sents for _, lab, _ in tokens)
    p = Perceptron(order)
    rng = random.Random(seed)
    sents = list(range(len(train_sents)))
    for e in range(epochs):
        rng.shuffle(sents)
        right = total = 0
        for k in sents:
            tokens = train_sents[k][1]
            tags = []
            for i, (_, gold, feats) in enumerate(tokens):
                t1 = tags[i - 1] if i >= 1 else "<s>"
                t2 = tags[i - 2] if i >= 2 else "<s>"
                f = feats + history(t2, t1, feats)
                guess = best(p.scores(f), tags[i - 1] if i else "O", order)
                p.update(gold, guess, f)
                tags.append(guess)
                right += guess == gold
                total += 1
        log(f"epoch {e + 1}/{epochs}: training accuracy {right / max(total, 1):.4f}")
    return p.averaged()


def train_sklearn(train_sents, learner, c, seed, log):
    """Weights {(feature, tag): w} of a scikit-learn linear model, trained on rows whose history
    features come from the gold tags.  A feature a token has twice counts twice, as in C."""
    try:
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression
        from sklearn.svm import LinearSVC
    except ImportError:
        sys.exit("train-tagger: --learner %s needs scikit-learn (Debian package python3-sklearn, which "
                 "'scripts/setup.sh --train' installs; run the script with /usr/bin/python3)" % learner)
    index, indices, indptr, y = {}, [], [0], []
    for _, tokens in train_sents:
        for i, (_, lab, feats) in enumerate(tokens):
            t1 = tokens[i - 1][1] if i >= 1 else "<s>"
            t2 = tokens[i - 2][1] if i >= 2 else "<s>"
            for f in feats + history(t2, t1, feats):
                indices.append(index.setdefault(f, len(index)))
            indptr.append(len(indices))
            y.append(lab)
    x = csr_matrix(([1.0] * len(indices), indices, indptr), shape=(len(y), len(index)))
    x.sum_duplicates()
    if learner == "svm":
        model = LinearSVC(C=c, fit_intercept=False, random_state=seed, max_iter=5000)
    else:
        model = LogisticRegression(C=c, fit_intercept=False, random_state=seed, max_iter=1000)
    model.fit(x, y)
    names = [None] * len(index)
    for f, k in index.items():
        names[k] = f
    weights = {}
    coef = model.coef_
    for r, tag in enumerate(model.classes_):
        row = coef[r]
        for k in row.nonzero()[0]:
            weights[(names[k], str(tag))] = float(row[k])
    log(f"{learner} C={c}: {len(y)} tokens, {len(index)} features, {len(weights)} weights")
    return weights


def learn(trn, a, log):
    """The weights the chosen learner gives for the sentences trn."""
    if a.learner == "perceptron":
        avg = {}
        for r in range(a.runs):
            log(f"run {r + 1}/{a.runs}")
            for key, w in train(trn, a.epochs, a.seed + r, log).items():
                avg[key] = avg.get(key, 0.0) + w / a.runs
        return avg
    return train_sklearn(trn, a.learner, a.c, a.seed, log)


def scores_of(model, order, feats):
    """Tag scores of a token's features under model {feature: {tag: weight}}, as C sums them."""
    s = dict.fromkeys(order, 0.0)
    for f in feats:
        ws = model.get(f)
        if ws:
            for t, v in ws.items():
                s[t] += v
    return s


def scorer_of(model, order):
    return lambda feats: scores_of(model, order, feats)


def as_model(kept):
    model = {}
    for (f, t), w in kept:
        model.setdefault(f, {})[t] = float(fmt(w))
    return model


def fmt(w):
    s = "%.3g" % w
    return "0" if s in ("-0", "0") else s


def prune(avg, max_bytes):
    """The weights of largest magnitude whose lines fit in max_bytes."""
    items = sorted(avg.items(), key=lambda kv: (-abs(kv[1]), kv[0]))
    keep, size = [], len(HEADER.encode())
    for (f, t), w in items:
        line = f"{f}\t{t}\t{fmt(w)}\n"
        n = len(line.encode())
        if size + n > max_bytes:
            break
        if fmt(w) == "0":
            continue
        keep.append(((f, t), w))
        size += n
    return sorted(keep)


HEADER = ("# newsgraph named-entity tagger model (a linear model: see data/models/SOURCE.md), written by scripts/train-tagger.py.\n"
          "# feature<TAB>tag<TAB>weight; see data/README.md (models/) and data/models/SOURCE.md.\n")


def load_model(path):
    w = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            feat, tag, weight = line.split("\t")
            w.setdefault(feat, {})[tag] = w.get(feat, {}).get(tag, 0.0) + float(weight)
    return w


def spans(tags):
    """Outer spans as ner_score.py reads them."""
    out, start, typ = set(), None, None
    for i, t in enumerate(tags + ["O"]):
        b, _, ty = t.partition("-")
        if ty not in TYPES:
            b, ty = "O", None
        if start is not None and (b != "I" or ty != typ):
            out.add((start, i, typ))
            start = None
        if b == "B" or (b == "I" and start is None):
            start, typ = i, ty
    return out


def evaluate(sents, predicted, subset):
    stats = {t: [0, 0, 0] for t in TYPES}
    n = 0
    for (src, tokens), pred in zip(sents, predicted):
        wiki = "wikipedia.org" in src
        if (subset == "news" and wiki) or (subset == "wiki" and not wiki):
            continue
        n += 1
        g, p = spans([x[0] for x in tokens]), spans(pred)
        for s in g & p:
            stats[s[2]][0] += 1
        for s in p - g:
            stats[s[2]][1] += 1
        for s in g - p:
            stats[s[2]][2] += 1

    def prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    lines = []
    for t in TYPES:
        p, r, f = prf(*stats[t])
        lines.append(f"  {t:4} P {p:.3f} R {r:.3f} F1 {f:.3f}  (tp {stats[t][0]} fp {stats[t][1]} fn {stats[t][2]})")
    tot = [sum(s[k] for s in stats.values()) for k in range(3)]
    p, r, f = prf(*tot)
    lines.append(f"  all  P {p:.3f} R {r:.3f} F1 {f:.3f}  over {n} sentences ({subset})")
    return f, lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ng", default=os.environ.get("NG") or os.path.join(ROOT, "build", "newsgraph"),
                    help="newsgraph binary (default: $NG or build/newsgraph)")
    ap.add_argument("--data", default=os.path.join(ROOT, "data"), help="lexicon folder (default: data/)")
    ap.add_argument("--dev", default=os.path.join(ROOT, "..", "shared", "data", "germeval2014", "NER-de-dev.tsv"),
                    help="GermEval 2014 dev file (default: ../shared/data/germeval2014/NER-de-dev.tsv)")
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "models", "ner-de.tsv"),
                    help="model to write (default: data/models/ner-de.tsv)")
    ap.add_argument("--learner", choices=("svm", "logreg", "perceptron"), default="svm",
                    help="svm (default), logreg (both scikit-learn) or perceptron (standard library)")
    ap.add_argument("--c", type=float, default=0.1,
                    help="inverse regularisation strength of svm and logreg (default: 0.1)")
    ap.add_argument("--epochs", type=int, default=6, help="perceptron: passes over the training part (default: 6)")
    ap.add_argument("--runs", type=int, default=3, help="perceptron: runs with other sentence orders, averaged (default: 3)")
    ap.add_argument("--seed", type=int, default=20140901, help="random seed (default: 20140901)")
    ap.add_argument("--max-bytes", type=int, default=2900000, help="largest model file (default: 2900000)")
    ap.add_argument("--cv", type=int, default=0, metavar="K",
                    help="also K-fold cross-validation over the train part (default: none)")
    a = ap.parse_args()
    if "NER-de-test" in os.path.basename(a.dev):
        sys.exit("train-tagger: the test file is never used for training or tuning")
    t0 = time.time()
    log = lambda m: print(m, file=sys.stderr, flush=True)
    cmd = [a.ng, "tag", "--germeval", a.dev, "--data", a.data, "--features"]
    log("features: " + " ".join(cmd))
    res = subprocess.run(cmd, stdout=subprocess.PIPE, check=True)
    sents = read_features(res.stdout.decode("utf-8"))
    trn = [s for k, s in enumerate(sents) if not is_tune(k)]
    tune = [s for k, s in enumerate(sents) if is_tune(k)]
    log(f"{len(sents)} sentences: {len(trn)} for training, {len(tune)} for tuning "
        f"({sum(len(s[1]) for s in trn)} / {sum(len(s[1]) for s in tune)} tokens)")
    if a.cv > 1:
        figures = {"all": [], "news": []}
        for j in range(a.cv):
            fit = [s for i, s in enumerate(trn) if i % a.cv != j]
            held = [s for i, s in enumerate(trn) if i % a.cv == j]
            kept = prune(learn(fit, a, log), a.max_bytes)
            order = tag_order(t for (_, t), _ in kept)
            pred = [decode(tokens, scorer_of(as_model(kept), order), order) for _, tokens in held]
            for subset in figures:
                figures[subset].append(evaluate(held, pred, subset)[0])
            log(f"fold {j + 1}/{a.cv}: F1 all {figures['all'][-1]:.3f} news {figures['news'][-1]:.3f}")
        for subset, fs in figures.items():
            print(f"{a.cv}-fold cross-validation on the train part, {subset}: mean F1 {sum(fs) / len(fs):.3f} "
                  f"(" + " ".join(f"{f:.3f}" for f in fs) + ")")
    avg = learn(trn, a, log)
    kept = prune(avg, a.max_bytes)
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    tmp = a.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        for (feat, tag), w in kept:
            f.write(f"{feat}\t{tag}\t{fmt(w)}\n")
    os.replace(tmp, a.out)
    log(f"wrote {a.out}: {len(kept)} of {len(avg)} weights, {len({k[0] for k, _ in kept})} features, "
        f"{os.path.getsize(a.out)} bytes")
    # The figures, on the tune part, with the model as written (what C reads).
    model = load_model(a.out)
    order = tag_order(t for ws in model.values() for t in ws)
    pred = [decode(tokens, scorer_of(model, order), order) for _, tokens in tune]
    for subset in ("all", "news"):
        f1, lines = evaluate(tune, pred, subset)
        print(f"tune part, {subset}: F1 {f1:.3f}")
        print("\n".join(lines))
    print(f"trained in {time.time() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
