/* Names of types, the name key that merges spellings of one name, and the
 * slugs that make node ids. */
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "newsgraph/extract.h"

static const char *const entity_types[] = {"person", "organization", "media", "country", "place"};
static const char *const edge_types[] = {"said",     "reported", "cites",     "states",    "quantity_of",
                                         "mentions", "role",     "co_occurs", "appears_in"};
static const char *const qualifiers[] = {"exact", "approx", "at_least", "at_most", "range"};

const char *ng_entity_type_name(ng_entity_type type)
{
    return type < NG_ENT_TYPE_COUNT ? entity_types[type] : "unknown";
}

int ng_entity_type_parse(const char *name)
{
    for (int i = 0; i < NG_ENT_TYPE_COUNT; i++)
        if (strcmp(name, entity_types[i]) == 0)
            return i;
    return -1;
}

const char *ng_edge_type_name(ng_edge_type type)
{
    return type < NG_EDGE_TYPE_COUNT ? edge_types[type] : "unknown";
}

int ng_edge_type_parse(const char *name)
{
    for (int i = 0; i < NG_EDGE_TYPE_COUNT; i++)
        if (strcmp(name, edge_types[i]) == 0)
            return i;
    return -1;
}

const char *ng_qualifier_name(ng_qualifier q)
{
    return q <= NG_QUAL_RANGE ? qualifiers[q] : "exact";
}

/* Folds a name to lower-case ASCII letters and digits: German letters as
 * German writes them in ASCII (ä → ae, ß → ss), other letters by their base
 * letter (é → e, č → c); anything else is a separator ('-') when asked for. */
static void append_ascii(GString *out, gunichar c)
{
    switch (c) {
    case 0xE4: case 0xC4: g_string_append(out, "ae"); return;
    case 0xF6: case 0xD6: g_string_append(out, "oe"); return;
    case 0xFC: case 0xDC: g_string_append(out, "ue"); return;
    case 0xDF: g_string_append(out, "ss"); return;
    }
    gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
    gsize n = g_unichar_fully_decompose(g_unichar_tolower(c), FALSE, d, G_N_ELEMENTS(d));
    for (gsize i = 0; i < n; i++)
        if (d[i] < 0x80 && g_ascii_isalnum((char)d[i]))
            g_string_append_c(out, g_ascii_tolower((char)d[i]));
}

static GString *ascii_fold(const char *name, int keep_separators)
{
    GString *out = g_string_sized_new(strlen(name) + 4);
    for (const char *p = name; *p;) {
        unsigned char ch = (unsigned char)*p;
        if (ch < 0x80) {
            if (g_ascii_isalnum((char)ch))
                g_string_append_c(out, g_ascii_tolower((char)ch));
            else if (keep_separators && out->len && out->str[out->len - 1] != '-')
                g_string_append_c(out, '-');
            p++;
            continue;
        }
        gunichar c = g_utf8_get_char_validated(p, -1);
        if (c == (gunichar)-1 || c == (gunichar)-2) {
            p++;
            continue;
        }
        if (g_unichar_isalnum(c))
            append_ascii(out, c);
        else if (keep_separators && out->len && out->str[out->len - 1] != '-')
            g_string_append_c(out, '-');
        p = g_utf8_next_char(p);
    }
    while (out->len && out->str[out->len - 1] == '-')
        g_string_truncate(out, out->len - 1);
    return out;
}

char *ng_slug(const char *name)
{
    GString *s = ascii_fold(name, 1);
    if (!s->len)
        g_string_append(s, "x");
    char *r = strdup(s->str);
    g_string_free(s, TRUE);
    return r;
}

char *ng_name_key(const char *name)
{
    /* Word endings first: Sergej/Sergei/Sergey, Selenskyj/Zelensky. */
    GString *w = ascii_fold(name, 1);
    GString *s = g_string_new(NULL);
    gchar **words = g_strsplit(w->str, "-", -1);
    for (int i = 0; words[i]; i++) {
        size_t l = strlen(words[i]);
        if (l > 3 && (!strcmp(words[i] + l - 2, "ej") || !strcmp(words[i] + l - 2, "ey")))
            words[i][l - 1] = 'i';
        else if (l > 3 && (!strcmp(words[i] + l - 2, "yj") || !strcmp(words[i] + l - 2, "ij") ||
                           !strcmp(words[i] + l - 2, "iy")))
            words[i][l - 1] = '\0', words[i][l - 2] = 'i';
        g_string_append(s, words[i]);
    }
    g_strfreev(words);
    g_string_free(w, TRUE);
    /* Fold German transliteration onto English, longest patterns first. */
    static const char *const rules[][2] = {{"tsch", "ch"}, {"sch", "sh"}, {"shch", "shch"},
                                           {"ij", "iy"},   {"ja", "ya"},  {"ju", "yu"},
                                           {"je", "ye"},   {"jo", "yo"},  {"w", "v"},
                                           {"j", "y"},     {"ks", "x"}};
    GString *out = g_string_new(NULL);
    for (size_t i = 0; i < s->len;) {
        size_t r;
        for (r = 0; r < G_N_ELEMENTS(rules); r++) {
            size_t n = strlen(rules[r][0]);
            if (strncmp(s->str + i, rules[r][0], n) == 0) {
                g_string_append(out, rules[r][1]);
                i += n;
                break;
            }
        }
        if (r == G_N_ELEMENTS(rules))
            g_string_append_c(out, s->str[i++]);
    }
    /* Doubled letters and a final y after i ("Selenskyj"/"Zelensky") are spelling noise. */
    GString *fin = g_string_new(NULL);
    for (size_t i = 0; i < out->len; i++)
        if (!fin->len || fin->str[fin->len - 1] != out->str[i])
            g_string_append_c(fin, out->str[i]);
    char *res = strdup(fin->str);
    g_string_free(fin, TRUE);
    g_string_free(out, TRUE);
    g_string_free(s, TRUE);
    return res;
}
