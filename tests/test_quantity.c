/* Numbers: digits, words, ranges, qualifiers, vague amounts, units; and
 * what is not a number. */
#include <math.h>

#include "check.h"
#include "lexicon_fixture.h"
#include "newsgraph/quantity.h"

static ng_lexicon *lex;

/* Parses text and expects exactly one quantity. */
static ng_quantity_match one(const char *text)
{
    ng_quantity_match m[8];
    size_t n = 0;
    memset(m, 0, sizeof m);
    if (ng_quantity_parse(lex, text, strlen(text), m, 8, &n) != NG_OK || n != 1) {
        fprintf(stderr, "\"%s\": %zu quantities, want 1\n", text, n);
        ng_test_failures++;
    }
    return m[0];
}

static size_t count(const char *text)
{
    ng_quantity_match m[8];
    size_t n = 0;
    ng_quantity_parse(lex, text, strlen(text), m, 8, &n);
    return n;
}

int main(void)
{
    lex = test_lexicon();
    double v;
    CHECK(ng_number_parse_digits("12.000", 6, &v) == 0 && v == 12000);
    CHECK(ng_number_parse_digits("2,5", 3, &v) == 0 && v == 2.5);
    CHECK(ng_number_parse_digits("1.200,75", 8, &v) == 0 && v == 1200.75);
    CHECK(ng_number_parse_digits("1.20.0", 6, &v) != 0);
    CHECK(ng_number_parse_word(lex, "zwölftausend", strlen("zwölftausend"), &v) == 0 && v == 12000);
    CHECK(ng_number_parse_word(lex, "dreihundertfünfzig", strlen("dreihundertfünfzig"), &v) == 0 && v == 350);
    CHECK(ng_number_parse_word(lex, "einundzwanzig", 13, &v) == 0 && v == 21);
    CHECK(ng_number_parse_word(lex, "Tisch", 5, &v) != 0);

    ng_quantity_match m = one("Es kamen rund 12.000 Soldaten.");
    CHECK_NUM(m.low, 12000);
    CHECK(m.qualifier == NG_QUAL_APPROX);
    CHECK(m.unit && !strcmp(m.unit, "Soldat"));

    m = one("Dort sind mindestens 3000 nordkoreanische Soldaten.");
    CHECK_NUM(m.low, 3000);
    CHECK(m.qualifier == NG_QUAL_AT_LEAST);
    CHECK(m.unit && !strcmp(m.unit, "Soldat"));

    m = one("Man rechnet mit 11.000 bis 12.000 Mann.");
    CHECK_NUM(m.low, 11000);
    CHECK_NUM(m.high, 12000);
    CHECK(m.qualifier == NG_QUAL_RANGE);

    m = one("Es sind zwischen 3000 und 5000 Menschen.");
    CHECK_NUM(m.low, 3000);
    CHECK_NUM(m.high, 5000);
    CHECK(m.qualifier == NG_QUAL_RANGE);

    m = one("Die Hilfe umfasst 2,5 Milliarden Euro.");
    CHECK_NUM(m.low, 2.5e9);

    m = one("Es starben drei Millionen Menschen.");
    CHECK_NUM(m.low, 3e6);

    m = one("Sieben Kilometer weiter lag die Grenze.");
    CHECK_NUM(m.low, 7);

    m = one("Mehrere Tausend Soldaten wurden verlegt.");
    CHECK(!m.has_value);

    m = one("Sie zahlen bis zu 2000 US-Dollar pro Monat.");
    CHECK_NUM(m.low, 2000);
    CHECK(m.qualifier == NG_QUAL_AT_MOST);

    /* Not quantities: dates, years, times, ordinals. */
    CHECK(count("Am 16. Oktober kam es zum Treffen.") == 0);
    CHECK(count("Der Krieg dauerte von 1950 bis 1953.") == 0);
    CHECK(count("Im Jahr 2022 begann der Angriff.") == 0);
    CHECK(count("Um 14 Uhr begann die Sitzung.") == 0);
    ng_lexicon_free(lex);
    TEST_DONE();
}
