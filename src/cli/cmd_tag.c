/* newsgraph tag: the recogniser on pre-tokenised sentences in GermEval 2014
 * layout, for the public NER benchmark (../shared/eval/ner_score.py), and the
 * training features of the statistical tagger (scripts/train-tagger.py). */
#include <getopt.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "newsgraph/document.h"
#include "newsgraph/extract.h"
#include "newsgraph/lexicon.h"
#include "newsgraph/tagger.h"

static void help(FILE *f)
{
    fprintf(f, "usage: newsgraph tag --germeval FILE [--data DIR] [--model FILE | --rules] [--features] [-o OUT]\n\n"
               "Reads sentences in GermEval 2014 layout ('#' line, then index<TAB>token<TAB>..., a\n"
               "blank line after each sentence) and writes the same layout with the predicted outer\n"
               "tags in the third column: B-/I-PER, B-/I-LOC, B-/I-ORG or O.  The rules recognise\n"
               "first; the statistical tagger (DIR/models/ner-de.tsv) decides with their tags as\n"
               "one of its features.  Without a model, the rules' mentions are written as they are\n"
               "(persons PER, countries and places LOC, country adjectives LOCderiv, organisations\n"
               "and media ORG).\n\n"
               "  --germeval FILE   input (- for standard input)\n"
               "  -o, --output OUT  output (default: standard output)\n"
               "  --data DIR        lexicon folder\n"
               "  --model FILE      use this tagger model instead of DIR/models/ner-de.tsv\n"
               "  --rules           rules only, no tagger model\n"
               "  --features        write, for each token, its gold tag as the benchmark counts it\n"
               "                    (third input column: B-/I- of PER, LOC, ORG, everything else O),\n"
               "                    the third column as it is, and the tagger's features, all\n"
               "                    TAB-separated; '#' lines kept, a blank line after each sentence\n");
}

typedef struct tag_opts {
    const ng_lexicon *lex;
    const ng_tagger *tagger;
    int features;
    FILE *out;
} tag_opts;

static const char *rule_output(ng_rule_tag r, int *begin)
{
    *begin = 1;
    switch (r) {
    case NG_RULE_PER_I: *begin = 0; /* fall through */
    case NG_RULE_PER_B: return "PER";
    case NG_RULE_ORG_I: case NG_RULE_MEDIA_I: *begin = 0; /* fall through */
    case NG_RULE_ORG_B: case NG_RULE_MEDIA_B: return "ORG";
    case NG_RULE_COUNTRY_I: case NG_RULE_PLACE_I: *begin = 0; /* fall through */
    case NG_RULE_COUNTRY_B: case NG_RULE_PLACE_B: return "LOC";
    case NG_RULE_DERIV: return "LOCderiv";
    default: return NULL;
    }
}

/* The gold tag as the benchmark counts it: PER, LOC, ORG outer spans; the
 * -deriv and -part forms and OTH are O there. */
static const char *gold_tag(const char *t)
{
    return t && ng_tag_parse(t) >= 0 ? t : "O";
}

static void print_feature(size_t token, const char *feature, void *data)
{
    FILE *out = data;
    fputc('\t', out);
    fputs(feature, out);
}

typedef struct feature_sink {
    FILE *out;
    GPtrArray *gold;
    size_t current;
} feature_sink;

static void sink_feature(size_t token, const char *feature, void *data)
{
    feature_sink *s = data;
    while (s->current == (size_t)-1 || s->current < token) {
        if (s->current != (size_t)-1)
            fputc('\n', s->out);
        s->current = s->current == (size_t)-1 ? 0 : s->current + 1;
        const char *g = s->gold->pdata[s->current];
        fprintf(s->out, "%s\t%s", gold_tag(g), g);
    }
    print_feature(token, feature, s->out);
}

/* Tags one sentence: joins the tokens with spaces, extracts with the rules,
 * maps their mentions onto the tokens, then lets the tagger decide. */
static void tag_sentence(const tag_opts *o, GPtrArray *lines, GPtrArray *tokens, GPtrArray *gold)
{
    FILE *out = o->out;
    GString *text = g_string_new(NULL);
    size_t n = tokens->len;
    uint32_t *start = g_new(uint32_t, n + 1), *end = g_new(uint32_t, n + 1);
    for (size_t i = 0; i < n; i++) {
        if (i)
            g_string_append_c(text, ' ');
        start[i] = (uint32_t)text->len;
        g_string_append(text, tokens->pdata[i]);
        end[i] = (uint32_t)text->len;
    }
    ng_rule_tag *rules = g_new0(ng_rule_tag, n + 1);
    ng_document doc;
    ng_errmsg err;
    if (n && text->len < UINT32_MAX &&
        ng_document_from_bytes("s", "s", text->str, text->len, 0, &doc, &err) == NG_OK) {
        ng_extraction x;
        /* NFC may move offsets; tokens are compared on the normalised text only when lengths agree */
        if (doc.len == text->len && ng_extract(o->lex, &doc, &x, &err) == NG_OK) {
            ng_rule_span *spans = g_new(ng_rule_span, x.nmentions + 1);
            for (size_t m = 0; m < x.nmentions; m++) {
                const ng_xentity *e = &x.entities[x.mentions[m].entity];
                spans[m] = (ng_rule_span){x.mentions[m].start, x.mentions[m].end, e->type, e->anonymous};
            }
            ng_rule_tags(doc.text, start, end, n, spans, x.nmentions, rules);
            g_free(spans);
            ng_extraction_clear(&x);
        }
        ng_document_clear(&doc);
    }
    for (guint i = 0; i < lines->len; i++)
        fprintf(out, "%s\n", (char *)lines->pdata[i]);
    ng_tag_token *toks = g_new(ng_tag_token, n + 1);
    for (size_t i = 0; i < n; i++)
        toks[i] = (ng_tag_token){tokens->pdata[i], strlen(tokens->pdata[i]), rules[i]};
    if (o->features) {
        feature_sink sink = {out, gold, (size_t)-1};
        ng_tagger_features(o->lex, toks, n, sink_feature, &sink);
        if (n)
            fputc('\n', out);
    } else if (o->tagger) {
        ng_tag *tags = g_new(ng_tag, n + 1);
        ng_tagger_tag(o->tagger, o->lex, toks, n, tags, NULL);
        for (size_t i = 0; i < n; i++)
            fprintf(out, "%zu\t%s\t%s\tO\n", i + 1, (char *)tokens->pdata[i], ng_tag_name(tags[i]));
        g_free(tags);
    } else {
        for (size_t i = 0; i < n; i++) {
            int begin;
            const char *type = rule_output(rules[i], &begin);
            if (type)
                fprintf(out, "%zu\t%s\t%s-%s\tO\n", i + 1, (char *)tokens->pdata[i], begin ? "B" : "I", type);
            else
                fprintf(out, "%zu\t%s\tO\tO\n", i + 1, (char *)tokens->pdata[i]);
        }
    }
    fputc('\n', out);
    g_free(toks);
    g_free(rules);
    g_free(start);
    g_free(end);
    g_string_free(text, TRUE);
}

int cmd_tag(int argc, char **argv)
{
    static const struct option opts[] = {{"germeval", required_argument, NULL, 'g'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"data", required_argument, NULL, 'D'},
                                         {"model", required_argument, NULL, 'm'},
                                         {"rules", no_argument, NULL, 'r'},
                                         {"features", no_argument, NULL, 'f'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *in = NULL, *outp = NULL, *data = NULL, *model = NULL;
    int rules_only = 0, features = 0;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case 'g': in = optarg; break;
        case 'o': outp = optarg; break;
        case 'D': data = optarg; break;
        case 'm': model = optarg; break;
        case 'r': rules_only = 1; break;
        case 'f': features = 1; break;
        case 'h': help(stdout); return NG_EXIT_OK;
        default: help(stderr); return NG_EXIT_USAGE;
        }
    }
    if (!in || optind != argc || (model && rules_only)) {
        help(stderr);
        return NG_EXIT_USAGE;
    }
    ng_errmsg err;
    ng_lexicon *lex = NULL;
    if (ng_lexicon_load(data ? data : ng_lexicon_default_dir(), &lex, &err)) {
        ng_cli_error("%s", err.text);
        return NG_EXIT_FAILURE;
    }
    /* The extractor below must run the rules alone: the tagger is applied
     * here, on the benchmark's tokens, with the rules' tags as features. */
    ng_tagger *tagger = ng_lexicon_take_tagger(lex);
    if (model || rules_only || features) {
        ng_tagger_free(tagger);
        tagger = NULL;
    }
    if (model && ng_tagger_load(model, &tagger, &err)) {
        ng_cli_error("%s", err.text);
        ng_lexicon_free(lex);
        return NG_EXIT_FAILURE;
    }
    FILE *f = strcmp(in, "-") ? fopen(in, "r") : stdin;
    if (!f) {
        ng_cli_error("%s: cannot open", in);
        ng_tagger_free(tagger);
        ng_lexicon_free(lex);
        return NG_EXIT_FAILURE;
    }
    FILE *out = outp ? fopen(outp, "w") : stdout;
    if (!out) {
        ng_cli_error("%s: cannot write", outp);
        if (f != stdin)
            fclose(f);
        ng_tagger_free(tagger);
        ng_lexicon_free(lex);
        return NG_EXIT_FAILURE;
    }
    tag_opts o = {lex, tagger, features, out};
    GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *tokens = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *gold = g_ptr_array_new_with_free_func(g_free);
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    long lineno = 0;
    int rc = NG_EXIT_OK;
    while ((got = getline(&line, &cap, f)) != -1) {
        lineno++;
        while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
            line[--got] = '\0';
        if (!g_utf8_validate(line, got, NULL)) {
            ng_cli_error("%s:%ld: not valid UTF-8", in, lineno);
            rc = NG_EXIT_FAILURE;
            break;
        }
        if (line[0] == '#') {
            g_ptr_array_add(lines, g_strdup(line));
            continue;
        }
        if (!line[0]) {
            if (tokens->len || lines->len)
                tag_sentence(&o, lines, tokens, gold);
            g_ptr_array_set_size(lines, 0);
            g_ptr_array_set_size(tokens, 0);
            g_ptr_array_set_size(gold, 0);
            continue;
        }
        gchar **cols = g_strsplit(line, "\t", 4);
        if (!cols[0] || !cols[1]) {
            ng_cli_error("%s:%ld: expected index<TAB>token", in, lineno);
            g_strfreev(cols);
            rc = NG_EXIT_FAILURE;
            break;
        }
        g_ptr_array_add(tokens, g_strdup(cols[1]));
        g_ptr_array_add(gold, g_strdup(cols[2] ? cols[2] : "O"));
        g_strfreev(cols);
    }
    if (rc == NG_EXIT_OK && (tokens->len || lines->len))
        tag_sentence(&o, lines, tokens, gold);
    free(line);
    g_ptr_array_free(lines, TRUE);
    g_ptr_array_free(tokens, TRUE);
    g_ptr_array_free(gold, TRUE);
    if (f != stdin)
        fclose(f);
    if (out != stdout && fclose(out) != 0)
        rc = NG_EXIT_FAILURE;
    ng_tagger_free(tagger);
    ng_lexicon_free(lex);
    return rc;
}
