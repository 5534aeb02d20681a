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

/* German letters that ASCII folding would lose: ä → ae, not a. */
static void append_ascii(GString *out, gunichar c)
{
    switch (c) {
    case 0xE4: g_string_append(out, "ae"); return;
    case 0xF6: g_string_append(out, "oe"); return;
    case 0xFC: g_string_append(out, "ue"); return;
    case 0xDF: g_string_append(out, "ss"); return;
    }
    char buf[8];
    int n = g_unichar_to_utf8(c, buf);
    buf[n] = '\0';
    gchar *a = g_str_to_ascii(buf, "C");
    for (char *p = a; *p; p++)
        if (g_ascii_isalnum(*p))
            g_string_append_c(out, g_ascii_tolower(*p));
    g_free(a);
}

static GString *ascii_fold(const char *name, int keep_separators)
{
    gchar *low = g_utf8_strdown(name, -1);
    GString *out = g_string_new(NULL);
    for (const char *p = low; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isalnum(c))
            append_ascii(out, c);
        else if (keep_separators && out->len && out->str[out->len - 1] != '-')
            g_string_append_c(out, '-');
    }
    g_free(low);
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
