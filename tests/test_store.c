/* The store: schema version, idempotent ingest, conflicts, replace,
 * cross-document resolution, refusing files that are not stores. */
#include <glib.h>
#include <sqlite3.h>

#include "check.h"
#include "lexicon_fixture.h"
#include "newsgraph/extract.h"
#include "newsgraph/graph.h"
#include "newsgraph/store.h"
#include "tmpdir.h"

static ng_lexicon *lex;

static ng_status add(ng_store *s, const char *id, const char *text, int replace, ng_add_result *res)
{
    ng_document d;
    ng_extraction x;
    ng_errmsg err;
    ng_status st = ng_document_from_bytes(id, id, text, strlen(text), 0, &d, &err);
    if (st)
        return st;
    st = ng_extract(lex, &d, &x, &err);
    if (!st)
        st = ng_store_add_document(s, &d, &x, replace, res, &err);
    ng_extraction_clear(&x);
    ng_document_clear(&d);
    return st;
}

int main(void)
{
    lex = test_lexicon();
    char *dir = test_tmpdir("store");
    gchar *db = g_build_filename(dir, "s.db", NULL);
    ng_store *s = NULL;
    ng_errmsg err;
    ng_add_result res;
    CHECK(ng_store_open(db, 0, &s, &err) == NG_OK);
    const char *a = "Bundeskanzler Olaf Scholz sprach in Berlin. „Wir helfen“, sagte Scholz.\n";
    const char *b = "Olaf Scholz reiste nach Kiew. Dort traf er Präsident Wolodymyr Selenskyj.\n";
    CHECK(add(s, "a", a, 0, &res) == NG_OK && res == NG_ADD_INSERTED);
    CHECK(add(s, "a", a, 0, &res) == NG_OK && res == NG_ADD_UNCHANGED);
    CHECK(add(s, "a", b, 0, &res) == NG_ERR_CONFLICT);
    CHECK(add(s, "b", b, 0, &res) == NG_OK && res == NG_ADD_INSERTED);
    ng_store_stats st;
    CHECK(ng_store_get_stats(s, &st, &err) == NG_OK);
    CHECK(st.documents == 2);

    /* Scholz in both documents is one node with both documents. */
    ng_graph g;
    CHECK(ng_graph_load(s, &g, &err) == NG_OK);
    size_t i = ng_graph_find_node(&g, "person:olaf-scholz");
    CHECK(i != (size_t)-1);
    if (i != (size_t)-1) {
        CHECK(g.nodes[i].docs.n == 2);
        CHECK(g.nodes[i].mentions >= 3);
    }
    CHECK(ng_graph_find_node(&g, "document:a") != (size_t)-1);
    ng_graph_clear(&g);

    /* Replace swaps the content; entities only the old text named go. */
    const char *a2 = "Emmanuel Macron sprach in Paris.\n";
    CHECK(add(s, "a", a2, 1, &res) == NG_OK && res == NG_ADD_REPLACED);
    CHECK(ng_graph_load(s, &g, &err) == NG_OK);
    i = ng_graph_find_node(&g, "person:olaf-scholz");
    CHECK(i != (size_t)-1 && g.nodes[i].docs.n == 1);
    CHECK(ng_graph_find_node(&g, "place:berlin") == (size_t)-1);
    CHECK(ng_graph_find_node(&g, "person:emmanuel-macron") != (size_t)-1);
    ng_graph_clear(&g);
    ng_store_close(s);

    /* user_version is set. */
    sqlite3 *raw;
    sqlite3_open(db, &raw);
    sqlite3_stmt *q;
    sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &q, NULL);
    CHECK(sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) == NG_STORE_SCHEMA_VERSION);
    sqlite3_finalize(q);
    sqlite3_close(raw);

    /* A file that is not a store: clear error, file untouched. */
    gchar *junk = g_build_filename(dir, "junk.db", NULL);
    g_file_set_contents(junk, "this is not a database, just text\n", -1, NULL);
    CHECK(ng_store_open(junk, 0, &s, &err) == NG_ERR_STORE);
    CHECK(strstr(err.text, "junk.db") != NULL);
    gchar *content = NULL;
    g_file_get_contents(junk, &content, NULL, NULL);
    CHECK_STR(content, "this is not a database, just text\n");
    g_free(content);

    /* Another application's SQLite database is not taken over. */
    gchar *other = g_build_filename(dir, "other.db", NULL);
    sqlite3_open(other, &raw);
    sqlite3_exec(raw, "CREATE TABLE customers(id INTEGER)", NULL, NULL, NULL);
    sqlite3_close(raw);
    CHECK(ng_store_open(other, 0, &s, &err) == NG_ERR_STORE);

    g_free(other);
    g_free(junk);
    g_free(db);
    g_free(dir);
    ng_lexicon_free(lex);
    TEST_DONE();
}
