/* Reading: plain text, HTML boilerplate removal, invalid UTF-8, binary files. */
#include "check.h"
#include "newsgraph/document.h"

static void text_basics(void)
{
    ng_document d;
    ng_errmsg err;
    const char *t = "\xEF\xBB\xBFTitelzeile\r\nErster Absatz.\r\n";
    CHECK(ng_document_from_bytes("a", "dir/a.txt", t, strlen(t), 0, &d, &err) == NG_OK);
    CHECK_STR(d.title, "Titelzeile");
    CHECK_STR(d.text, "Titelzeile\nErster Absatz.\n");
    CHECK(strlen(d.sha256) == 64);
    ng_document_clear(&d);

    /* NFC: "u" + combining diaeresis becomes "ü". */
    const char *nfd = "Mu\xCC\x88nchen";
    CHECK(ng_document_from_bytes("b", NULL, nfd, strlen(nfd), 0, &d, &err) == NG_OK);
    CHECK_STR(d.text, "M\xC3\xBCnchen");
    ng_document_clear(&d);
}

static void invalid_input(void)
{
    ng_document d;
    ng_errmsg err;
    const char bad[] = "Gute Bytes \xC3\x28 und danach";
    CHECK(ng_document_from_bytes("bad", "x/bad.txt", bad, strlen(bad), 0, &d, &err) == NG_ERR_UTF8);
    CHECK(strstr(err.text, "x/bad.txt") != NULL);
    CHECK(strstr(err.text, "offset 11") != NULL);
    const char bin[] = {'P', 'K', 3, 4, 0, 0, 1, 2};
    CHECK(ng_document_from_bytes("bin", "x/bin.txt", bin, sizeof bin, 0, &d, &err) == NG_ERR_BINARY);
    CHECK(strstr(err.text, "binary") != NULL);
    CHECK(ng_document_read_file("/nonexistent/file.txt", &d, &err) == NG_ERR_IO);
    CHECK(strstr(err.text, "/nonexistent/file.txt") != NULL);
}

static void html(void)
{
    const char *h = "<!DOCTYPE html><html><head><title>Die Schlagzeile &amp; mehr</title>"
                    "<script>var x = 'Werbung';</script><style>p{}</style></head><body>"
                    "<header><nav><a href='/'>Startseite</a></nav></header>"
                    "<article><h1>Die Schlagzeile</h1><p>Erster &#8222;Absatz&#8220; mit <b>Text</b>.</p>"
                    "<aside>Lesen Sie auch</aside><p>Zweiter\n   Absatz.</p><form>Suche</form></article>"
                    "<footer>Impressum</footer></body></html>";
    ng_document d;
    ng_errmsg err;
    CHECK(ng_document_from_bytes("h", "h.html", h, strlen(h), 1, &d, &err) == NG_OK);
    CHECK_STR(d.title, "Die Schlagzeile & mehr");
    CHECK_STR(d.text, "Die Schlagzeile\nErster \xE2\x80\x9E" "Absatz\xE2\x80\x9C mit Text.\nZweiter Absatz.\n");
    CHECK(strstr(d.text, "Werbung") == NULL && strstr(d.text, "Startseite") == NULL &&
          strstr(d.text, "Impressum") == NULL && strstr(d.text, "Lesen Sie") == NULL);
    ng_document_clear(&d);
}

static void ids(void)
{
    char *id = ng_document_id_from_path("/a/b/000_369940dc3688cb63.txt");
    CHECK_STR(id, "000_369940dc3688cb63");
    free(id);
    id = ng_document_id_from_path("archiv.2024.html");
    CHECK_STR(id, "archiv.2024");
    free(id);
}

int main(void)
{
    text_basics();
    invalid_input();
    html();
    ids();
    TEST_DONE();
}
