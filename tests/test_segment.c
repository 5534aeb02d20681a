/* Segmentation: sentence ends, abbreviations, dates, quotation marks. */
#include "check.h"
#include "lexicon_fixture.h"
#include "newsgraph/segment.h"

static char *sentence(const char *text, const ng_segmentation *s, size_t i)
{
    static char buf[512];
    size_t n = s->sentences[i].end - s->sentences[i].start;
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, text + s->sentences[i].start, n);
    buf[n] = '\0';
    return buf;
}

int main(void)
{
    ng_lexicon *lex = test_lexicon();
    ng_segmentation s;
    const char *t = "Am Mittwoch (16. Oktober) sprach Dr. Meier z. B. über Pläne. Er sagte: „Das ist gut.“ "
                    "Dann ging er.\nÜberschrift ohne Punkt\n„Erster Satz. Zweiter Satz“, sagte sie. Es waren 12.000 Menschen.";
    CHECK(ng_segment(lex, t, strlen(t), &s) == NG_OK);
    CHECK(s.nsentences == 7);
    if (s.nsentences == 7) {
        CHECK_STR(sentence(t, &s, 0), "Am Mittwoch (16. Oktober) sprach Dr. Meier z. B. über Pläne.");
        CHECK_STR(sentence(t, &s, 1), "Er sagte: „Das ist gut.“");
        CHECK_STR(sentence(t, &s, 2), "Dann ging er.");
        CHECK_STR(sentence(t, &s, 3), "Überschrift ohne Punkt");
        CHECK_STR(sentence(t, &s, 4), "„Erster Satz.");
        CHECK_STR(sentence(t, &s, 5), "Zweiter Satz“, sagte sie.");
    }
    /* Quotation marks get their direction; numbers keep grouping. */
    int open = 0, close = 0, number = 0, ordinal = 0;
    for (size_t i = 0; i < s.ntokens; i++) {
        open += s.tokens[i].kind == NG_TOK_QUOTE_OPEN;
        close += s.tokens[i].kind == NG_TOK_QUOTE_CLOSE;
        if (s.tokens[i].kind == NG_TOK_NUMBER && s.tokens[i].end - s.tokens[i].start == 6 &&
            !memcmp(t + s.tokens[i].start, "12.000", 6))
            number = 1;
        if (s.tokens[i].flags & NG_TOKF_ORDINAL)
            ordinal = 1;
    }
    CHECK(open == 2 && close == 2);
    CHECK(number);
    CHECK(ordinal);
    ng_segmentation_clear(&s);

    const char *q = "»Wir bleiben«, sagte er. «Nein», antwortete sie. \"Gut\", hieß es.";
    CHECK(ng_segment(lex, q, strlen(q), &s) == NG_OK);
    open = close = 0;
    for (size_t i = 0; i < s.ntokens; i++) {
        open += s.tokens[i].kind == NG_TOK_QUOTE_OPEN;
        close += s.tokens[i].kind == NG_TOK_QUOTE_CLOSE;
    }
    CHECK(open == 3 && close == 3);
    CHECK(s.nsentences == 3);
    ng_segmentation_clear(&s);

    /* Empty text and text with no break at all. */
    CHECK(ng_segment(lex, "", 0, &s) == NG_OK && s.nsentences == 0);
    ng_segmentation_clear(&s);
    ng_lexicon_free(lex);
    TEST_DONE();
}
