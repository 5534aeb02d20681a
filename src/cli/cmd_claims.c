/* newsgraph claims: the claims across documents — who said what, carried by
 * which outlet, with which numbers — and the numbers that disagree. */
#include <getopt.h>
#include <glib.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_cli.h"
#include "newsgraph/claims.h"
#include "newsgraph/export.h"

/* The table is laid out for a terminal this wide. */
#define TABLE_WIDTH 120

static void help(FILE *f)
{
    fprintf(f,
            "usage: newsgraph claims [--db FILE] [--about ENTITY] [--by ENTITY] [--numbers] [--conflicts]\n"
            "                        [--doc ID] [--stance assert|deny] [--format table|json|csv]\n\n"
            "Lists the claims of every document: who said it (speaker), which outlet carried\n"
            "it, its stance, whether it is hedged, its date, the numbers it states (with the\n"
            "counted thing and whose they are), its document and its text.  Claims come by\n"
            "document id, then by their place in the document.\n\n"
            "options:\n"
            "  --about ENTITY     only claims that name ENTITY, or state a number of ENTITY\n"
            "                     (\"12.000 nordkoreanische Soldaten\" is a number of Nordkorea)\n"
            "  --by ENTITY        only claims ENTITY said, or carried as outlet (reported it, or\n"
            "                     cites its speaker in the same document)\n"
            "  --numbers          only claims that state a number\n"
            "  --doc ID           only claims of document ID (the file name without extension)\n"
            "  --stance S         only assertions (assert) or denials (deny)\n"
            "  --conflicts        instead of the claims, the numbers that disagree: claims that\n"
            "                     count the same thing (unit, e.g. Soldat) of the same owner (e.g.\n"
            "                     Nordkorea) with different values, side by side (see below)\n"
            "  --format F         table (default; fits 120 columns, long texts shortened),\n"
            "                     json (a list of objects) or csv (RFC 4180, a header line);\n"
            "                     json and csv carry every text whole\n"
            "  --db FILE          store (default: output/newsgraph.db)\n"
            "  --help             this text\n\n"
            "ENTITY is a node id (person:olaf-scholz), a name or an alias, compared without\n"
            "regard to case; a name several entities answer to fails and lists them.\n\n"
            "Conflicts: numbers with an owner are compared across all documents, by unit and\n"
            "owner; numbers without an owner only within their own document, by unit (the same\n"
            "word in two articles may count different things).  Numbers without a unit or a\n"
            "value (\"mehrere Tausend\") and time spans (Tag, Woche, Jahr ...) are left out.\n"
            "A group is shown when it holds at least two different value ranges (low-high),\n"
            "and called overlapping (every two ranges share a value), partly overlapping, or\n"
            "disjoint (no two do), reading \"mindestens N\" as N or more and \"bis zu N\" as\n"
            "N or less.  Groups with more different values come first.  The other options\n"
            "choose the claims compared.\n\n"
            "Exit status: 0 ok, 1 failure (no store, unknown or ambiguous entity, unknown\n"
            "document), 2 wrong usage.\n");
}

/* ---- text for the table ---- */

/* One line of printable text: control characters and runs of white space
 * become one space, invisible format characters go.  Caller frees. */
static gchar *oneline(const char *s)
{
    gchar *v = g_utf8_make_valid(s ? s : "", -1);
    GString *o = g_string_new(NULL);
    int space = 0;
    for (const gchar *p = v; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isspace(c) || g_unichar_iscntrl(c)) {
            space = o->len > 0;
            continue;
        }
        if (g_unichar_type(c) == G_UNICODE_FORMAT) /* invisible: soft hyphen, bidi marks */
            continue;
        if (space)
            g_string_append_c(o, ' ');
        space = 0;
        g_string_append_unichar(o, c);
    }
    g_free(v);
    return g_string_free(o, FALSE);
}

/* s cut to at most w characters, with "…" where it was cut.  Caller frees. */
static gchar *shorten(const char *s, size_t w)
{
    size_t n = (size_t)g_utf8_strlen(s, -1);
    if (n <= w)
        return g_strdup(s);
    if (w == 0)
        return g_strdup("");
    gchar *head = g_utf8_substring(s, 0, (glong)(w - 1));
    gchar *r = g_strconcat(head, "…", NULL);
    g_free(head);
    return r;
}

typedef struct tcol {
    const char *head;
    size_t cap;   /* most characters (0: no limit) */
    size_t min;   /* may shrink down to this when the line is too long (0: never) */
    int optional; /* left out when every cell is empty */
    int right;    /* right-aligned */
} tcol;

typedef struct tline {
    gchar *section; /* a line of its own (document, conflict group), or NULL */
    gchar **cells;  /* ncols cells when not a section */
} tline;

typedef struct table {
    const tcol *cols;
    size_t ncols;
    size_t last_min; /* the last column gets what is left, at least this */
    GArray *lines;   /* tline */
} table;

static void table_init(table *t, const tcol *cols, size_t ncols, size_t last_min)
{
    t->cols = cols;
    t->ncols = ncols;
    t->last_min = last_min;
    t->lines = g_array_new(FALSE, TRUE, sizeof(tline));
}

/* Takes ownership of text (made one line). */
static void table_section(table *t, gchar *text)
{
    tline l = {oneline(text), NULL};
    g_free(text);
    g_array_append_val(t->lines, l);
}

/* Takes ownership of the ncols strings in cells (each is made one line). */
static void table_row(table *t, gchar **cells)
{
    tline l = {NULL, g_new0(gchar *, t->ncols)};
    for (size_t i = 0; i < t->ncols; i++) {
        l.cells[i] = oneline(cells[i]);
        g_free(cells[i]);
    }
    g_array_append_val(t->lines, l);
}

static void put_cell(const char *s, size_t w, int right, int last)
{
    gchar *c = shorten(s, w);
    size_t cw = ng_cli_width(c);
    if (right)
        for (size_t k = cw; k < w; k++)
            putchar(' ');
    if (last || right)
        fputs(c, stdout);
    else
        ng_cli_pad(stdout, c, w);
    g_free(c);
}

static void print_header(const table *t, const size_t *w, const int *show, size_t last)
{
    fputs("  ", stdout);
    for (size_t i = 0; i < t->ncols; i++) {
        if (!show[i])
            continue;
        put_cell(t->cols[i].head, w[i], t->cols[i].right, i == last);
        fputs(i == last ? "\n" : "  ", stdout);
    }
}

static void table_print(table *t)
{
    size_t *w = g_new0(size_t, t->ncols);
    int *show = g_new0(int, t->ncols);
    for (size_t i = 0; i < t->ncols; i++) {
        w[i] = ng_cli_width(t->cols[i].head);
        show[i] = !t->cols[i].optional;
    }
    for (guint k = 0; k < t->lines->len; k++) {
        const tline *l = &g_array_index(t->lines, tline, k);
        if (l->section)
            continue;
        for (size_t i = 0; i < t->ncols; i++) {
            size_t cw = ng_cli_width(l->cells[i]);
            w[i] = cw > w[i] ? cw : w[i];
            if (cw)
                show[i] = 1;
        }
    }
    size_t last = 0, used = 2;
    for (size_t i = 0; i < t->ncols; i++) {
        if (!show[i])
            continue;
        if (t->cols[i].cap && w[i] > t->cols[i].cap)
            w[i] = t->cols[i].cap;
        last = i;
    }
    for (size_t i = 0; i < last; i++)
        if (show[i])
            used += w[i] + 2;
    /* Too wide: take a character at a time from the widest column that may shrink. */
    while (used + t->last_min > TABLE_WIDTH) {
        size_t best = last;
        for (size_t i = 0; i < last; i++)
            if (show[i] && t->cols[i].min && w[i] > t->cols[i].min && (best == last || w[i] > w[best]))
                best = i;
        if (best == last)
            break;
        w[best]--;
        used--;
    }
    w[last] = used + t->last_min < TABLE_WIDTH ? TABLE_WIDTH - used : t->last_min;
    int header_due = 1;
    for (guint k = 0; k < t->lines->len; k++) {
        const tline *l = &g_array_index(t->lines, tline, k);
        if (l->section) {
            gchar *s = shorten(l->section, TABLE_WIDTH);
            printf("%s%s\n", k ? "\n" : "", s);
            g_free(s);
            header_due = 1;
            continue;
        }
        if (header_due)
            print_header(t, w, show, last);
        header_due = 0;
        fputs("  ", stdout);
        for (size_t i = 0; i < t->ncols; i++) {
            if (!show[i])
                continue;
            put_cell(l->cells[i], w[i], t->cols[i].right, i == last);
            fputs(i == last ? "\n" : "  ", stdout);
        }
    }
    g_free(w);
    g_free(show);
}

static void table_free(table *t)
{
    for (guint k = 0; k < t->lines->len; k++) {
        tline *l = &g_array_index(t->lines, tline, k);
        g_free(l->section);
        if (l->cells) {
            for (size_t i = 0; i < t->ncols; i++)
                g_free(l->cells[i]);
            g_free(l->cells);
        }
    }
    g_array_free(t->lines, TRUE);
}

/* ---- pieces of a claim ---- */

static const char *s_or(const char *s)
{
    return s ? s : "";
}

/* The claim's number within its document (claim:<doc>:<n>). */
static const char *claim_no(const ng_node *c)
{
    const char *p = strrchr(c->id, ':');
    return p ? p + 1 : c->id;
}

static gchar *labels(const ng_graph *g, const size_t *v, size_t n, const char *sep)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < n; i++)
        g_string_append_printf(s, "%s%s", i ? sep : "", s_or(g->nodes[v[i]].label));
    return g_string_free(s, FALSE);
}

static gchar *ids(const ng_graph *g, const size_t *v, size_t n, const char *sep)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < n; i++)
        g_string_append_printf(s, "%s%s", i ? sep : "", g->nodes[v[i]].id);
    return g_string_free(s, FALSE);
}

/* "12000", "10000–12000"; "" for a vague amount. */
static gchar *range_text(const ng_node *q)
{
    if (!q->has_value)
        return g_strdup("");
    char a[32], b[32];
    ng_format_double(q->low, a);
    ng_format_double(q->high, b);
    return strcmp(a, b) ? g_strdup_printf("%s–%s", a, b) : g_strdup(a);
}

/* "10000 (approx)", "10000–12000 (range)". */
static gchar *value_text(const ng_node *q)
{
    gchar *r = range_text(q);
    gchar *v = g_strdup_printf("%s (%s)", *r ? r : "?", s_or(q->qualifier));
    g_free(r);
    return v;
}

/* Speakers, and the outlets after "via". */
static gchar *who_text(const ng_graph *g, const ng_claim_row *r)
{
    gchar *sp = labels(g, r->speakers, r->nspeakers, ", ");
    gchar *ou = labels(g, r->outlets, r->noutlets, ", ");
    gchar *w;
    if (*sp && *ou)
        w = g_strdup_printf("%s via %s", sp, ou);
    else if (*ou)
        w = g_strdup_printf("via %s", ou);
    else
        w = g_strdup(*sp ? sp : "(no speaker)");
    g_free(sp);
    g_free(ou);
    return w;
}

static const char *doc_title(const ng_graph *g, const ng_claim_row *r)
{
    if (r->doc_node == NG_CLAIMS_NONE)
        return "";
    return s_or(g->nodes[r->doc_node].title);
}

/* ---- JSON ---- */

static json_object *json_str_or_null(const char *s)
{
    return s && *s ? json_object_new_string(s) : NULL;
}

static json_object *json_num(double v)
{
    char buf[32];
    ng_format_double(v, buf);
    return json_object_new_double_s(v, buf);
}

static json_object *json_entities(const ng_graph *g, const size_t *v, size_t n)
{
    json_object *a = json_object_new_array();
    for (size_t i = 0; i < n; i++) {
        const ng_node *e = &g->nodes[v[i]];
        json_object *o = json_object_new_object();
        json_object_object_add(o, "id", json_object_new_string(e->id));
        json_object_object_add(o, "label", json_object_new_string(s_or(e->label)));
        json_object_object_add(o, "type", json_object_new_string(ng_node_type_name(e->type)));
        json_object_array_add(a, o);
    }
    return a;
}

static json_object *json_number(const ng_graph *g, const ng_claim_number *num)
{
    const ng_node *q = &g->nodes[num->node];
    json_object *o = json_object_new_object();
    json_object_object_add(o, "id", json_object_new_string(q->id));
    json_object_object_add(o, "text", json_object_new_string(s_or(q->text)));
    json_object_object_add(o, "low", q->has_value ? json_num(q->low) : NULL);
    json_object_object_add(o, "high", q->has_value ? json_num(q->high) : NULL);
    json_object_object_add(o, "qualifier", json_str_or_null(q->qualifier));
    json_object_object_add(o, "unit", json_str_or_null(q->unit));
    json_object_object_add(o, "owners", json_entities(g, num->owners, num->nowners));
    return o;
}

/* The claim's own fields, shared by both JSON outputs. */
static void json_claim_fields(json_object *o, const ng_graph *g, const ng_claim_row *r)
{
    const ng_node *c = &g->nodes[r->node];
    json_object_object_add(o, "doc", json_object_new_string(s_or(c->doc)));
    json_object_object_add(o, "title", json_object_new_string(doc_title(g, r)));
    json_object_object_add(o, "speakers", json_entities(g, r->speakers, r->nspeakers));
    json_object_object_add(o, "outlets", json_entities(g, r->outlets, r->noutlets));
    json_object_object_add(o, "stance", json_object_new_string(s_or(c->stance)));
    json_object_object_add(o, "hedged", json_object_new_boolean(c->hedged));
    json_object_object_add(o, "date", json_str_or_null(c->date));
}

static void json_print(json_object *a)
{
    puts(json_object_to_json_string_ext(a, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE |
                                               JSON_C_TO_STRING_SPACED));
    json_object_put(a);
}

/* ---- CSV ---- */

static void csv_row(const char *const *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            putchar(',');
        ng_cli_csv_field(stdout, f[i]);
    }
    fputs("\r\n", stdout);
}

/* ---- the claims ---- */

enum { F_TABLE, F_JSON, F_CSV };

static void print_claims(const ng_graph *g, const ng_claim_row *rows, size_t n, int format)
{
    if (format == F_JSON) {
        json_object *a = json_object_new_array();
        for (size_t i = 0; i < n; i++) {
            const ng_claim_row *r = &rows[i];
            const ng_node *c = &g->nodes[r->node];
            json_object *o = json_object_new_object();
            json_object_object_add(o, "id", json_object_new_string(c->id));
            json_claim_fields(o, g, r);
            json_object_object_add(o, "quote", json_object_new_boolean(c->quote));
            json_object_object_add(o, "cue", json_str_or_null(c->cue));
            json_object *nums = json_object_new_array();
            for (size_t k = 0; k < r->nnumbers; k++)
                json_object_array_add(nums, json_number(g, &r->numbers[k]));
            json_object_object_add(o, "numbers", nums);
            json_object_object_add(o, "start", json_object_new_int64(c->start));
            json_object_object_add(o, "end", json_object_new_int64(c->end));
            json_object_object_add(o, "text", json_object_new_string(s_or(c->text)));
            json_object_array_add(a, o);
        }
        json_print(a);
        return;
    }
    if (format == F_CSV) {
        static const char *const head[] = {"doc",     "id",         "start",      "end",       "speakers",
                                           "speaker_ids", "outlets", "outlet_ids", "stance",    "hedged",
                                           "quote",   "cue",        "date",       "numbers",   "number_ids",
                                           "lows",    "highs",      "qualifiers", "units",     "owners",
                                           "owner_ids", "title",    "text"};
        enum { NF = sizeof head / sizeof head[0] };
        csv_row(head, NF);
        for (size_t i = 0; i < n; i++) {
            const ng_claim_row *r = &rows[i];
            const ng_node *c = &g->nodes[r->node];
            /* Parallel lists, one item per number: text, id, low, high,
             * qualifier, unit, owners' labels and ids ('+' between owners). */
            GString *nums[8];
            for (int k = 0; k < 8; k++)
                nums[k] = g_string_new(NULL);
            for (size_t k = 0; k < r->nnumbers; k++) {
                const ng_node *q = &g->nodes[r->numbers[k].node];
                char lo[32] = "", hi[32] = "";
                if (q->has_value) {
                    ng_format_double(q->low, lo);
                    ng_format_double(q->high, hi);
                }
                gchar *ol = labels(g, r->numbers[k].owners, r->numbers[k].nowners, "+");
                gchar *oi = ids(g, r->numbers[k].owners, r->numbers[k].nowners, "+");
                const char *parts[8] = {s_or(q->text), q->id, lo, hi, s_or(q->qualifier), s_or(q->unit), ol, oi};
                for (int p = 0; p < 8; p++)
                    g_string_append_printf(nums[p], "%s%s", k ? "|" : "", parts[p]);
                g_free(ol);
                g_free(oi);
            }
            gchar *sp = labels(g, r->speakers, r->nspeakers, "|"), *spi = ids(g, r->speakers, r->nspeakers, "|");
            gchar *ou = labels(g, r->outlets, r->noutlets, "|"), *oui = ids(g, r->outlets, r->noutlets, "|");
            char start[32], end[32];
            snprintf(start, sizeof start, "%ld", c->start);
            snprintf(end, sizeof end, "%ld", c->end);
            const char *f[NF] = {s_or(c->doc),       c->id,           start,           end,
                                 sp,                 spi,             ou,              oui,
                                 s_or(c->stance),    c->hedged ? "true" : "false",
                                 c->quote ? "true" : "false",         s_or(c->cue),    s_or(c->date),
                                 nums[0]->str,       nums[1]->str,    nums[2]->str,    nums[3]->str,
                                 nums[4]->str,       nums[5]->str,    nums[6]->str,    nums[7]->str,
                                 doc_title(g, r),    s_or(c->text)};
            csv_row(f, NF);
            for (int k = 0; k < 8; k++)
                g_string_free(nums[k], TRUE);
            g_free(sp);
            g_free(spi);
            g_free(ou);
            g_free(oui);
        }
        return;
    }
    if (!n) {
        printf("no claims\n");
        return;
    }
    static const tcol cols[] = {{"#", 0, 0, 0, 1},         {"speaker", 20, 19, 0, 0}, {"outlet", 16, 12, 1, 0},
                                {"stance", 0, 0, 0, 0},    {"hedged", 0, 0, 1, 0},    {"date", 10, 0, 1, 0},
                                {"numbers", 28, 14, 1, 0}, {"claim", 0, 0, 0, 0}};
    table t;
    table_init(&t, cols, sizeof cols / sizeof cols[0], 32);
    size_t ndocs = 0;
    for (size_t i = 0; i < n; i++) {
        const ng_claim_row *r = &rows[i];
        const ng_node *c = &g->nodes[r->node];
        if (!i || strcmp(s_or(c->doc), s_or(g->nodes[rows[i - 1].node].doc)) != 0) {
            const char *title = doc_title(g, r);
            table_section(&t, *title ? g_strdup_printf("%s — %s", s_or(c->doc), title) : g_strdup(s_or(c->doc)));
            ndocs++;
        }
        GString *nums = g_string_new(NULL);
        for (size_t k = 0; k < r->nnumbers; k++) {
            const ng_claim_number *num = &r->numbers[k];
            g_string_append_printf(nums, "%s%s", k ? "; " : "", s_or(g->nodes[num->node].text));
            if (num->nowners) {
                gchar *ol = labels(g, num->owners, num->nowners, ", ");
                g_string_append_printf(nums, " [%s]", ol);
                g_free(ol);
            }
        }
        gchar *cells[] = {g_strdup(claim_no(c)),
                          r->nspeakers ? labels(g, r->speakers, r->nspeakers, ", ") : g_strdup("-"),
                          labels(g, r->outlets, r->noutlets, ", "),
                          g_strdup(s_or(c->stance)),
                          g_strdup(c->hedged ? "yes" : ""),
                          g_strdup(s_or(c->date)),
                          g_string_free(nums, FALSE),
                          g_strdup(s_or(c->text))};
        table_row(&t, cells);
    }
    table_print(&t);
    table_free(&t);
    printf("\n%zu claim%s in %zu document%s\n", n, n == 1 ? "" : "s", ndocs, ndocs == 1 ? "" : "s");
}

/* ---- the conflicts ---- */

static gchar *group_title(const ng_conflict_group *grp)
{
    if (grp->nowners)
        return g_strdup_printf("%s of %s", grp->unit, grp->owner_label);
    return g_strdup_printf("%s (no owner; in %s)", grp->unit, s_or(grp->doc));
}

static const char *when_text(const ng_graph *g, const ng_claim_row *r)
{
    const ng_node *c = &g->nodes[r->node];
    if (c->date && *c->date)
        return c->date;
    const char *t = doc_title(g, r);
    return *t ? t : s_or(c->doc);
}

static void print_conflicts(const ng_graph *g, const ng_claim_row *rows, const ng_conflict_group *groups, size_t n,
                            int format)
{
    if (format == F_JSON) {
        json_object *a = json_object_new_array();
        for (size_t i = 0; i < n; i++) {
            const ng_conflict_group *grp = &groups[i];
            json_object *o = json_object_new_object();
            json_object_object_add(o, "unit", json_object_new_string(grp->unit));
            json_object_object_add(o, "owners", json_entities(g, grp->owners, grp->nowners));
            json_object_object_add(o, "doc", json_str_or_null(grp->doc));
            json_object_object_add(o, "distinct_values", json_object_new_int64((int64_t)grp->nvalues));
            json_object_object_add(o, "relation", json_object_new_string(ng_conflict_relation_name(grp->relation)));
            json_object *vals = json_object_new_array();
            for (size_t v = 0; v < grp->nvalues; v++) {
                json_object *vo = json_object_new_object();
                json_object_object_add(vo, "low", json_num(grp->values[v].low));
                json_object_object_add(vo, "high", json_num(grp->values[v].high));
                json_object *st = json_object_new_array();
                for (size_t k = 0; k < grp->nitems; k++) {
                    const ng_conflict_item *it = &grp->items[k];
                    if (it->value != v)
                        continue;
                    const ng_claim_row *r = &rows[it->row];
                    const ng_node *c = &g->nodes[r->node], *q = &g->nodes[r->numbers[it->number].node];
                    json_object *so = json_object_new_object();
                    json_object_object_add(so, "quantity", json_object_new_string(q->id));
                    json_object_object_add(so, "text", json_object_new_string(s_or(q->text)));
                    json_object_object_add(so, "qualifier", json_str_or_null(q->qualifier));
                    json_object_object_add(so, "claim", json_object_new_string(c->id));
                    json_claim_fields(so, g, r);
                    json_object_object_add(so, "claim_text", json_object_new_string(s_or(c->text)));
                    json_object_array_add(st, so);
                }
                json_object_object_add(vo, "statements", st);
                json_object_array_add(vals, vo);
            }
            json_object_object_add(o, "values", vals);
            json_object_array_add(a, o);
        }
        json_print(a);
        return;
    }
    if (format == F_CSV) {
        static const char *const head[] = {"group",    "unit",      "owners",    "owner_ids", "group_doc",
                                           "distinct_values", "relation", "low", "high",     "qualifier",
                                           "text",     "speakers",  "outlets",   "date",      "doc",
                                           "title",    "claim",     "quantity",  "claim_text"};
        enum { NF = sizeof head / sizeof head[0] };
        csv_row(head, NF);
        for (size_t i = 0; i < n; i++) {
            const ng_conflict_group *grp = &groups[i];
            char gno[32], nv[32];
            snprintf(gno, sizeof gno, "%zu", i + 1);
            snprintf(nv, sizeof nv, "%zu", grp->nvalues);
            gchar *oi = ids(g, grp->owners, grp->nowners, "|");
            gchar *ol = labels(g, grp->owners, grp->nowners, "|");
            for (size_t k = 0; k < grp->nitems; k++) {
                const ng_conflict_item *it = &grp->items[k];
                const ng_claim_row *r = &rows[it->row];
                const ng_node *c = &g->nodes[r->node], *q = &g->nodes[r->numbers[it->number].node];
                char lo[32], hi[32];
                ng_format_double(grp->values[it->value].low, lo);
                ng_format_double(grp->values[it->value].high, hi);
                gchar *sp = labels(g, r->speakers, r->nspeakers, "|");
                gchar *ou = labels(g, r->outlets, r->noutlets, "|");
                const char *f[NF] = {gno,      grp->unit,        ol,     oi,        s_or(grp->doc),
                                     nv,       ng_conflict_relation_name(grp->relation), lo, hi,
                                     s_or(q->qualifier), s_or(q->text), sp, ou, s_or(c->date),
                                     s_or(c->doc), doc_title(g, r), c->id, q->id, s_or(c->text)};
                csv_row(f, NF);
                g_free(sp);
                g_free(ou);
            }
            g_free(oi);
            g_free(ol);
        }
        return;
    }
    if (!n) {
        printf("no conflicting numbers\n");
        return;
    }
    static const tcol cols[] = {{"value", 28, 0, 0, 0}, {"who", 30, 12, 0, 0}, {"when", 26, 10, 0, 0},
                                {"where", 0, 0, 0, 0},  {"#", 0, 0, 0, 1},     {"stated as", 0, 0, 0, 0}};
    table t;
    table_init(&t, cols, sizeof cols / sizeof cols[0], 16);
    for (size_t i = 0; i < n; i++) {
        const ng_conflict_group *grp = &groups[i];
        gchar *title = group_title(grp);
        table_section(&t, g_strdup_printf("%s: %zu different values, %s", title, grp->nvalues,
                                          ng_conflict_relation_name(grp->relation)));
        g_free(title);
        for (size_t k = 0; k < grp->nitems; k++) {
            const ng_conflict_item *it = &grp->items[k];
            const ng_claim_row *r = &rows[it->row];
            const ng_node *c = &g->nodes[r->node], *q = &g->nodes[r->numbers[it->number].node];
            gchar *cells[] = {value_text(q),
                              who_text(g, r),
                              g_strdup(when_text(g, r)),
                              g_strdup(s_or(c->doc)),
                              g_strdup(claim_no(c)),
                              g_strdup(s_or(q->text))};
            table_row(&t, cells);
        }
    }
    table_print(&t);
    table_free(&t);
    printf("\n%zu conflict%s\n", n, n == 1 ? "" : "s");
}

int cmd_claims(int argc, char **argv)
{
    enum { O_DB = 256, O_ABOUT, O_BY, O_NUMBERS, O_CONFLICTS, O_DOC, O_STANCE, O_FORMAT, O_HELP };
    static const struct option opts[] = {
        {"db", required_argument, NULL, O_DB},         {"about", required_argument, NULL, O_ABOUT},
        {"by", required_argument, NULL, O_BY},         {"numbers", no_argument, NULL, O_NUMBERS},
        {"conflicts", no_argument, NULL, O_CONFLICTS}, {"doc", required_argument, NULL, O_DOC},
        {"stance", required_argument, NULL, O_STANCE}, {"format", required_argument, NULL, O_FORMAT},
        {"help", no_argument, NULL, O_HELP},           {NULL, 0, NULL, 0}};
    const char *db = "output/newsgraph.db";
    ng_claims_filter filter = {0};
    int conflicts = 0, format = F_TABLE, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case O_DB: db = optarg; break;
        case O_ABOUT: filter.about = optarg; break;
        case O_BY: filter.by = optarg; break;
        case O_NUMBERS: filter.numbers = 1; break;
        case O_CONFLICTS: conflicts = 1; break;
        case O_DOC: filter.doc = optarg; break;
        case O_STANCE:
            if (!strcmp(optarg, "assert"))
                filter.stance = NG_CLAIMS_ASSERT;
            else if (!strcmp(optarg, "deny"))
                filter.stance = NG_CLAIMS_DENY;
            else {
                ng_cli_error("unknown stance '%s' (assert or deny)", optarg);
                return NG_EXIT_USAGE;
            }
            break;
        case O_FORMAT:
            if (!strcmp(optarg, "table"))
                format = F_TABLE;
            else if (!strcmp(optarg, "json"))
                format = F_JSON;
            else if (!strcmp(optarg, "csv"))
                format = F_CSV;
            else {
                ng_cli_error("unknown format '%s' (table, json or csv)", optarg);
                return NG_EXIT_USAGE;
            }
            break;
        case O_HELP: help(stdout); return NG_EXIT_OK;
        default: help(stderr); return NG_EXIT_USAGE;
        }
    }
    if (optind != argc) {
        ng_cli_error("claims takes no arguments ('%s'); see --help", argv[optind]);
        return NG_EXIT_USAGE;
    }
    if ((filter.about && !*filter.about) || (filter.by && !*filter.by) || (filter.doc && !*filter.doc)) {
        ng_cli_error("--about, --by and --doc want a value");
        return NG_EXIT_USAGE;
    }
    if (conflicts)
        filter.numbers = 1;
    ng_graph g;
    if (ng_cli_load_graph(db, &g) != NG_EXIT_OK)
        return NG_EXIT_FAILURE;
    ng_errmsg err = {{0}};
    ng_claim_row *rows = NULL;
    size_t n = 0;
    int rc = NG_EXIT_OK;
    if (ng_claims_list(&g, &filter, &rows, &n, &err) != NG_OK) {
        ng_cli_error("%s", err.text);
        rc = NG_EXIT_FAILURE;
        goto out;
    }
    if (conflicts) {
        ng_conflict_group *groups = NULL;
        size_t ng = 0;
        if (ng_claims_conflicts(&g, rows, n, &groups, &ng, &err) != NG_OK) {
            ng_cli_error("%s", err.text);
            rc = NG_EXIT_FAILURE;
        } else {
            print_conflicts(&g, rows, groups, ng, format);
        }
        ng_conflict_groups_free(groups, ng);
    } else {
        print_claims(&g, rows, n, format);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        ng_cli_error("cannot write the output");
        rc = NG_EXIT_FAILURE;
    }
out:
    ng_claim_rows_free(rows, n);
    ng_graph_clear(&g);
    return rc;
}
