/* Sub-graphs as JSON lines (written by hand for speed and exact numbers,
 * parsed with json-c), and a store's documents read back as sub-graphs. */
#include "newsgraph/subgraph.h"

#include <glib.h>
#include <json-c/json.h>
#include <limits.h>
#include <math.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "newsgraph/export.h"

/* ---------------------------------------------------------------- writing */

static void put_str_len(GString *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    g_string_append_c(b, '"');
    size_t run = 0; /* bytes that need no escape, appended in one go */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        g_string_append_len(b, s + run, (gssize)(i - run));
        run = i + 1;
        switch (c) {
        case '"': g_string_append(b, "\\\""); break;
        case '\\': g_string_append(b, "\\\\"); break;
        case '\n': g_string_append(b, "\\n"); break;
        case '\t': g_string_append(b, "\\t"); break;
        case '\r': g_string_append(b, "\\r"); break;
        case '\b': g_string_append(b, "\\b"); break;
        case '\f': g_string_append(b, "\\f"); break;
        default: {
            char u[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
            g_string_append(b, u);
        }
        }
    }
    g_string_append_len(b, s + run, (gssize)(n - run));
    g_string_append_c(b, '"');
}

static void put_str(GString *b, const char *s)
{
    if (!s)
        g_string_append(b, "null");
    else
        put_str_len(b, s, strlen(s));
}

/* Shortest form that reads back the same double, in the C locale. */
static void put_num(GString *b, double v)
{
    if (isnan(v)) {
        g_string_append(b, "\"nan\"");
    } else if (isinf(v)) {
        g_string_append(b, v > 0 ? "\"inf\"" : "\"-inf\"");
    } else if (v == 0 && signbit(v)) {
        g_string_append(b, "-0.0");
    } else {
        char buf[32];
        ng_format_double(v, buf);
        g_string_append(b, buf);
    }
}

static void put_key(GString *b, const char *key, int first)
{
    if (!first)
        g_string_append_c(b, ',');
    g_string_append_c(b, '"');
    g_string_append(b, key);
    g_string_append(b, "\":");
}

static void put_bool(GString *b, int v)
{
    g_string_append(b, v ? "true" : "false");
}

static void put_ref(GString *b, const ng_ref *r)
{
    switch (r->kind) {
    case NG_REF_ENTITY: g_string_append_printf(b, "\"e%zu\"", r->index); break;
    case NG_REF_CLAIM: g_string_append_printf(b, "\"c%zu\"", r->index); break;
    case NG_REF_QUANTITY: g_string_append_printf(b, "\"q%zu\"", r->index); break;
    case NG_REF_DOCUMENT: g_string_append(b, "\"d\""); break;
    default: g_string_append(b, "null"); break;
    }
}

char *ng_subgraph_to_string(const ng_document *doc, const ng_extraction *x, size_t *len)
{
    GString *b = g_string_sized_new(doc->len * 2 + 1024);
    g_string_append_printf(b, "{\"newsgraph_subgraph\":%d,\"document\":{", NG_SUBGRAPH_VERSION);
    put_key(b, "id", 1);
    put_str(b, doc->id);
    put_key(b, "path", 0);
    put_str(b, doc->path);
    put_key(b, "sha256", 0);
    put_str(b, doc->sha256);
    put_key(b, "extractor", 0);
    put_str(b, x->extractor);
    put_key(b, "title", 0);
    put_str(b, doc->title);
    put_key(b, "text", 0);
    if (doc->text)
        put_str_len(b, doc->text, doc->len);
    else
        g_string_append(b, "null");
    g_string_append(b, "},\"entities\":[");
    for (size_t i = 0; i < x->nentities; i++) {
        const ng_xentity *e = &x->entities[i];
        g_string_append(b, i ? ",{" : "{");
        put_key(b, "label", 1);
        put_str(b, e->label);
        put_key(b, "key", 0);
        put_str(b, e->key);
        put_key(b, "type", 0);
        put_str(b, ng_entity_type_name(e->type));
        put_key(b, "anonymous", 0);
        put_bool(b, e->anonymous);
        put_key(b, "aliases", 0);
        g_string_append_c(b, '[');
        for (size_t k = 0; k < e->naliases; k++) {
            if (k)
                g_string_append_c(b, ',');
            put_str(b, e->aliases[k]);
        }
        g_string_append(b, "]}");
    }
    g_string_append(b, "],\"mentions\":[");
    for (size_t i = 0; i < x->nmentions; i++) {
        const ng_xmention *m = &x->mentions[i];
        g_string_append_printf(b, "%s[%zu,%lu,%lu,%lu]", i ? "," : "", m->entity, (unsigned long)m->start,
                               (unsigned long)m->end, (unsigned long)m->sentence);
    }
    g_string_append(b, "],\"claims\":[");
    for (size_t i = 0; i < x->nclaims; i++) {
        const ng_xclaim *c = &x->claims[i];
        g_string_append_printf(b, "%s{\"start\":%lu,\"end\":%lu", i ? "," : "", (unsigned long)c->start,
                               (unsigned long)c->end);
        put_key(b, "text", 0);
        put_str(b, c->text);
        put_key(b, "cue", 0);
        put_str(b, c->cue);
        put_key(b, "stance", 0);
        put_str(b, c->stance == NG_STANCE_DENY ? "deny" : "assert");
        put_key(b, "hedged", 0);
        put_bool(b, c->hedged);
        put_key(b, "quote", 0);
        put_bool(b, c->quote);
        put_key(b, "date", 0);
        put_str(b, c->date);
        g_string_append_c(b, '}');
    }
    g_string_append(b, "],\"quantities\":[");
    for (size_t i = 0; i < x->nquantities; i++) {
        const ng_xquantity *v = &x->quantities[i];
        g_string_append_printf(b, "%s{\"start\":%lu,\"end\":%lu", i ? "," : "", (unsigned long)v->start,
                               (unsigned long)v->end);
        put_key(b, "text", 0);
        put_str(b, v->text);
        put_key(b, "has_value", 0);
        put_bool(b, v->has_value);
        put_key(b, "low", 0);
        put_num(b, v->low);
        put_key(b, "high", 0);
        put_num(b, v->high);
        put_key(b, "qualifier", 0);
        put_str(b, ng_qualifier_name(v->qualifier));
        put_key(b, "unit", 0);
        put_str(b, v->unit);
        g_string_append_c(b, '}');
    }
    g_string_append(b, "],\"edges\":[");
    for (size_t i = 0; i < x->nedges; i++) {
        const ng_xedge *e = &x->edges[i];
        g_string_append(b, i ? ",{" : "{");
        put_key(b, "type", 1);
        put_str(b, ng_edge_type_name(e->type));
        put_key(b, "source", 0);
        put_ref(b, &e->source);
        put_key(b, "target", 0);
        put_ref(b, &e->target);
        put_key(b, "weight", 0);
        put_num(b, e->weight);
        put_key(b, "role", 0);
        put_str(b, e->role);
        put_key(b, "deny", 0);
        put_bool(b, e->deny);
        g_string_append_c(b, '}');
    }
    g_string_append(b, "]}\n");
    if (len)
        *len = b->len;
    /* Handed back as a malloc() block: GLib allocates with the system malloc. */
    return g_string_free(b, FALSE);
}

ng_status ng_subgraph_write(const ng_document *doc, const ng_extraction *x, FILE *out)
{
    size_t n = 0;
    char *s = ng_subgraph_to_string(doc, x, &n);
    if (!s)
        return NG_ERR_NOMEM;
    size_t w = fwrite(s, 1, n, out);
    g_free(s);
    return w == n ? NG_OK : NG_ERR_IO;
}

/* ---------------------------------------------------------------- parsing */

static ng_status bad(ng_errmsg *err, const char *ctx, const char *key, const char *what)
{
    return ng_fail(err, NG_ERR_FORMAT, "%s%s%s: %s", ctx, *ctx && key ? "." : "", key ? key : "", what);
}

/* A string member; NULL (when `nullable`) for null or a missing member. */
static ng_status get_string(json_object *o, const char *key, const char *ctx, int nullable, char **out,
                            size_t *outlen, ng_errmsg *err)
{
    json_object *v = NULL;
    *out = NULL;
    if (!json_object_object_get_ex(o, key, &v) || v == NULL) {
        if (nullable)
            return NG_OK;
        return bad(err, ctx, key, v == NULL && json_object_object_get_ex(o, key, NULL) ? "is null, not a string"
                                                                                       : "is missing");
    }
    if (!json_object_is_type(v, json_type_string))
        return bad(err, ctx, key, "is not a string");
    const char *s = json_object_get_string(v);
    size_t n = (size_t)json_object_get_string_len(v);
    if (memchr(s, '\0', n))
        return bad(err, ctx, key, "contains a NUL character");
    if (!g_utf8_validate(s, (gssize)n, NULL))
        return bad(err, ctx, key, "is not valid UTF-8");
    char *d = malloc(n + 1);
    if (!d)
        return ng_fail(err, NG_ERR_NOMEM, "out of memory");
    memcpy(d, s, n);
    d[n] = '\0';
    *out = d;
    if (outlen)
        *outlen = n;
    return NG_OK;
}

static ng_status get_uint32(json_object *v, const char *ctx, const char *key, uint32_t *out, ng_errmsg *err)
{
    if (!v || !json_object_is_type(v, json_type_int))
        return bad(err, ctx, key, "is not an integer");
    int64_t n = json_object_get_int64(v);
    if (n < 0 || n > (int64_t)UINT32_MAX)
        return bad(err, ctx, key, "is out of range");
    *out = (uint32_t)n;
    return NG_OK;
}

static ng_status member_uint32(json_object *o, const char *key, const char *ctx, uint32_t *out, ng_errmsg *err)
{
    json_object *v = NULL;
    if (!json_object_object_get_ex(o, key, &v))
        return bad(err, ctx, key, "is missing");
    return get_uint32(v, ctx, key, out, err);
}

static ng_status member_bool(json_object *o, const char *key, const char *ctx, int *out, ng_errmsg *err)
{
    json_object *v = NULL;
    if (!json_object_object_get_ex(o, key, &v))
        return bad(err, ctx, key, "is missing");
    if (!v || !json_object_is_type(v, json_type_boolean))
        return bad(err, ctx, key, "is not true or false");
    *out = json_object_get_boolean(v) ? 1 : 0;
    return NG_OK;
}

static ng_status member_double(json_object *o, const char *key, const char *ctx, double *out, ng_errmsg *err)
{
    json_object *v = NULL;
    if (!json_object_object_get_ex(o, key, &v))
        return bad(err, ctx, key, "is missing");
    if (v && json_object_is_type(v, json_type_int)) {
        *out = (double)json_object_get_int64(v);
        return NG_OK;
    }
    if (v && json_object_is_type(v, json_type_double)) {
        *out = json_object_get_double(v);
        return NG_OK;
    }
    if (v && json_object_is_type(v, json_type_string)) {
        const char *s = json_object_get_string(v);
        if (!strcmp(s, "inf"))
            *out = INFINITY;
        else if (!strcmp(s, "-inf"))
            *out = -INFINITY;
        else if (!strcmp(s, "nan"))
            *out = NAN;
        else
            return bad(err, ctx, key, "is not a number");
        return NG_OK;
    }
    return bad(err, ctx, key, "is not a number");
}

/* An array member; a missing member or null is an empty array. */
static ng_status member_array(json_object *o, const char *key, json_object **out, size_t *n, ng_errmsg *err)
{
    json_object *v = NULL;
    *out = NULL;
    *n = 0;
    if (!json_object_object_get_ex(o, key, &v) || !v)
        return NG_OK;
    if (!json_object_is_type(v, json_type_array))
        return bad(err, "", key, "is not an array");
    *out = v;
    *n = json_object_array_length(v);
    return NG_OK;
}

static ng_status check_span(uint32_t start, uint32_t end, size_t len, const char *ctx, ng_errmsg *err)
{
    if (start > end || end > len)
        return ng_fail(err, NG_ERR_FORMAT, "%s: offsets %lu..%lu are not inside the text (%zu bytes)", ctx,
                       (unsigned long)start, (unsigned long)end, len);
    return NG_OK;
}

static ng_status parse_ref(json_object *o, const char *key, const char *ctx, const ng_extraction *x, ng_ref *r,
                           ng_errmsg *err)
{
    json_object *v = NULL;
    if (!json_object_object_get_ex(o, key, &v))
        return bad(err, ctx, key, "is missing");
    if (!v || !json_object_is_type(v, json_type_string))
        return bad(err, ctx, key, "is not a reference (\"e0\", \"c0\", \"q0\" or \"d\")");
    const char *s = json_object_get_string(v);
    memset(r, 0, sizeof *r);
    if (!strcmp(s, "d")) {
        r->kind = NG_REF_DOCUMENT;
        return NG_OK;
    }
    size_t limit = 0;
    switch (s[0]) {
    case 'e': r->kind = NG_REF_ENTITY; limit = x->nentities; break;
    case 'c': r->kind = NG_REF_CLAIM; limit = x->nclaims; break;
    case 'q': r->kind = NG_REF_QUANTITY; limit = x->nquantities; break;
    default: return bad(err, ctx, key, "is not a reference (\"e0\", \"c0\", \"q0\" or \"d\")");
    }
    if (!g_ascii_isdigit(s[1]))
        return bad(err, ctx, key, "is not a reference (\"e0\", \"c0\", \"q0\" or \"d\")");
    char *end = NULL;
    unsigned long long i = g_ascii_strtoull(s + 1, &end, 10);
    if (!end || *end != '\0')
        return bad(err, ctx, key, "is not a reference (\"e0\", \"c0\", \"q0\" or \"d\")");
    if (i >= limit)
        return bad(err, ctx, key, "refers to an entity, claim or quantity that does not exist");
    r->index = (size_t)i;
    return NG_OK;
}

static ng_status parse_document(json_object *root, ng_document *doc, ng_errmsg *err)
{
    json_object *d = NULL;
    if (!json_object_object_get_ex(root, "document", &d) || !d || !json_object_is_type(d, json_type_object))
        return ng_fail(err, NG_ERR_FORMAT, "document: is missing or not an object");
    ng_status st;
    char *sha = NULL;
    if ((st = get_string(d, "id", "document", 0, &doc->id, NULL, err)) ||
        (st = get_string(d, "path", "document", 0, &doc->path, NULL, err)) ||
        (st = get_string(d, "title", "document", 0, &doc->title, NULL, err)) ||
        (st = get_string(d, "text", "document", 0, &doc->text, &doc->len, err)) ||
        (st = get_string(d, "sha256", "document", 0, &sha, NULL, err)))
        return st;
    if (!*doc->id) {
        free(sha);
        return ng_fail(err, NG_ERR_FORMAT, "document.id: is empty");
    }
    gchar *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)doc->text, doc->len);
    int same = strcmp(sum, sha) == 0;
    g_free(sum);
    free(sha);
    if (!same)
        return ng_fail(err, NG_ERR_FORMAT, "document.sha256: does not match the text");
    g_strlcpy(doc->sha256, json_object_get_string(json_object_object_get(d, "sha256")), sizeof doc->sha256);
    return NG_OK;
}

/* Element i of the array `name` as an object, with "name[i]" in ctx (64
 * bytes) for the messages about its members. */
static ng_status item_object(json_object *a, const char *name, size_t i, char *ctx, json_object **o, ng_errmsg *err)
{
    g_snprintf(ctx, 64, "%s[%zu]", name, i);
    *o = json_object_array_get_idx(a, i);
    if (!*o || !json_object_is_type(*o, json_type_object))
        return ng_fail(err, NG_ERR_FORMAT, "%s: is not an object", ctx);
    return NG_OK;
}

static ng_status parse_entities(json_object *root, ng_extraction *x, ng_errmsg *err)
{
    json_object *a;
    size_t n;
    ng_status st = member_array(root, "entities", &a, &n, err);
    if (st || !n)
        return st;
    x->entities = calloc(n, sizeof *x->entities);
    if (!x->entities)
        return ng_fail(err, NG_ERR_NOMEM, "out of memory");
    char ctx[64];
    for (size_t i = 0; i < n; i++) {
        ng_xentity *e = &x->entities[i];
        x->nentities = i + 1;
        json_object *o;
        if ((st = item_object(a, "entities", i, ctx, &o, err)))
            return st;
        char *type = NULL;
        if ((st = get_string(o, "label", ctx, 0, &e->label, NULL, err)) ||
            (st = get_string(o, "key", ctx, 0, &e->key, NULL, err)) ||
            (st = get_string(o, "type", ctx, 0, &type, NULL, err)))
            return st;
        int t = ng_entity_type_parse(type);
        free(type);
        if (t < 0)
            return bad(err, ctx, "type", "is not an entity type");
        e->type = (ng_entity_type)t;
        if ((st = member_bool(o, "anonymous", ctx, &e->anonymous, err)))
            return st;
        json_object *al = NULL;
        if (json_object_object_get_ex(o, "aliases", &al) && al) {
            if (!json_object_is_type(al, json_type_array))
                return bad(err, ctx, "aliases", "is not an array");
            size_t na = json_object_array_length(al);
            e->aliases = calloc(na + 1, sizeof(char *));
            if (!e->aliases)
                return ng_fail(err, NG_ERR_NOMEM, "out of memory");
            for (size_t k = 0; k < na; k++) {
                json_object *s = json_object_array_get_idx(al, k);
                if (!s || !json_object_is_type(s, json_type_string))
                    return bad(err, ctx, "aliases", "holds something that is not a string");
                const char *str = json_object_get_string(s);
                size_t len = (size_t)json_object_get_string_len(s);
                if (memchr(str, '\0', len) || !g_utf8_validate(str, (gssize)len, NULL))
                    return bad(err, ctx, "aliases", "holds a string with NUL or invalid UTF-8");
                e->aliases[k] = strdup(str);
                e->naliases = k + 1;
                if (!e->aliases[k])
                    return ng_fail(err, NG_ERR_NOMEM, "out of memory");
            }
        }
    }
    return NG_OK;
}

static ng_status parse_mentions(json_object *root, size_t textlen, ng_extraction *x, ng_errmsg *err)
{
    json_object *a;
    size_t n;
    ng_status st = member_array(root, "mentions", &a, &n, err);
    if (st || !n)
        return st;
    x->mentions = calloc(n, sizeof *x->mentions);
    if (!x->mentions)
        return ng_fail(err, NG_ERR_NOMEM, "out of memory");
    char ctx[64];
    for (size_t i = 0; i < n; i++) {
        json_object *o = json_object_array_get_idx(a, i);
        ng_xmention *m = &x->mentions[i];
        x->nmentions = i + 1;
        g_snprintf(ctx, sizeof ctx, "mentions[%zu]", i);
        if (!o || !json_object_is_type(o, json_type_array) || json_object_array_length(o) != 4)
            return ng_fail(err, NG_ERR_FORMAT, "%s: is not [entity, start, end, sentence]", ctx);
        uint32_t ent;
        if ((st = get_uint32(json_object_array_get_idx(o, 0), ctx, "entity", &ent, err)) ||
            (st = get_uint32(json_object_array_get_idx(o, 1), ctx, "start", &m->start, err)) ||
            (st = get_uint32(json_object_array_get_idx(o, 2), ctx, "end", &m->end, err)) ||
            (st = get_uint32(json_object_array_get_idx(o, 3), ctx, "sentence", &m->sentence, err)))
            return st;
        if (ent >= x->nentities)
            return ng_fail(err, NG_ERR_FORMAT, "%s: entity %lu does not exist", ctx, (unsigned long)ent);
        m->entity = ent;
        if ((st = check_span(m->start, m->end, textlen, ctx, err)))
            return st;
    }
    return NG_OK;
}

static ng_status parse_claims(json_object *root, size_t textlen, ng_extraction *x, ng_errmsg *err)
{
    json_object *a;
    size_t n;
    ng_status st = member_array(root, "claims", &a, &n, err);
    if (st || !n)
        return st;
    x->claims = g_try_new0(ng_xclaim, n);
    if (!x->claims)
        return ng_fail(err, NG_ERR_NOMEM, "out of memory");
    char ctx[64];
    for (size_t i = 0; i < n; i++) {
        ng_xclaim *c = &x->claims[i];
        x->nclaims = i + 1;
        json_object *o;
        if ((st = item_object(a, "claims", i, ctx, &o, err)))
            return st;
        char *stance = NULL;
        if ((st = member_uint32(o, "start", ctx, &c->start, err)) ||
            (st = member_uint32(o, "end", ctx, &c->end, err)) || (st = check_span(c->start, c->end, textlen, ctx, err)) ||
            (st = get_string(o, "text", ctx, 1, &c->text, NULL, err)) ||
            (st = get_string(o, "cue", ctx, 1, &c->cue, NULL, err)) ||
            (st = get_string(o, "date", ctx, 1, &c->date, NULL, err)) ||
            (st = get_string(o, "stance", ctx, 0, &stance, NULL, err)) ||
            (st = member_bool(o, "hedged", ctx, &c->hedged, err)) ||
            (st = member_bool(o, "quote", ctx, &c->quote, err))) {
            free(stance);
            return st;
        }
        int deny = !strcmp(stance, "deny"), assert_ = !strcmp(stance, "assert");
        free(stance);
        if (!deny && !assert_)
            return bad(err, ctx, "stance", "is not \"assert\" or \"deny\"");
        c->stance = deny ? NG_STANCE_DENY : NG_STANCE_ASSERT;
    }
    return NG_OK;
}

static int qualifier_parse(const char *s)
{
    for (int q = NG_QUAL_EXACT; q <= NG_QUAL_RANGE; q++)
        if (!strcmp(s, ng_qualifier_name((ng_qualifier)q)))
            return q;
    return -1;
}

static ng_status parse_quantities(json_object *root, size_t textlen, ng_extraction *x, ng_errmsg *err)
{
    json_object *a;
    size_t n;
    ng_status st = member_array(root, "quantities", &a, &n, err);
    if (st || !n)
        return st;
    x->quantities = g_try_new0(ng_xquantity, n);
    if (!x->quantities)
        return ng_fail(err, NG_ERR_NOMEM, "out of memory");
    char ctx[64];
    for (size_t i = 0; i < n; i++) {
        ng_xquantity *v = &x->quantities[i];
        x->nquantities = i + 1;
        json_object *o;
        if ((st = item_object(a, "quantities", i, ctx, &o, err)))
            return st;
        char *qual = NULL;
        if ((st = member_uint32(o, "start", ctx, &v->start, err)) ||
            (st = member_uint32(o, "end", ctx, &v->end, err)) || (st = check_span(v->start, v->end, textlen, ctx, err)) ||
            (st = get_string(o, "text", ctx, 1, &v->text, NULL, err)) ||
            (st = get_string(o, "unit", ctx, 1, &v->unit, NULL, err)) ||
            (st = member_bool(o, "has_value", ctx, &v->has_value, err)) ||
            (st = member_double(o, "low", ctx, &v->low, err)) || (st = member_double(o, "high", ctx, &v->high, err)) ||
            (st = get_string(o, "qualifier", ctx, 0, &qual, NULL, err))) {
            free(qual);
            return st;
        }
        int q = qualifier_parse(qual);
        free(qual);
        if (q < 0)
            return bad(err, ctx, "qualifier", "is not a qualifier (exact, approx, at_least, at_most, range)");
        v->qualifier = (ng_qualifier)q;
    }
    return NG_OK;
}

static ng_status parse_edges(json_object *root, ng_extraction *x, ng_errmsg *err)
{
    json_object *a;
    size_t n;
    ng_status st = member_array(root, "edges", &a, &n, err);
    if (st || !n)
        return st;
    x->edges = g_try_new0(ng_xedge, n);
    if (!x->edges)
        return ng_fail(err, NG_ERR_NOMEM, "out of memory");
    char ctx[64];
    for (size_t i = 0; i < n; i++) {
        ng_xedge *e = &x->edges[i];
        x->nedges = i + 1;
        json_object *o;
        if ((st = item_object(a, "edges", i, ctx, &o, err)))
            return st;
        char *type = NULL;
        if ((st = get_string(o, "type", ctx, 0, &type, NULL, err)))
            return st;
        int t = ng_edge_type_parse(type);
        free(type);
        if (t < 0)
            return bad(err, ctx, "type", "is not an edge type");
        e->type = (ng_edge_type)t;
        if ((st = parse_ref(o, "source", ctx, x, &e->source, err)) ||
            (st = parse_ref(o, "target", ctx, x, &e->target, err)) ||
            (st = member_double(o, "weight", ctx, &e->weight, err)) ||
            (st = get_string(o, "role", ctx, 1, &e->role, NULL, err)) ||
            (st = member_bool(o, "deny", ctx, &e->deny, err)))
            return st;
    }
    return NG_OK;
}

ng_status ng_subgraph_parse(const char *line, size_t len, ng_document *doc, ng_extraction *x, ng_errmsg *err)
{
    memset(doc, 0, sizeof *doc);
    memset(x, 0, sizeof *x);
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        len--;
    if (len > INT_MAX)
        return ng_fail(err, NG_ERR_FORMAT, "line too long (%zu bytes)", len);
    json_tokener *tok = json_tokener_new();
    if (!tok)
        return ng_fail(err, NG_ERR_NOMEM, "out of memory");
    json_object *root = json_tokener_parse_ex(tok, line, (int)len);
    enum json_tokener_error jerr = json_tokener_get_error(tok);
    size_t used = json_tokener_get_parse_end(tok);
    json_tokener_free(tok);
    if (jerr != json_tokener_success || !root) {
        json_object_put(root);
        return ng_fail(err, NG_ERR_FORMAT, "not valid JSON: %s",
                       jerr == json_tokener_continue ? "the line ends inside a value" : json_tokener_error_desc(jerr));
    }
    for (size_t i = used; i < len; i++)
        if (!g_ascii_isspace(line[i])) {
            json_object_put(root);
            return ng_fail(err, NG_ERR_FORMAT, "not valid JSON: more after the object (byte %zu)", i + 1);
        }
    ng_status st = NG_OK;
    json_object *ver = NULL;
    if (!json_object_is_type(root, json_type_object) ||
        !json_object_object_get_ex(root, "newsgraph_subgraph", &ver))
        st = ng_fail(err, NG_ERR_FORMAT, "not a newsgraph sub-graph (no \"newsgraph_subgraph\" member)");
    else if (!json_object_is_type(ver, json_type_int) || json_object_get_int64(ver) != NG_SUBGRAPH_VERSION)
        st = ng_fail(err, NG_ERR_FORMAT, "sub-graph format version %s is not %d (a newer newsgraph wrote it?)",
                     json_object_get_string(ver), NG_SUBGRAPH_VERSION);
    if (!st)
        st = parse_document(root, doc, err);
    if (!st) {
        /* optional (older lines have none): which extractor made the extraction */
        json_object *d = json_object_object_get(root, "document"), *e = NULL;
        if (json_object_object_get_ex(d, "extractor", &e) && json_object_is_type(e, json_type_string) &&
            json_object_get_string_len(e) == 40)
            g_strlcpy(x->extractor, json_object_get_string(e), sizeof x->extractor);
    }
    if (!st) {
        size_t bad_at = ng_utf8_invalid_offset(doc->text, doc->len);
        if (bad_at != (size_t)-1)
            st = ng_fail(err, NG_ERR_UTF8, "document.text: not valid UTF-8 at byte offset %zu", bad_at);
    }
    if (!st)
        st = parse_entities(root, x, err);
    if (!st)
        st = parse_mentions(root, doc->len, x, err);
    if (!st)
        st = parse_claims(root, doc->len, x, err);
    if (!st)
        st = parse_quantities(root, doc->len, x, err);
    if (!st)
        st = parse_edges(root, x, err);
    json_object_put(root);
    if (st) {
        ng_document_clear(doc);
        ng_extraction_clear(x);
    }
    return st;
}

/* ------------------------------------------------------ reading a store */

struct ng_store_reader {
    sqlite3 *db;
    sqlite3_stmt *docs, *claims, *quantities, *mentions, *aliases, *edges, *entity, *entity_by_node;
};

void ng_store_reader_close(ng_store_reader *r)
{
    if (!r)
        return;
    sqlite3_stmt **all[] = {&r->docs,    &r->claims, &r->quantities, &r->mentions,
                            &r->aliases, &r->edges,  &r->entity,     &r->entity_by_node};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        sqlite3_finalize(*all[i]);
    sqlite3_exec(r->db, "DROP TABLE IF EXISTS temp.ng_reader_aliases", NULL, NULL, NULL);
    free(r);
}

ng_status ng_store_reader_open(ng_store *store, ng_store_reader **out, ng_errmsg *err)
{
    *out = NULL;
    ng_store_reader *r = calloc(1, sizeof *r);
    if (!r)
        return ng_fail(err, NG_ERR_NOMEM, "out of memory");
    r->db = ng_store_db(store);
    /* The aliases table is keyed by entity; an index by document, in the
     * connection's temporary database (the store itself is not written). */
    char *msg = NULL;
    if (sqlite3_exec(r->db,
                     "DROP TABLE IF EXISTS temp.ng_reader_aliases;"
                     "CREATE TEMP TABLE ng_reader_aliases AS SELECT doc, entity, alias FROM main.aliases;"
                     "CREATE INDEX temp.ng_reader_aliases_doc ON ng_reader_aliases(doc, entity, alias);",
                     NULL, NULL, &msg) != SQLITE_OK) {
        ng_status st = ng_fail(err, NG_ERR_STORE, "cannot read the store: %s", msg ? msg : sqlite3_errmsg(r->db));
        sqlite3_free(msg);
        free(r);
        return st;
    }
    /* A store of schema version 1 (read-only, so not upgraded) has no
     * extractor column: its documents count as made by an unknown extractor. */
    const char *docs = ng_store_schema_version(store) >= 2
                           ? "SELECT id, path, sha256, title, text, extractor FROM main.documents ORDER BY rowid"
                           : "SELECT id, path, sha256, title, text, '' FROM main.documents ORDER BY rowid";
    struct { sqlite3_stmt **st; const char *sql; } list[] = {
        {&r->docs, docs},
        {&r->claims, "SELECT node_id, start, end, text, cue, stance, hedged, quote, date FROM main.claims"
                     " WHERE doc=?1 ORDER BY n"},
        {&r->quantities, "SELECT node_id, start, end, text, low, high, qualifier, unit FROM main.quantities"
                         " WHERE doc=?1 ORDER BY n"},
        {&r->mentions, "SELECT entity, start, end, sentence FROM main.mentions WHERE doc=?1 ORDER BY rowid"},
        {&r->aliases, "SELECT entity, alias FROM temp.ng_reader_aliases WHERE doc=?1 ORDER BY entity, alias"},
        {&r->edges, "SELECT type, source, target, weight, role, stance FROM main.edges WHERE doc=?1 ORDER BY rowid"},
        {&r->entity, "SELECT type, label, key, anonymous FROM main.entities WHERE id=?1"},
        {&r->entity_by_node, "SELECT id FROM main.entities WHERE node_id=?1"},
    };
    for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
        if (sqlite3_prepare_v2(r->db, list[i].sql, -1, list[i].st, NULL) != SQLITE_OK) {
            ng_status st = ng_fail(err, NG_ERR_STORE, "cannot read the store: %s", sqlite3_errmsg(r->db));
            ng_store_reader_close(r);
            return st;
        }
    *out = r;
    return NG_OK;
}

static char *col_dup(sqlite3_stmt *st, int i)
{
    const unsigned char *s = sqlite3_column_text(st, i);
    return s ? g_strdup((const char *)s) : NULL;
}

static int cmp_i64(const void *a, const void *b)
{
    sqlite3_int64 x = *(const sqlite3_int64 *)a, y = *(const sqlite3_int64 *)b;
    return x < y ? -1 : x > y;
}

/* Local index of an entity row, by binary search in the sorted rows. */
static size_t entity_index(const sqlite3_int64 *rows, size_t n, sqlite3_int64 row)
{
    const sqlite3_int64 *p = bsearch(&row, rows, n, sizeof *rows, cmp_i64);
    return p ? (size_t)(p - rows) : (size_t)-1;
}

typedef struct mention_row {
    sqlite3_int64 v[4];
} mention_row;

typedef struct edge_row {
    int type;
    char *src, *dst;
    double weight;
    char *role;
    int deny;
} edge_row;

static ng_status read_extraction(ng_store_reader *r, const ng_document *doc, ng_extraction *x, ng_errmsg *err)
{
    ng_status st = NG_OK;
    char *doc_node = ng_store_document_node_id(doc->id);
    const char *dslug = doc_node + strlen("document:");
    GHashTable *refs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL); /* node id → ref + 1 */
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(sqlite3_int64));
    GArray *ments = g_array_new(FALSE, FALSE, sizeof(mention_row));
    GArray *als = g_array_new(FALSE, FALSE, sizeof(sqlite3_int64));
    GPtrArray *alias_text = g_ptr_array_new_with_free_func(g_free);
    GArray *edges = g_array_new(FALSE, TRUE, sizeof(edge_row));
    int rc;

#define BIND(stmt) (sqlite3_reset(stmt), sqlite3_bind_text(stmt, 1, doc->id, -1, SQLITE_STATIC))
    /* Claims and quantities, numbered 1.. in the store. */
    BIND(r->claims);
    GArray *claims = g_array_new(FALSE, TRUE, sizeof(ng_xclaim));
    while ((rc = sqlite3_step(r->claims)) == SQLITE_ROW) {
        ng_xclaim c = {0};
        c.start = (uint32_t)sqlite3_column_int64(r->claims, 1);
        c.end = (uint32_t)sqlite3_column_int64(r->claims, 2);
        c.text = col_dup(r->claims, 3);
        c.cue = col_dup(r->claims, 4);
        const unsigned char *stance = sqlite3_column_text(r->claims, 5);
        c.stance = stance && !strcmp((const char *)stance, "deny") ? NG_STANCE_DENY : NG_STANCE_ASSERT;
        c.hedged = sqlite3_column_int(r->claims, 6);
        c.quote = sqlite3_column_int(r->claims, 7);
        c.date = col_dup(r->claims, 8);
        g_hash_table_insert(refs, col_dup(r->claims, 0), GSIZE_TO_POINTER(((gsize)claims->len << 2 | NG_REF_CLAIM) + 1));
        g_array_append_val(claims, c);
    }
    x->nclaims = claims->len;
    x->claims = (ng_xclaim *)(void *)g_array_free(claims, FALSE);
    if (rc != SQLITE_DONE)
        goto dberr;
    BIND(r->quantities);
    GArray *qtys = g_array_new(FALSE, TRUE, sizeof(ng_xquantity));
    while ((rc = sqlite3_step(r->quantities)) == SQLITE_ROW) {
        ng_xquantity v = {0};
        v.start = (uint32_t)sqlite3_column_int64(r->quantities, 1);
        v.end = (uint32_t)sqlite3_column_int64(r->quantities, 2);
        v.text = col_dup(r->quantities, 3);
        v.has_value = sqlite3_column_type(r->quantities, 4) != SQLITE_NULL;
        v.low = sqlite3_column_double(r->quantities, 4);
        v.high = sqlite3_column_double(r->quantities, 5);
        const unsigned char *q = sqlite3_column_text(r->quantities, 6);
        int qi = q ? qualifier_parse((const char *)q) : -1;
        v.qualifier = qi < 0 ? NG_QUAL_EXACT : (ng_qualifier)qi;
        v.unit = col_dup(r->quantities, 7);
        g_hash_table_insert(refs, col_dup(r->quantities, 0),
                            GSIZE_TO_POINTER(((gsize)qtys->len << 2 | NG_REF_QUANTITY) + 1));
        g_array_append_val(qtys, v);
    }
    x->nquantities = qtys->len;
    x->quantities = (ng_xquantity *)(void *)g_array_free(qtys, FALSE);
    if (rc != SQLITE_DONE)
        goto dberr;

    /* Mentions, aliases and edges name the entities of the document. */
    BIND(r->mentions);
    while ((rc = sqlite3_step(r->mentions)) == SQLITE_ROW) {
        mention_row m;
        for (int i = 0; i < 4; i++)
            m.v[i] = sqlite3_column_int64(r->mentions, i);
        g_array_append_val(ments, m);
        g_array_append_val(rows, m.v[0]);
    }
    if (rc != SQLITE_DONE)
        goto dberr;
    BIND(r->aliases);
    while ((rc = sqlite3_step(r->aliases)) == SQLITE_ROW) {
        sqlite3_int64 e = sqlite3_column_int64(r->aliases, 0);
        g_array_append_val(als, e);
        g_array_append_val(rows, e);
        g_ptr_array_add(alias_text, col_dup(r->aliases, 1));
    }
    if (rc != SQLITE_DONE)
        goto dberr;
    BIND(r->edges);
    while ((rc = sqlite3_step(r->edges)) == SQLITE_ROW) {
        edge_row e = {0};
        const unsigned char *type = sqlite3_column_text(r->edges, 0);
        e.type = type ? ng_edge_type_parse((const char *)type) : -1;
        e.src = col_dup(r->edges, 1);
        e.dst = col_dup(r->edges, 2);
        e.weight = sqlite3_column_double(r->edges, 3);
        e.role = col_dup(r->edges, 4);
        const unsigned char *stance = sqlite3_column_text(r->edges, 5);
        e.deny = stance && !strcmp((const char *)stance, "deny");
        g_array_append_val(edges, e);
        if (e.type < 0 || !e.src || !e.dst) {
            st = ng_fail(err, NG_ERR_STORE, "%s: an edge of unknown type or without ends", doc->id);
            goto out;
        }
        const char *ends[2] = {e.src, e.dst};
        for (int k = 0; k < 2; k++) {
            if (!strcmp(ends[k], doc_node) || g_hash_table_contains(refs, ends[k]))
                continue;
            sqlite3_reset(r->entity_by_node);
            sqlite3_bind_text(r->entity_by_node, 1, ends[k], -1, SQLITE_STATIC);
            int rc2 = sqlite3_step(r->entity_by_node);
            if (rc2 == SQLITE_ROW) {
                sqlite3_int64 row = sqlite3_column_int64(r->entity_by_node, 0);
                g_array_append_val(rows, row);
            } else if (rc2 == SQLITE_DONE) {
                st = ng_fail(err, NG_ERR_STORE, "%s: an edge refers to '%s', which is not in the store", doc->id,
                             ends[k]);
                goto out;
            } else {
                rc = rc2;
                goto dberr;
            }
            sqlite3_reset(r->entity_by_node);
        }
    }
    if (rc != SQLITE_DONE)
        goto dberr;

    /* The entities, in the order the store made them (which is the order
     * the extraction listed those that were new). */
    g_array_sort(rows, cmp_i64);
    size_t n = 0;
    for (size_t i = 0; i < rows->len; i++)
        if (n == 0 || g_array_index(rows, sqlite3_int64, i) != g_array_index(rows, sqlite3_int64, n - 1))
            g_array_index(rows, sqlite3_int64, n++) = g_array_index(rows, sqlite3_int64, i);
    g_array_set_size(rows, (guint)n);
    const sqlite3_int64 *rv = (const sqlite3_int64 *)(void *)rows->data;
    x->entities = calloc(n + 1, sizeof *x->entities);
    x->mentions = calloc(ments->len + 1, sizeof *x->mentions);
    if (!x->entities || !x->mentions) {
        st = ng_fail(err, NG_ERR_NOMEM, "out of memory");
        goto out;
    }
    gchar *suffix = g_strconcat("@", dslug, NULL);
    for (size_t i = 0; i < n; i++) {
        ng_xentity *e = &x->entities[i];
        x->nentities = i + 1;
        sqlite3_reset(r->entity);
        sqlite3_bind_int64(r->entity, 1, rv[i]);
        if ((rc = sqlite3_step(r->entity)) != SQLITE_ROW) {
            g_free(suffix);
            goto dberr;
        }
        const unsigned char *type = sqlite3_column_text(r->entity, 0);
        int t = type ? ng_entity_type_parse((const char *)type) : -1;
        e->type = t < 0 ? NG_ENT_PERSON : (ng_entity_type)t;
        const unsigned char *label = sqlite3_column_text(r->entity, 1), *key = sqlite3_column_text(r->entity, 2);
        e->label = strdup(label ? (const char *)label : "");
        e->anonymous = sqlite3_column_int(r->entity, 3);
        /* The store keys an unnamed source by key@document; the extraction
         * has the key alone. */
        const char *k = key ? (const char *)key : "";
        size_t kl = strlen(k), sl = strlen(suffix);
        e->key = e->anonymous && kl > sl && !strcmp(k + kl - sl, suffix) ? strndup(k, kl - sl) : strdup(k);
        sqlite3_reset(r->entity);
        if (t < 0) {
            g_free(suffix);
            st = ng_fail(err, NG_ERR_STORE, "%s: an entity of unknown type", doc->id);
            goto out;
        }
    }
    g_free(suffix);
    /* Aliases come sorted by entity, then alias. */
    for (guint i = 0; i < als->len;) {
        guint j = i;
        sqlite3_int64 row = g_array_index(als, sqlite3_int64, i);
        while (j < als->len && g_array_index(als, sqlite3_int64, j) == row)
            j++;
        ng_xentity *e = &x->entities[entity_index(rv, n, row)];
        e->aliases = calloc(j - i + 1, sizeof(char *));
        for (guint k = i; k < j && e->aliases; k++)
            e->aliases[e->naliases++] = strdup(alias_text->pdata[k]);
        i = j;
    }
    for (guint i = 0; i < ments->len; i++) {
        const sqlite3_int64 *m = g_array_index(ments, mention_row, i).v;
        ng_xmention *xm = &x->mentions[i];
        xm->entity = entity_index(rv, n, m[0]);
        xm->start = (uint32_t)m[1];
        xm->end = (uint32_t)m[2];
        xm->sentence = (uint32_t)m[3];
    }
    x->nmentions = ments->len;
    x->edges = g_try_new0(ng_xedge, edges->len + 1);
    if (!x->edges) {
        st = ng_fail(err, NG_ERR_NOMEM, "out of memory");
        goto out;
    }
    for (guint i = 0; i < edges->len; i++) {
        edge_row *er = &g_array_index(edges, edge_row, i);
        ng_xedge *e = &x->edges[i];
        x->nedges = i + 1;
        e->type = (ng_edge_type)er->type;
        e->weight = er->weight;
        e->deny = er->deny;
        e->role = er->role;
        er->role = NULL;
        const char *ends[2] = {er->src, er->dst};
        ng_ref *refv[2] = {&e->source, &e->target};
        for (int k = 0; k < 2; k++) {
            if (!strcmp(ends[k], doc_node)) {
                refv[k]->kind = NG_REF_DOCUMENT;
                continue;
            }
            gsize v = GPOINTER_TO_SIZE(g_hash_table_lookup(refs, ends[k]));
            if (v) {
                refv[k]->kind = (ng_ref_kind)((v - 1) & 3);
                refv[k]->index = (v - 1) >> 2;
                continue;
            }
            sqlite3_reset(r->entity_by_node);
            sqlite3_bind_text(r->entity_by_node, 1, ends[k], -1, SQLITE_STATIC);
            if ((rc = sqlite3_step(r->entity_by_node)) != SQLITE_ROW)
                goto dberr;
            refv[k]->kind = NG_REF_ENTITY;
            refv[k]->index = entity_index(rv, n, sqlite3_column_int64(r->entity_by_node, 0));
            sqlite3_reset(r->entity_by_node);
        }
    }
    goto out;
dberr:
    st = ng_fail(err, NG_ERR_STORE, "%s: cannot read the document back: %s", doc->id,
                 rc == SQLITE_DONE ? "a row is missing" : sqlite3_errmsg(r->db));
out:
#undef BIND
    for (guint i = 0; i < edges->len; i++) {
        edge_row *er = &g_array_index(edges, edge_row, i);
        g_free(er->src);
        g_free(er->dst);
        g_free(er->role);
    }
    g_array_free(edges, TRUE);
    g_ptr_array_free(alias_text, TRUE);
    g_array_free(als, TRUE);
    g_array_free(ments, TRUE);
    g_array_free(rows, TRUE);
    g_hash_table_destroy(refs);
    g_free(doc_node);
    sqlite3_stmt *all[] = {r->claims, r->quantities, r->mentions, r->aliases, r->edges, r->entity, r->entity_by_node};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        sqlite3_reset(all[i]);
    return st;
}

ng_status ng_store_reader_next(ng_store_reader *r, ng_document *doc, ng_extraction *x, int *got, ng_errmsg *err)
{
    memset(doc, 0, sizeof *doc);
    memset(x, 0, sizeof *x);
    *got = 0;
    int rc = sqlite3_step(r->docs);
    if (rc == SQLITE_DONE)
        return NG_OK;
    if (rc != SQLITE_ROW)
        return ng_fail(err, NG_ERR_STORE, "cannot read the store: %s", sqlite3_errmsg(r->db));
    const unsigned char *cols[5];
    for (int i = 0; i < 5; i++)
        cols[i] = sqlite3_column_text(r->docs, i);
    if (!cols[0] || !cols[1] || !cols[2] || !cols[3] || !cols[4] || strlen((const char *)cols[2]) != 64)
        return ng_fail(err, NG_ERR_STORE, "cannot read the store: a document row is incomplete");
    doc->len = (size_t)sqlite3_column_bytes(r->docs, 4);
    doc->text = malloc(doc->len + 1);
    doc->id = strdup((const char *)cols[0]);
    doc->path = strdup((const char *)cols[1]);
    doc->title = strdup((const char *)cols[3]);
    if (!doc->text || !doc->id || !doc->path || !doc->title) {
        ng_document_clear(doc);
        return ng_fail(err, NG_ERR_NOMEM, "out of memory");
    }
    memcpy(doc->text, cols[4], doc->len);
    doc->text[doc->len] = '\0';
    g_strlcpy(doc->sha256, (const char *)cols[2], sizeof doc->sha256);
    ng_status st = read_extraction(r, doc, x, err);
    const unsigned char *ex = sqlite3_column_text(r->docs, 5);
    if (!st && ex)
        g_strlcpy(x->extractor, (const char *)ex, sizeof x->extractor);
    if (st) {
        /* Give the document back with the message: the caller names it. */
        ng_extraction_clear(x);
        *got = 1;
        return st;
    }
    *got = 1;
    return NG_OK;
}
