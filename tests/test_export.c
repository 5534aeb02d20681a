/* Exports: valid XML/JSON/DOT whatever the text holds, stable bytes, C-locale numbers. */
#include <glib.h>
#include <json-c/json.h>
#include <libxml/parser.h>
#include <locale.h>

#include "check.h"
#include "lexicon_fixture.h"
#include "newsgraph/export.h"
#include "tmpdir.h"

static ng_lexicon *lex;

static void ingest(ng_store *s, const char *id, const char *text)
{
    ng_document d;
    ng_extraction x;
    ng_errmsg err;
    ng_add_result res;
    CHECK(ng_document_from_bytes(id, id, text, strlen(text), 0, &d, &err) == NG_OK);
    CHECK(ng_extract(lex, &d, &x, &err) == NG_OK);
    CHECK(ng_store_add_document(s, &d, &x, 0, &res, &err) == NG_OK);
    ng_extraction_clear(&x);
    ng_document_clear(&d);
}

static char *read_all(const char *path)
{
    gchar *c = NULL;
    g_file_get_contents(path, &c, NULL, NULL);
    return c;
}

int main(void)
{
    lex = test_lexicon();
    char buf[32];
    ng_format_double(0.1, buf);
    CHECK_STR(buf, "0.1");
    ng_format_double(12000, buf);
    CHECK_STR(buf, "12000");
    ng_format_double(2.5e9, buf);
    CHECK_STR(buf, "2500000000");
    ng_format_double(0.0 / 0.0, buf);
    CHECK_STR(buf, "0");
    /* A locale with decimal commas does not leak into files. */
    if (setlocale(LC_NUMERIC, "de_DE.UTF-8")) {
        ng_format_double(1.5, buf);
        CHECK_STR(buf, "1.5");
        setlocale(LC_NUMERIC, "C");
    }

    char *dir = test_tmpdir("export");
    gchar *db = g_build_filename(dir, "e.db", NULL);
    ng_store *s;
    ng_errmsg err;
    CHECK(ng_store_open(db, 0, &s, &err) == NG_OK);
    ingest(s, "hostile <&> \"doc\" \\ id",
           "Angela Merkel sagte: „A < B & C > D \"zitiert\" \\n \x01\x02\x1f Ende“.\n"
           "Präsident Wolodymyr Selenskyj erklärte, es gebe 12.000 Soldaten 😀 שלום عربي.\n"
           "Laut Emmanuel Macron sind es mindestens 3000 Menschen]]> <![CDATA[ --> <!-- .\n");
    ingest(s, "plain", "Olaf Scholz traf Emmanuel Macron in Paris. „Gut“, sagte Scholz.\n");
    ng_graph g;
    CHECK(ng_graph_load(s, &g, &err) == NG_OK);
    CHECK(g.nnodes > 5 && g.nedges > 5);
    const char *names[] = {"g.graphml", "g.dot", "g.json"};
    ng_format formats[] = {NG_FORMAT_GRAPHML, NG_FORMAT_DOT, NG_FORMAT_JSON};
    for (int i = 0; i < 3; i++) {
        gchar *p1 = g_build_filename(dir, names[i], NULL);
        gchar *p2 = g_strconcat(p1, ".again", NULL);
        CHECK(ng_export_file(&g, formats[i], p1, &err) == NG_OK);
        CHECK(ng_export_file(&g, formats[i], p2, &err) == NG_OK);
        char *a = read_all(p1), *b = read_all(p2);
        CHECK(a && b && strcmp(a, b) == 0); /* same input, same bytes */
        if (a && formats[i] == NG_FORMAT_GRAPHML) {
            xmlDocPtr x = xmlReadMemory(a, (int)strlen(a), "g.graphml", NULL, XML_PARSE_NONET);
            CHECK(x != NULL);
            xmlFreeDoc(x);
            CHECK(strstr(a, "\x01") == NULL);
        }
        if (a && formats[i] == NG_FORMAT_JSON) {
            json_object *o = json_tokener_parse(a);
            CHECK(o != NULL);
            if (o) {
                json_object *nodes = NULL, *edges = NULL;
                CHECK(json_object_object_get_ex(o, "nodes", &nodes));
                CHECK(json_object_object_get_ex(o, "edges", &edges));
                CHECK(json_object_array_length(nodes) == g.nnodes);
                CHECK(json_object_array_length(edges) == g.nedges);
            }
            json_object_put(o);
        }
        if (a && formats[i] == NG_FORMAT_DOT) {
            CHECK(strncmp(a, "digraph", 7) == 0);
            CHECK(strstr(a, "\x01") == NULL);
        }
        g_free(a);
        g_free(b);
        g_free(p1);
        g_free(p2);
    }
    /* No temporary files are left behind. */
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name(d)))
        CHECK(strstr(name, ".tmp.") == NULL);
    g_dir_close(d);
    /* A folder that does not exist: a clear error, nothing written. */
    CHECK(ng_export_file(&g, NG_FORMAT_JSON, "/nonexistent-dir/x.json", &err) == NG_ERR_IO);
    CHECK(strstr(err.text, "/nonexistent-dir/x.json") != NULL);
    ng_graph_clear(&g);
    ng_store_close(s);
    g_free(db);
    g_free(dir);
    ng_lexicon_free(lex);
    TEST_DONE();
}
