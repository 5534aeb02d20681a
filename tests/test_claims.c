/* The claims view: filters (--about, --by, --numbers, --doc, --stance), the
 * order of the rows, and conflicts between numbers — first on a store built
 * from German texts written for this test, then on a graph built by hand to
 * pin down grouping, overlap and ordering. */
#include <glib.h>
#include <math.h>

#include "check.h"
#include "lexicon_fixture.h"
#include "newsgraph/claims.h"
#include "newsgraph/extract.h"
#include "newsgraph/graph.h"
#include "newsgraph/store.h"
#include "tmpdir.h"

static ng_lexicon *lex;

static ng_status add(ng_store *s, const char *id, const char *text)
{
    ng_document d;
    ng_extraction x;
    ng_errmsg err;
    ng_add_result res;
    ng_status st = ng_document_from_bytes(id, id, text, strlen(text), 0, &d, &err);
    if (st)
        return st;
    st = ng_extract(lex, &d, &x, &err);
    if (!st)
        st = ng_store_add_document(s, &d, &x, 0, &res, &err);
    ng_extraction_clear(&x);
    ng_document_clear(&d);
    return st;
}

/* Lists with a filter; returns the number of rows (or -1 on failure). */
static long list(const ng_graph *g, ng_claims_filter f, ng_claim_row **rows, ng_status *st)
{
    size_t n = 0;
    ng_errmsg err = {{0}};
    *rows = NULL;
    *st = ng_claims_list(g, &f, rows, &n, &err);
    return *st ? -1 : (long)n;
}

static int row_is(const ng_graph *g, const ng_claim_row *r, const char *id)
{
    return !strcmp(g->nodes[r->node].id, id);
}

static int has_speaker_like(const ng_graph *g, const ng_claim_row *r, const char *part)
{
    for (size_t i = 0; i < r->nspeakers; i++)
        if (strstr(g->nodes[r->speakers[i]].id, part))
            return 1;
    return 0;
}

static int rows_have(const ng_graph *g, const ng_claim_row *rows, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (row_is(g, &rows[i], id))
            return 1;
    return 0;
}

static void test_store(void)
{
    char *dir = test_tmpdir("claims");
    gchar *db = g_build_filename(dir, "c.db", NULL);
    ng_store *s = NULL;
    ng_errmsg err;
    CHECK(ng_store_open(db, 0, &s, &err) == NG_OK);
    /* Two reports with different numbers of North Korean soldiers, and a third
     * carried by an agency, with a denial. */
    CHECK(add(s, "a",
              "Nordkoreanische Truppen in Russland\n\n"
              "Laut dem Pentagon sind rund 10.000 nordkoreanische Soldaten in Russland. "
              "Verteidigungsminister Lloyd Austin sagte am 23. Oktober, die Soldaten würden in der Region "
              "Kursk ausgebildet.\n") == NG_OK);
    CHECK(add(s, "b",
              "Kiew nennt höhere Zahl\n\n"
              "Der ukrainische Geheimdienst sprach von 12.000 Soldaten aus Nordkorea. "
              "Präsident Wolodymyr Selenskyj sagte, Russland bereite sich auf einen Einsatz vor. "
              "Der Kreml wies die Berichte zurück.\n") == NG_OK);
    CHECK(add(s, "c",
              "Seoul meldet Truppenbewegung\n\n"
              "Wie die Nachrichtenagentur Yonhap unter Berufung auf den Geheimdienst NIS berichtete, wurden "
              "1500 Soldaten verlegt. Der Kreml bestritt, dass nordkoreanische Soldaten in Russland seien.\n") ==
          NG_OK);
    ng_graph g;
    CHECK(ng_graph_load(s, &g, &err) == NG_OK);
    ng_store_close(s);

    ng_claim_row *rows;
    ng_status st;
    ng_claims_filter f = {0};

    /* Everything, by document and then offset. */
    long n = list(&g, f, &rows, &st);
    CHECK(n >= 6);
    for (long i = 1; i < n; i++) {
        const ng_node *p = &g.nodes[rows[i - 1].node], *q = &g.nodes[rows[i].node];
        int c = strcmp(p->doc, q->doc);
        CHECK(c < 0 || (c == 0 && p->start < q->start));
    }
    CHECK(n > 0 && row_is(&g, &rows[0], "claim:a:1"));
    for (long i = 0; i < n; i++)
        CHECK(rows[i].doc_node != NG_CLAIMS_NONE && g.nodes[rows[i].doc_node].type == NG_NODE_DOCUMENT);
    ng_claim_rows_free(rows, (size_t)(n > 0 ? n : 0));

    /* --numbers: the three claims that give a number, with their owners. */
    f = (ng_claims_filter){.numbers = 1};
    n = list(&g, f, &rows, &st);
    CHECK(n == 3);
    if (n == 3) {
        CHECK(row_is(&g, &rows[0], "claim:a:1") && row_is(&g, &rows[1], "claim:b:1") &&
              row_is(&g, &rows[2], "claim:c:1"));
        CHECK(rows[0].nnumbers == 1 && rows[0].numbers[0].nowners == 1 &&
              !strcmp(g.nodes[rows[0].numbers[0].owners[0]].id, "country:nordkorea"));
        const ng_node *q = &g.nodes[rows[1].numbers[0].node];
        CHECK_NUM(q->low, 12000);
        CHECK_STR(q->unit, "Soldat");
        CHECK(rows[2].nnumbers == 1 && rows[2].numbers[0].nowners == 0);
    }
    ng_claim_rows_free(rows, (size_t)(n > 0 ? n : 0));

    /* --about: by a name, case-insensitively; mentions or owner of a number. */
    f = (ng_claims_filter){.about = "nordkorea"};
    n = list(&g, f, &rows, &st);
    CHECK(n >= 2);
    CHECK(rows_have(&g, rows, (size_t)n, "claim:a:1") && rows_have(&g, rows, (size_t)n, "claim:b:1"));
    CHECK(!rows_have(&g, rows, (size_t)n, "claim:a:2") && !rows_have(&g, rows, (size_t)n, "claim:c:1"));
    ng_claim_rows_free(rows, (size_t)(n > 0 ? n : 0));

    /* --by: the speaker, or the outlet that carried it. */
    f = (ng_claims_filter){.by = "Pentagon"};
    n = list(&g, f, &rows, &st);
    CHECK(n == 1 && row_is(&g, &rows[0], "claim:a:1"));
    ng_claim_rows_free(rows, (size_t)(n > 0 ? n : 0));
    f = (ng_claims_filter){.by = "Yonhap"};
    n = list(&g, f, &rows, &st);
    CHECK(n == 1 && row_is(&g, &rows[0], "claim:c:1"));
    if (n == 1)
        CHECK(rows[0].noutlets == 1 && !strcmp(g.nodes[rows[0].outlets[0]].label, "Yonhap"));
    ng_claim_rows_free(rows, (size_t)(n > 0 ? n : 0));

    /* --stance with --by; --doc. */
    f = (ng_claims_filter){.by = "Kreml", .stance = NG_CLAIMS_DENY};
    n = list(&g, f, &rows, &st);
    CHECK(n == 2 && row_is(&g, &rows[0], "claim:b:3") && row_is(&g, &rows[1], "claim:c:2"));
    ng_claim_rows_free(rows, (size_t)(n > 0 ? n : 0));
    f = (ng_claims_filter){.by = "Kreml", .stance = NG_CLAIMS_ASSERT};
    CHECK(list(&g, f, &rows, &st) == 0 && rows == NULL);
    f = (ng_claims_filter){.doc = "b"};
    n = list(&g, f, &rows, &st);
    CHECK(n == 3);
    for (long i = 0; i < n; i++)
        CHECK_STR(g.nodes[rows[i].node].doc, "b");
    ng_claim_rows_free(rows, (size_t)(n > 0 ? n : 0));

    /* Unknown entity or document: a clear failure. */
    f = (ng_claims_filter){.about = "Atlantis"};
    CHECK(list(&g, f, &rows, &st) == -1 && st == NG_ERR_NOTFOUND);
    f = (ng_claims_filter){.doc = "zzz"};
    CHECK(list(&g, f, &rows, &st) == -1 && st == NG_ERR_NOTFOUND);

    /* The conflict: Soldat of Nordkorea, 10.000 (Pentagon) against 12.000
     * (the Ukrainian intelligence service); the 1500 of c have no owner. */
    f = (ng_claims_filter){.numbers = 1};
    n = list(&g, f, &rows, &st);
    ng_conflict_group *groups = NULL;
    size_t ng = 0;
    CHECK(ng_claims_conflicts(&g, rows, (size_t)(n > 0 ? n : 0), &groups, &ng, &err) == NG_OK);
    CHECK(ng == 1);
    if (ng == 1) {
        const ng_conflict_group *grp = &groups[0];
        CHECK_STR(grp->unit, "Soldat");
        CHECK_STR(grp->owner_label, "Nordkorea");
        CHECK(grp->doc == NULL);
        CHECK(grp->nvalues == 2 && grp->nitems == 2);
        CHECK_NUM(grp->values[0].low, 10000);
        CHECK_NUM(grp->values[1].low, 12000);
        CHECK(grp->relation == NG_CONFLICT_DISJOINT);
        if (grp->nitems == 2) {
            const ng_claim_row *r0 = &rows[grp->items[0].row], *r1 = &rows[grp->items[1].row];
            CHECK(has_speaker_like(&g, r0, "pentagon"));
            CHECK(has_speaker_like(&g, r1, "geheimdienst"));
            CHECK(grp->items[0].value == 0 && grp->items[1].value == 1);
        }
    }
    ng_conflict_groups_free(groups, ng);
    ng_claim_rows_free(rows, (size_t)(n > 0 ? n : 0));

    /* Filters choose what is compared: Pentagon alone has no conflict. */
    f = (ng_claims_filter){.numbers = 1, .by = "Pentagon"};
    n = list(&g, f, &rows, &st);
    CHECK(ng_claims_conflicts(&g, rows, (size_t)(n > 0 ? n : 0), &groups, &ng, &err) == NG_OK);
    CHECK(ng == 0 && groups == NULL);
    ng_claim_rows_free(rows, (size_t)(n > 0 ? n : 0));

    ng_graph_clear(&g);
    g_free(db);
    g_free(dir);
}

/* ---- a graph built by hand ---- */

typedef struct hg {
    ng_graph g;
    size_t cap;
    GPtrArray *edge_spec; /* "type\tsource\ttarget\tdoc" */
} hg;

static ng_node *hnode(hg *h, const char *id, ng_node_type type, const char *label)
{
    h->g.nodes = realloc(h->g.nodes, (h->g.nnodes + 1) * sizeof *h->g.nodes);
    ng_node *n = &h->g.nodes[h->g.nnodes++];
    memset(n, 0, sizeof *n);
    n->id = strdup(id);
    n->type = type;
    n->label = strdup(label);
    return n;
}

static void hentity(hg *h, const char *id, ng_node_type type, const char *label, const char *alias)
{
    ng_node *n = hnode(h, id, type, label);
    if (alias) {
        n->aliases.items = malloc(sizeof(char *));
        n->aliases.items[0] = strdup(alias);
        n->aliases.n = 1;
    }
}

static void hdoc(hg *h, const char *doc)
{
    gchar *id = g_strdup_printf("document:%s", doc);
    ng_node *n = hnode(h, id, NG_NODE_DOCUMENT, doc);
    n->doc = strdup(doc);
    n->title = strdup("");
    g_free(id);
}

static void hclaim(hg *h, const char *doc, int k, long start, const char *stance)
{
    gchar *id = g_strdup_printf("claim:%s:%d", doc, k);
    ng_node *n = hnode(h, id, NG_NODE_CLAIM, id);
    n->doc = strdup(doc);
    n->text = strdup(id);
    n->start = start;
    n->end = start + 10;
    n->stance = strdup(stance);
    n->date = strdup("");
    g_free(id);
}

static void hqty(hg *h, const char *doc, int k, long start, int has_value, double low, double high,
                 const char *qual, const char *unit)
{
    gchar *id = g_strdup_printf("quantity:%s:%d", doc, k);
    ng_node *n = hnode(h, id, NG_NODE_QUANTITY, id);
    n->doc = strdup(doc);
    n->text = strdup(id);
    n->start = start;
    n->has_value = has_value;
    n->low = low;
    n->high = high;
    n->qualifier = strdup(qual);
    n->unit = strdup(unit);
    g_free(id);
}

static void hedge(hg *h, ng_edge_type t, const char *src, const char *dst, const char *doc)
{
    g_ptr_array_add(h->edge_spec, g_strdup_printf("%d\t%s\t%s\t%s", (int)t, src, dst, doc));
}

static int cmp_node_id(const void *a, const void *b)
{
    return strcmp(((const ng_node *)a)->id, ((const ng_node *)b)->id);
}

/* Sorts the nodes by id as ng_graph_load does and adds the edges. */
static void hfinish(hg *h)
{
    qsort(h->g.nodes, h->g.nnodes, sizeof *h->g.nodes, cmp_node_id);
    h->g.edges = calloc(h->edge_spec->len, sizeof *h->g.edges);
    for (guint i = 0; i < h->edge_spec->len; i++) {
        gchar **p = g_strsplit(h->edge_spec->pdata[i], "\t", 4);
        ng_edge *e = &h->g.edges[h->g.nedges++];
        e->type = (ng_edge_type)atoi(p[0]);
        e->source = ng_graph_find_node(&h->g, p[1]);
        e->target = ng_graph_find_node(&h->g, p[2]);
        CHECK(e->source != (size_t)-1 && e->target != (size_t)-1);
        e->doc = strdup(p[3]);
        e->id = g_strdup_printf("%s:%s", p[0], (char *)h->edge_spec->pdata[i]);
        char *tmp = strdup(e->id);
        g_free(e->id);
        e->id = tmp;
        g_strfreev(p);
    }
    g_ptr_array_free(h->edge_spec, TRUE);
    igraph_empty(&h->g.ig, (igraph_integer_t)h->g.nnodes, IGRAPH_DIRECTED);
}

static void test_hand_built(void)
{
    hg h = {0};
    h.edge_spec = g_ptr_array_new_with_free_func(g_free);
    hentity(&h, "country:nordkorea", NG_NODE_COUNTRY, "Nordkorea", NULL);
    hentity(&h, "country:russland", NG_NODE_COUNTRY, "Russland", NULL);
    hentity(&h, "person:kim-jong-un", NG_NODE_PERSON, "Kim Jong-un", "Kim");
    hentity(&h, "person:kim-yo-jong", NG_NODE_PERSON, "Kim Yo-jong", "Kim");
    hentity(&h, "organization:nis", NG_NODE_ORGANIZATION, "NIS", NULL);
    hentity(&h, "media:yonhap", NG_NODE_MEDIA, "Yonhap", NULL);
    hdoc(&h, "d1");
    hdoc(&h, "d2");
    /* d1: three values of Soldat of Nordkorea; 1: approx 10000 (NIS, cited by
     * Yonhap), 2: 10000-12000, 3: at least 20000. */
    hclaim(&h, "d1", 2, 50, "assert");
    hclaim(&h, "d1", 1, 10, "assert");
    hclaim(&h, "d1", 3, 90, "deny");
    hqty(&h, "d1", 1, 12, 1, 10000, 10000, "approx", "Soldat");
    hqty(&h, "d1", 2, 52, 1, 10000, 12000, "range", "Soldat");
    hqty(&h, "d1", 3, 92, 1, 20000, 20000, "at_least", "Soldat");
    /* ownerless numbers of d1: Panzer 14 and 31 (a conflict within d1), a
     * duration and a unitless number (never compared) */
    hqty(&h, "d1", 4, 20, 1, 14, 14, "exact", "Panzer");
    hqty(&h, "d1", 5, 60, 1, 31, 31, "exact", "Panzer");
    hqty(&h, "d1", 6, 22, 1, 3, 3, "exact", "Tag");
    hqty(&h, "d1", 7, 62, 1, 4, 4, "exact", "Tag");
    hqty(&h, "d1", 8, 24, 1, 5, 5, "exact", "");
    hqty(&h, "d1", 9, 64, 1, 6, 6, "exact", "");
    hedge(&h, NG_EDGE_SAID, "organization:nis", "claim:d1:1", "d1");
    hedge(&h, NG_EDGE_CITES, "media:yonhap", "organization:nis", "d1");
    hedge(&h, NG_EDGE_SAID, "person:kim-jong-un", "claim:d1:2", "d1");
    hedge(&h, NG_EDGE_SAID, "person:kim-yo-jong", "claim:d1:3", "d1");
    const char *states[][2] = {{"claim:d1:1", "quantity:d1:1"}, {"claim:d1:2", "quantity:d1:2"},
                               {"claim:d1:3", "quantity:d1:3"}, {"claim:d1:1", "quantity:d1:4"},
                               {"claim:d1:2", "quantity:d1:5"}, {"claim:d1:1", "quantity:d1:6"},
                               {"claim:d1:2", "quantity:d1:7"}, {"claim:d1:1", "quantity:d1:8"},
                               {"claim:d1:2", "quantity:d1:9"}};
    for (size_t i = 0; i < sizeof states / sizeof states[0]; i++)
        hedge(&h, NG_EDGE_STATES, states[i][0], states[i][1], "d1");
    for (int k = 1; k <= 3; k++) {
        gchar *q = g_strdup_printf("quantity:d1:%d", k);
        hedge(&h, NG_EDGE_QUANTITY_OF, q, "country:nordkorea", "d1");
        g_free(q);
    }
    hedge(&h, NG_EDGE_QUANTITY_OF, "quantity:d1:8", "country:russland", "d1");
    hedge(&h, NG_EDGE_QUANTITY_OF, "quantity:d1:9", "country:russland", "d1");
    /* d2: Panzer 50 without owner (not compared with d1's Panzer); Russland's
     * Mensch: at most 100 against 500 (disjoint) and 500 again (same value). */
    hclaim(&h, "d2", 1, 5, "assert");
    hclaim(&h, "d2", 2, 40, "assert");
    hclaim(&h, "d2", 3, 80, "assert");
    hqty(&h, "d2", 1, 7, 1, 50, 50, "exact", "Panzer");
    hqty(&h, "d2", 2, 42, 1, 100, 100, "at_most", "Mensch");
    hqty(&h, "d2", 3, 82, 1, 500, 500, "exact", "Mensch");
    hqty(&h, "d2", 4, 84, 1, 500, 500, "approx", "Mensch");
    hqty(&h, "d2", 5, 9, 0, 0, 0, "approx", "Mensch");
    hedge(&h, NG_EDGE_STATES, "claim:d2:1", "quantity:d2:1", "d2");
    hedge(&h, NG_EDGE_STATES, "claim:d2:1", "quantity:d2:5", "d2");
    hedge(&h, NG_EDGE_STATES, "claim:d2:2", "quantity:d2:2", "d2");
    hedge(&h, NG_EDGE_STATES, "claim:d2:3", "quantity:d2:3", "d2");
    hedge(&h, NG_EDGE_STATES, "claim:d2:3", "quantity:d2:4", "d2");
    for (int k = 2; k <= 4; k++) {
        gchar *q = g_strdup_printf("quantity:d2:%d", k);
        hedge(&h, NG_EDGE_QUANTITY_OF, q, "country:russland", "d2");
        g_free(q);
    }
    hedge(&h, NG_EDGE_MENTIONS, "claim:d2:1", "person:kim-jong-un", "d2");
    hfinish(&h);
    const ng_graph *g = &h.g;

    ng_claim_row *rows;
    ng_status st;
    ng_errmsg err;
    /* Order: d1 by offset (1, 2, 3), then d2; numbers by offset. */
    long n = list(g, (ng_claims_filter){0}, &rows, &st);
    CHECK(n == 6);
    if (n == 6) {
        CHECK(row_is(g, &rows[0], "claim:d1:1") && row_is(g, &rows[1], "claim:d1:2") &&
              row_is(g, &rows[2], "claim:d1:3") && row_is(g, &rows[3], "claim:d2:1"));
        CHECK(rows[0].nnumbers == 4 && !strcmp(g->nodes[rows[0].numbers[0].node].id, "quantity:d1:1") &&
              !strcmp(g->nodes[rows[0].numbers[3].node].id, "quantity:d1:8"));
        /* Yonhap cites NIS in d1: the outlet of NIS's claim. */
        CHECK(rows[0].noutlets == 1 && !strcmp(g->nodes[rows[0].outlets[0]].id, "media:yonhap"));
    }
    ng_claim_rows_free(rows, (size_t)(n > 0 ? n : 0));

    /* --by an outlet that only cites the speaker. */
    n = list(g, (ng_claims_filter){.by = "yonhap"}, &rows, &st);
    CHECK(n == 1 && row_is(g, &rows[0], "claim:d1:1"));
    ng_claim_rows_free(rows, (size_t)(n > 0 ? n : 0));
    /* --about through the owner of a number only (no mentions edge). */
    n = list(g, (ng_claims_filter){.about = "Russland"}, &rows, &st);
    CHECK(n == 4);
    if (n == 4)
        CHECK(row_is(g, &rows[0], "claim:d1:1") && row_is(g, &rows[1], "claim:d1:2") &&
              row_is(g, &rows[2], "claim:d2:2") && row_is(g, &rows[3], "claim:d2:3"));
    ng_claim_rows_free(rows, (size_t)(n > 0 ? n : 0));
    n = list(g, (ng_claims_filter){.about = "Kim Jong-un"}, &rows, &st);
    CHECK(n == 1 && row_is(g, &rows[0], "claim:d2:1"));
    ng_claim_rows_free(rows, (size_t)(n > 0 ? n : 0));
    /* An ambiguous name fails and lists the candidates; a full label does not. */
    ng_claims_filter amb = {.by = "kim"};
    size_t nn = 0;
    rows = NULL;
    CHECK(ng_claims_list(g, &amb, &rows, &nn, &err) == NG_ERR_INVALID);
    CHECK(strstr(err.text, "person:kim-jong-un") && strstr(err.text, "person:kim-yo-jong"));
    n = list(g, (ng_claims_filter){.by = "KIM YO-JONG"}, &rows, &st);
    CHECK(n == 1 && row_is(g, &rows[0], "claim:d1:3"));
    ng_claim_rows_free(rows, (size_t)(n > 0 ? n : 0));
    /* --stance deny */
    n = list(g, (ng_claims_filter){.stance = NG_CLAIMS_DENY}, &rows, &st);
    CHECK(n == 1 && row_is(g, &rows[0], "claim:d1:3"));
    ng_claim_rows_free(rows, (size_t)(n > 0 ? n : 0));

    /* Conflicts: Soldat/Nordkorea (3 values, partly overlapping) first, then
     * Mensch/Russland (2, disjoint), then Panzer in d1 (2, disjoint); no Tag,
     * no unitless numbers, no Panzer across d1 and d2. */
    n = list(g, (ng_claims_filter){.numbers = 1}, &rows, &st);
    ng_conflict_group *groups = NULL;
    size_t ng = 0;
    CHECK(ng_claims_conflicts(g, rows, (size_t)(n > 0 ? n : 0), &groups, &ng, &err) == NG_OK);
    CHECK(ng == 3);
    if (ng == 3) {
        CHECK_STR(groups[0].unit, "Soldat");
        CHECK_STR(groups[0].owner_label, "Nordkorea");
        CHECK(groups[0].nvalues == 3 && groups[0].nitems == 3);
        /* approx 10000 overlaps 10000-12000; at least 20000 overlaps neither */
        CHECK(groups[0].relation == NG_CONFLICT_PARTLY);
        CHECK_STR(groups[1].unit, "Mensch");
        CHECK_STR(groups[1].owner_label, "Russland");
        CHECK(groups[1].nvalues == 2 && groups[1].nitems == 3);
        CHECK(groups[1].relation == NG_CONFLICT_DISJOINT);
        CHECK_STR(groups[2].unit, "Panzer");
        CHECK_STR(groups[2].owner_label, "");
        CHECK(groups[2].doc && !strcmp(groups[2].doc, "d1"));
        CHECK(groups[2].nvalues == 2);
        /* items by value: 100 (at most), then both 500s */
        const ng_conflict_group *m = &groups[1];
        CHECK_NUM(m->values[0].high, 100);
        CHECK(m->items[0].value == 0 && m->items[1].value == 1 && m->items[2].value == 1);
    }
    ng_conflict_groups_free(groups, ng);
    ng_claim_rows_free(rows, (size_t)(n > 0 ? n : 0));

    /* Overlapping: keep only Kim Jong-un's and NIS's claims (10000, 10000-12000). */
    ng_claim_row *all;
    n = list(g, (ng_claims_filter){.about = "Nordkorea"}, &all, &st);
    CHECK(n == 3);
    if (n == 3) {
        /* (their Panzer, 14 and 31 in d1, make the other group) */
        CHECK(ng_claims_conflicts(g, all, 2, &groups, &ng, &err) == NG_OK);
        CHECK(ng == 2);
        if (ng == 2) {
            CHECK_STR(groups[0].unit, "Panzer");
            CHECK_STR(groups[1].unit, "Soldat");
            CHECK(groups[1].relation == NG_CONFLICT_OVERLAPPING);
        }
        ng_conflict_groups_free(groups, ng);
    }
    ng_claim_rows_free(all, (size_t)(n > 0 ? n : 0));
    CHECK(ng_claims_conflicts(g, NULL, 0, &groups, &ng, &err) == NG_OK && ng == 0);
    CHECK_STR(ng_conflict_relation_name(NG_CONFLICT_DISJOINT), "disjoint");
    ng_graph_clear(&h.g);
}

int main(void)
{
    lex = test_lexicon();
    test_store();
    test_hand_built();
    ng_lexicon_free(lex);
    TEST_DONE();
}
