/* The statistical tagger on tiny models written by the test: loading and its
 * errors, decoding (I- only after B-, extra classes written as O), the rule
 * tags, the features, and the tagger inside the extractor. */
#include <glib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "check.h"
#include "newsgraph/subgraph.h"
#include "lexicon_fixture.h"
#include "newsgraph/extract.h"
#include "newsgraph/segment.h"
#include "newsgraph/tagger.h"
#include "tmpdir.h"

static char *dir;
static ng_lexicon *lex;

static char *write_model(const char *name, const char *text)
{
    char *path = g_build_filename(dir, name, NULL);
    if (!g_file_set_contents(path, text, -1, NULL)) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(1);
    }
    return path;
}

static ng_tagger *load(const char *text, ng_status want, const char *want_msg)
{
    char *path = write_model("model.tsv", text);
    ng_tagger *t = NULL;
    ng_errmsg err = {{0}};
    ng_status st = ng_tagger_load(path, &t, &err);
    CHECK(st == want);
    if (want_msg && !strstr(err.text, want_msg)) {
        fprintf(stderr, "message '%s' lacks '%s'\n", err.text, want_msg);
        ng_test_failures++;
    }
    g_free(path);
    return t;
}

/* Tags space-separated words; returns the tags joined by spaces (static). */
static const char *tag_words(const ng_tagger *t, const char *words)
{
    static char out[1024];
    gchar **w = g_strsplit(words, " ", -1);
    size_t n = g_strv_length(w);
    ng_tag_token *toks = g_new(ng_tag_token, n + 1);
    ng_tag *tags = g_new(ng_tag, n + 1);
    float *margin = g_new(float, n + 1);
    for (size_t i = 0; i < n; i++)
        toks[i] = (ng_tag_token){w[i], strlen(w[i]), NG_RULE_NONE};
    ng_tagger_tag(t, lex, toks, n, tags, margin);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            g_strlcat(out, " ", sizeof out);
        g_strlcat(out, ng_tag_name(tags[i]), sizeof out);
        CHECK(margin[i] >= 0);
    }
    g_free(margin);
    g_free(tags);
    g_free(toks);
    g_strfreev(w);
    return out;
}

static void loading(void)
{
    ng_tagger *t = load("# comment\n\nw=Halmich\tB-PER\t2.5\nb\tO\t1\n", NG_OK, NULL);
    CHECK(t && ng_tagger_nfeatures(t) == 2);
    ng_tagger_free(t);
    load("w=Halmich\tB-PER\n", NG_ERR_FORMAT, "model.tsv:1:");
    load("b\tO\t1\nw=X\tB-PER\tmany\n", NG_ERR_FORMAT, "model.tsv:2:");
    load("b\tO\t1\nb\tB_PER\t1\n", NG_ERR_FORMAT, "'B_PER' is not a tag");
    load("b\tO\t1\tx\n", NG_ERR_FORMAT, "model.tsv:1:");
    ng_tagger *none = NULL;
    ng_errmsg err;
    CHECK(ng_tagger_load("/nonexistent/model.tsv", &none, &err) == NG_ERR_IO && !none);
    CHECK(ng_tag_parse("B-LOC") == NG_TAG_B_LOC && ng_tag_parse("B-LOCderiv") < 0);
    CHECK_STR(ng_tag_type(NG_TAG_I_ORG), "ORG");
    CHECK(ng_tag_type(NG_TAG_O) == NULL);
}

static void decoding(void)
{
    /* O by default; Halmich a person; a word after a person continues it
     * only when the model says so, and never without a B- before. */
    ng_tagger *t = load("b\tO\t1\n"
                        "w=Halmich\tB-PER\t5\n"
                        "w=Halmich\tI-PER\t4\n"
                        "w=Regina\tB-PER\t5\n"
                        "w-1=regina\tI-PER\t3\n"
                        "w=Tor\tI-PER\t10\n"
                        "w=Tor\tB-LOC\t2\n"
                        "w=Mainz\tB-LOCderiv\t5\n",
                        NG_OK, NULL);
    CHECK_STR(tag_words(t, "Zuvor musste Halmich aber gewinnen"), "O O B-PER O O");
    CHECK_STR(tag_words(t, "Regina Halmich siegte"), "B-PER I-PER O");
    /* "Tor" scores I-PER best, but no person comes before: the best allowed tag wins */
    CHECK_STR(tag_words(t, "ein Tor"), "O B-LOC");
    /* a class the benchmark does not count is written as O */
    CHECK_STR(tag_words(t, "in Mainz"), "O O");
    /* no model: O everywhere */
    CHECK_STR(tag_words(NULL, "Regina Halmich"), "O O");
    ng_tagger_free(t);
}

static void rule_tags(void)
{
    /* "Die US-Regierung und Deutschlands Kanzler Olaf Scholz" */
    const char *text = "Die US-Regierung und Deutschlands Kanzler Olaf Scholz";
    uint32_t st[] = {0, 4, 17, 21, 34, 42, 47}, en[] = {3, 16, 20, 33, 41, 46, 53};
    ng_rule_span spans[] = {{4, 6, NG_ENT_COUNTRY, 0},      /* US in US-Regierung */
                            {42, 53, NG_ENT_PERSON, 0},     /* Olaf Scholz */
                            {21, 32, NG_ENT_COUNTRY, 0},    /* Deutschland(s) */
                            {21, 41, NG_ENT_PERSON, 1}};    /* an unnamed source starting at the same place */
    ng_rule_tag out[7];
    ng_rule_tags(text, st, en, 7, spans, 4, out);
    CHECK(out[0] == NG_RULE_NONE);
    CHECK(out[1] == NG_RULE_PART);
    CHECK(out[2] == NG_RULE_NONE);
    CHECK(out[3] == NG_RULE_COUNTRY_B); /* genitive s left out: not a part */
    CHECK(out[4] == NG_RULE_ANON);
    CHECK(out[5] == NG_RULE_PER_B);
    CHECK(out[6] == NG_RULE_PER_I);
    CHECK(ng_rule_tag_of(NG_ENT_COUNTRY, 0, 1, 0, 1) == NG_RULE_DERIV);
    CHECK(ng_rule_tag_of(NG_ENT_MEDIA, 0, 0, 0, 0) == NG_RULE_MEDIA_I);
}

typedef struct seen {
    size_t tokens;
    int sh, w, rule, first;
} seen;

static void on_feature(size_t token, const char *f, void *data)
{
    seen *s = data;
    if (token + 1 > s->tokens)
        s->tokens = token + 1;
    if (token == 1 && !strcmp(f, "sh=Xx"))
        s->sh = 1;
    if (token == 1 && !strcmp(f, "w=Halmich"))
        s->w = 1;
    if (token == 1 && !strcmp(f, "r=PER-B"))
        s->rule = 1;
    if (token == 0 && !strcmp(f, "first"))
        s->first = 1;
}

static void count_feature(size_t token, const char *f, void *data)
{
    (*(size_t *)data)++;
}

/* Empty, huge, invalid and long multi-byte tokens: no crash, every token tagged. */
static void hostile(void)
{
    ng_tagger *t = load("b\tO\t1\nc=X\tB-PER\t2\n", NG_OK, NULL);
    char big[600], umlauts[401], bad[] = "\xff\xfe\xc3";
    memset(big, 'A', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    for (int i = 0; i < 200; i++)
        memcpy(umlauts + 2 * i, "\xc3\x84", 2);
    umlauts[400] = '\0';
    ng_tag_token toks[] = {{"", 0, NG_RULE_NONE},           {big, strlen(big), NG_RULE_PER_B},
                           {bad, strlen(bad), NG_RULE_COUNT}, {umlauts, strlen(umlauts), NG_RULE_NONE},
                           {"-", 1, NG_RULE_PART},          {"Über-Ärger-Ölß", strlen("Über-Ärger-Ölß"), NG_RULE_NONE}};
    size_t n = sizeof toks / sizeof toks[0];
    ng_tag tags[6];
    float margin[6];
    ng_tagger_tag(t, lex, toks, n, tags, margin);
    for (size_t i = 0; i < n; i++)
        CHECK((unsigned)tags[i] < NG_TAG_COUNT);
    size_t count = 0;
    ng_tagger_features(lex, toks, n, count_feature, &count);
    CHECK(count > n);
    ng_tagger_tag(t, lex, toks, 0, tags, margin);
    ng_tagger_free(t);
}

static void features(void)
{
    ng_tag_token toks[] = {{"Regina", 6, NG_RULE_NONE}, {"Halmich", 7, NG_RULE_PER_B}, {".", 1, NG_RULE_NONE}};
    seen s = {0};
    ng_tagger_features(lex, toks, 3, on_feature, &s);
    CHECK(s.tokens == 3 && s.sh && s.w && s.rule && s.first);
}

/* A data folder with the project's lexicons and a tiny model. */
static char *data_with_model(const char *model)
{
    char *d = g_build_filename(dir, "data", NULL);
    char *models = g_build_filename(d, "models", NULL);
    g_mkdir_with_parents(models, 0755);
    const char *parts[] = {"lexicon", "lang"};
    for (int i = 0; i < 2; i++) {
        char *src = g_build_filename(ng_lexicon_default_dir(), parts[i], NULL);
        char *abs = g_canonicalize_filename(src, NULL);
        char *dst = g_build_filename(d, parts[i], NULL);
        if (!g_file_test(dst, G_FILE_TEST_EXISTS) && symlink(abs, dst) != 0) {
            fprintf(stderr, "cannot link %s\n", dst);
            exit(1);
        }
        g_free(dst);
        g_free(abs);
        g_free(src);
    }
    char *path = g_build_filename(models, "ner-de.tsv", NULL);
    g_file_set_contents(path, model, -1, NULL);
    g_free(path);
    g_free(models);
    return d;
}

static long find_entity(const ng_extraction *x, ng_entity_type type, const char *label)
{
    for (size_t i = 0; i < x->nentities; i++)
        if (x->entities[i].type == type && !strcmp(x->entities[i].label, label))
            return (long)i;
    return -1;
}

/* The lexicon of data folder d; exits when it cannot be loaded. */
static ng_lexicon *load_data(const char *d)
{
    ng_lexicon *l = NULL;
    ng_errmsg err;
    if (ng_lexicon_load(d, &l, &err) != NG_OK) {
        fprintf(stderr, "cannot load %s: %s\n", d, err.text);
        exit(1);
    }
    return l;
}

/* Extracts text with l and cache (NULL: none) into doc and x; exits on failure. */
static void extract_text(ng_lexicon *l, ng_extract_cache *cache, const char *text, ng_document *doc,
                         ng_extraction *x)
{
    ng_errmsg err;
    if (ng_document_from_bytes("t", "t.txt", text, strlen(text), 0, doc, &err) != NG_OK ||
        ng_extract_cached(l, cache, doc, x, &err) != NG_OK) {
        fprintf(stderr, "extraction failed: %s\n", err.text);
        exit(1);
    }
}

static void in_extractor(void)
{
    char *d = data_with_model("b\tO\t1\n"
                              "w=Halmich\tB-PER\t5\n"
                              "w=Elbrinxen\tB-LOC\t5\n"
                              "w=Russland\tB-ORG\t50\n"
                              "w=Tageszeitung\tB-ORG\t50\n"
                              "w=Schmidt\tB-ORG\t50\n");
    ng_lexicon *l2 = load_data(d);
    CHECK(ng_lexicon_tagger(l2) != NULL);
    const char *text = "Von Anna Schmidt\n\n"
                       "Zuvor musste Halmich in Elbrinxen aber gegen Russland gewinnen, schrieb die Tageszeitung.\n";
    ng_document doc;
    ng_extraction x;
    extract_text(l2, NULL, text, &doc, &x);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Halmich") >= 0);
    CHECK(find_entity(&x, NG_ENT_PLACE, "Elbrinxen") >= 0);
    /* the lexicon's match stands; an ordinary word and a byline are left alone */
    CHECK(find_entity(&x, NG_ENT_COUNTRY, "Russland") >= 0);
    CHECK(find_entity(&x, NG_ENT_ORGANIZATION, "Russland") < 0);
    CHECK(find_entity(&x, NG_ENT_ORGANIZATION, "Tageszeitung") < 0);
    CHECK(find_entity(&x, NG_ENT_ORGANIZATION, "Schmidt") < 0);
    ng_extraction_clear(&x);
    ng_document_clear(&doc);
    /* taking the model out leaves the rules alone */
    ng_tagger *t = ng_lexicon_take_tagger(l2);
    CHECK(t && !ng_lexicon_tagger(l2));
    ng_tagger_free(t);
    extract_text(l2, NULL, text, &doc, &x);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Halmich") < 0);
    ng_extraction_clear(&x);
    ng_document_clear(&doc);
    ng_lexicon_free(l2);
    g_free(d);
}

/* Places of text under a model that calls "Technology" and "Elbrinxen" places,
 * with the English word list at en. */
/* The data folder d loaded with the English word list en. */
static ng_lexicon *load_data_english(const char *d, const char *en)
{
    g_setenv("NEWSGRAPH_EN_WORDLIST", en, TRUE);
    ng_lexicon *l = load_data(d);
    g_unsetenv("NEWSGRAPH_EN_WORDLIST");
    return l;
}

static int english_places(const char *en, const char *text, const char *label)
{
    char *d = data_with_model("b\tO\t1\nw=Technology\tB-LOC\t50\nw=Elbrinxen\tB-LOC\t50\n");
    ng_lexicon *l = load_data_english(d, en);
    ng_document doc;
    ng_extraction x;
    extract_text(l, NULL, text, &doc, &x);
    int found = find_entity(&x, NG_ENT_PLACE, label) >= 0;
    ng_extraction_clear(&x);
    ng_document_clear(&doc);
    ng_lexicon_free(l);
    g_free(d);
    return found;
}

/* A tagger span of common English words only is not taken for a name; the
 * English word list decides (absent: the span stands). */
static void english_words(void)
{
    char *en = g_build_filename(dir, "english.txt", NULL);
    g_file_set_contents(en, "technology\nreview\n", -1, NULL);
    const char *text = "Der Bericht erschien in Technology und wurde in Elbrinxen gelesen.\n";
    CHECK(!english_places(en, text, "Technology"));
    CHECK(english_places(en, text, "Elbrinxen"));
    char *none = g_build_filename(dir, "no-such-list.txt", NULL);
    CHECK(english_places(none, text, "Technology"));
    /* a word the list also has capitalised is one of its names ("Ford"), and
     * a capitalised entry alone is no common word */
    g_file_set_contents(en, "Technology\ntechnology\n", -1, NULL);
    CHECK(english_places(en, text, "Technology"));
    g_file_set_contents(en, "Technology\n", -1, NULL);
    CHECK(english_places(en, text, "Technology"));
    g_free(none);
    g_free(en);
}

/* English words with an institution noun (data/lang/en/institution_heads.txt):
 * three words or more are a name, an organisation whatever the tagger's
 * type; two common words stay a phrase ("Social Network"). */
static void english_institutions(void)
{
    char *en = g_build_filename(dir, "english.txt", NULL);
    g_file_set_contents(en, "royal\nsociety\nof\nchemistry\nsocial\nnetwork\n", -1, NULL);
    char *d = data_with_model("b\tO\t1\nw=Royal\tB-LOC\t50\nw=Society\tI-LOC\t50\nw=of\tI-LOC\t50\n"
                              "w=Chemistry\tI-LOC\t50\nw=Social\tB-LOC\t50\nw=Network\tI-LOC\t50\n");
    ng_lexicon *l = load_data_english(d, en);
    ng_document doc;
    ng_extraction x;
    extract_text(l, NULL, "Geehrt wurde sie von der Royal Society of Chemistry und vom Social Network.\n", &doc, &x);
    CHECK(find_entity(&x, NG_ENT_ORGANIZATION, "Royal Society of Chemistry") >= 0);
    CHECK(find_entity(&x, NG_ENT_PLACE, "Royal Society of Chemistry") < 0);
    CHECK(find_entity(&x, NG_ENT_PLACE, "Social Network") < 0);
    CHECK(find_entity(&x, NG_ENT_ORGANIZATION, "Social Network") < 0);
    ng_extraction_clear(&x);
    ng_document_clear(&doc);
    ng_lexicon_free(l);
    g_free(d);
    g_free(en);
}

/* The sub-graph of text extracted with cache (NULL: none), as JSON. */
static char *extract_json(ng_lexicon *l, ng_extract_cache *cache, const char *text)
{
    ng_document doc;
    ng_extraction x;
    extract_text(l, cache, text, &doc, &x);
    size_t len = 0;
    char *json = ng_subgraph_to_string(&doc, &x, &len);
    ng_extraction_clear(&x);
    ng_document_clear(&doc);
    return json;
}

/* A cache kept across texts changes nothing: with a model whose sums are
 * exact in any order (rows) and with one whose are not (weights from 1e-30
 * to 1e30: in order), and after the lexicon's tagger is taken out. */
static void cache_same_output(void)
{
    static const char *const models[] = {
        "b\tO\t1\nw=Halmich\tB-PER\t5\nw=Elbrinxen\tB-LOC\t5\nc=X\tB-ORG\t0.5\nc=X\tB-PER\t0.25\n"
        "c=X\tB-LOC\t0.125\nc=X\tI-PER\t0.5\nw-1=in\tB-LOC\t2\nt1=B-PER\tI-PER\t1.5\n",
        "b\tO\t1e-30\nw=Halmich\tB-PER\t1e30\nc=X\tB-ORG\t0.3\nc=X\tB-PER\t0.7\nc=X\tB-LOC\t0.1\n"
        "c=X\tI-PER\t0.2\nw-1=in\tB-LOC\t2.5\n"};
    static const char *const texts[] = {
        "Zuvor musste Halmich in Elbrinxen aber gegen Russland gewinnen, schrieb die Tageszeitung.\n",
        "Regina Halmich sagte in Bielefeld, Elbrinxen sei schön. Halmich blieb.\n",
        "In Elbrinxen und in Detmold trafen sich Anna Schmidt und Peter Meier.\n",
        "Zuvor musste Halmich in Elbrinxen aber gegen Russland gewinnen, schrieb die Tageszeitung.\n"};
    for (size_t m = 0; m < G_N_ELEMENTS(models); m++) {
        char *d = data_with_model(models[m]);
        ng_lexicon *l = load_data(d);
        ng_extract_cache *cache = ng_extract_cache_new();
        for (int round = 0; round < 2; round++) {
            if (round == 1)
                ng_tagger_free(ng_lexicon_take_tagger(l));
            for (size_t t = 0; t < G_N_ELEMENTS(texts); t++) {
                char *alone = extract_json(l, NULL, texts[t]), *cached = extract_json(l, cache, texts[t]);
                CHECK_STR(cached, alone);
                free(alone);
                free(cached);
            }
        }
        ng_extract_cache_free(cache);
        ng_lexicon_free(l);
        g_free(d);
    }
}

static gint cmp_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Tags the sentences of the example articles with the rule tags given in
 * turn; returns the tags and margins, as text. */
static GString *tag_examples(const ng_tagger *t)
{
    GString *out = g_string_new(NULL);
    char *ex = g_build_filename(ng_lexicon_default_dir(), "..", "examples", NULL);
    GDir *d = g_dir_open(ex, 0, NULL);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    for (const char *f; d && (f = g_dir_read_name(d));)
        if (g_str_has_suffix(f, ".txt"))
            g_ptr_array_add(names, g_strdup(f));
    if (d)
        g_dir_close(d);
    CHECK(names->len > 0);
    g_ptr_array_sort(names, cmp_names);
    size_t turn = 0;
    for (guint f = 0; f < names->len; f++) {
        char *path = g_build_filename(ex, names->pdata[f], NULL), *text = NULL;
        gsize len = 0;
        ng_segmentation seg;
        if (!g_file_get_contents(path, &text, &len, NULL) || ng_segment(lex, text, len, &seg) != NG_OK) {
            fprintf(stderr, "cannot read %s\n", path);
            exit(1);
        }
        for (size_t s = 0; s < seg.nsentences; s++) {
            size_t n = seg.sentences[s].count;
            ng_tag_token *toks = g_new(ng_tag_token, n + 1);
            ng_tag *tags = g_new(ng_tag, n + 1);
            float *margin = g_new(float, n + 1);
            for (size_t i = 0; i < n; i++) {
                const ng_token *tk = &seg.tokens[seg.sentences[s].first + i];
                /* mostly none, as in text */
                ng_rule_tag r = turn % 3 ? NG_RULE_NONE : (ng_rule_tag)(turn / 3 % NG_RULE_COUNT);
                turn++;
                toks[i] = (ng_tag_token){text + tk->start, tk->end - tk->start, r};
            }
            ng_tagger_tag(t, lex, toks, n, tags, margin);
            for (size_t i = 0; i < n; i++)
                g_string_append_printf(out, "%s %.4f\n", ng_tag_name(tags[i]), (double)margin[i]);
            g_free(toks);
            g_free(tags);
            g_free(margin);
        }
        ng_segmentation_clear(&seg);
        g_free(text);
        g_free(path);
    }
    g_ptr_array_free(names, TRUE);
    g_free(ex);
    return out;
}

/* The project's model tags the same when its sums are taken in parts, in
 * fixed point (per spelling, per neighbour, constants) as when its weights
 * are added one by one in feature order as floats: the same model with a
 * weight of 1e30 on a feature no token has has no fixed point.  The margins
 * agree to the model's unit (1e-4): the float sums are off by far less. */
static void sums_in_parts(void)
{
    char *path = g_build_filename(ng_lexicon_default_dir(), "models", "ner-de.tsv", NULL), *model = NULL;
    if (!g_file_get_contents(path, &model, NULL, NULL)) {
        printf("sums_in_parts: %s not found: skipped\n", path);
        g_free(path);
        return;
    }
    ng_tagger *parts = load(model, NG_OK, NULL);
    char *big = g_strconcat(model, "\nno such feature\tO\t1e30\n", NULL);
    ng_tagger *in_order = load(big, NG_OK, NULL);
    CHECK(parts && in_order && ng_tagger_nfeatures(in_order) == ng_tagger_nfeatures(parts) + 1);
    GString *a = tag_examples(parts), *b = tag_examples(in_order);
    CHECK(a->len > 1000 && strcmp(a->str, b->str) == 0);
    g_string_free(a, TRUE);
    g_string_free(b, TRUE);
    ng_tagger_free(parts);
    ng_tagger_free(in_order);
    g_free(big);
    g_free(model);
    g_free(path);
}

int main(void)
{
    dir = test_tmpdir("tagger");
    lex = test_lexicon();
    loading();
    decoding();
    rule_tags();
    features();
    hostile();
    in_extractor();
    english_words();
    english_institutions();
    cache_same_output();
    sums_in_parts();
    ng_lexicon_free(lex);
    TEST_DONE();
}
