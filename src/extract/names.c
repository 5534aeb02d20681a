/* Names of types, the name key that merges spellings of one name, and the
 * slugs that make node ids. */
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "newsgraph/extract.h"
#include "common/ascii.h"

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

static GString *ascii_fold(const char *name, size_t len, int keep_separators)
{
    GString *out = g_string_sized_new(len + 4);
    const char *end = name + len;
    for (const char *p = name; p < end && *p;) {
        unsigned char ch = (unsigned char)*p;
        if (ch < 0x80) {
            if (g_ascii_isalnum((char)ch))
                g_string_append_c(out, ng_ascii_lower((char)ch));
            else if (keep_separators && out->len && out->str[out->len - 1] != '-')
                g_string_append_c(out, '-');
            p++;
            continue;
        }
        gunichar c = g_utf8_get_char_validated(p, (gssize)(end - p));
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

/* ascii_fold(name, len, 1) into out (len + 1 bytes) when name is all ASCII,
 * the common case, without allocating; (size_t)-1 when it is not. */
static size_t ascii_fold_plain(char *out, const char *name, size_t len)
{
    size_t o = 0;
    for (size_t i = 0; i < len && name[i]; i++) {
        unsigned char ch = (unsigned char)name[i];
        if (ch >= 0x80)
            return (size_t)-1;
        if (g_ascii_isalnum((char)ch))
            out[o++] = ng_ascii_lower((char)ch);
        else if (o && out[o - 1] != '-')
            out[o++] = '-';
    }
    while (o && out[o - 1] == '-')
        o--;
    out[o] = '\0';
    return o;
}

char *ng_slug(const char *name)
{
    GString *s = ascii_fold(name, strlen(name), 1);
    if (!s->len)
        g_string_append(s, "x");
    char *r = strdup(s->str);
    g_string_free(s, TRUE);
    return r;
}

/* The Slavic word endings of one word w[0..l) of a folded name, as
 * ng_name_key spells them (Sergej/Sergei/Sergey, Selenskyj/Zelensky);
 * returns the new length. */
static size_t fold_word_ending(char *w, size_t l)
{
    if (l > 3 && w[l - 2] == 'e' && (w[l - 1] == 'j' || w[l - 1] == 'y')) {
        w[l - 1] = 'i';
    } else if (l > 3 && ((w[l - 2] == 'y' && w[l - 1] == 'j') || (w[l - 2] == 'i' && w[l - 1] == 'j') ||
                         (w[l - 2] == 'i' && w[l - 1] == 'y'))) {
        w[l - 2] = 'i';
        l--;
    }
    return l;
}

char *ng_name_key(const char *name)
{
    return ng_name_key_n(name, strlen(name));
}

char *ng_name_key_n(const char *name, size_t len)
{
    /* Word endings first: Sergej/Sergei/Sergey, Selenskyj/Zelensky.  The
     * folded words are joined without their separators. */
    char plain[256];
    GString *w = NULL;
    char *s = plain;
    size_t wl = len < sizeof plain ? ascii_fold_plain(plain, name, len) : (size_t)-1;
    if (wl == (size_t)-1) {
        w = ascii_fold(name, len, 1);
        s = w->str;
        wl = w->len;
    }
    size_t n = 0;
    for (size_t i = 0; i < wl;) {
        size_t j = i;
        while (j < wl && s[j] != '-')
            j++;
        size_t l = fold_word_ending(s + i, j - i);
        memmove(s + n, s + i, l);
        n += l;
        i = j + 1;
    }
    /* Fold German transliteration onto English, longest patterns first
     * (tsch -> ch, sch -> sh, shch, ij -> iy, ja ju je jo -> ya yu ye yo,
     * w -> v, j -> y, ks -> x), then drop doubled letters and keep the
     * result.  Every rule shortens or keeps the text, so one buffer does. */
    char *out = malloc(n + 1);
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        const char *p = s + i;
        size_t left = n - i, used = 1;
        const char *rep = NULL;
        switch (p[0]) {
        case 't':
            if (left >= 4 && memcmp(p, "tsch", 4) == 0)
                rep = "ch", used = 4;
            break;
        case 's':
            if (left >= 3 && memcmp(p, "sch", 3) == 0)
                rep = "sh", used = 3;
            else if (left >= 4 && memcmp(p, "shch", 4) == 0)
                rep = "shch", used = 4;
            break;
        case 'i':
            if (left >= 2 && p[1] == 'j')
                rep = "iy", used = 2;
            break;
        case 'j':
            if (left >= 2 && p[1] == 'a')
                rep = "ya", used = 2;
            else if (left >= 2 && p[1] == 'u')
                rep = "yu", used = 2;
            else if (left >= 2 && p[1] == 'e')
                rep = "ye", used = 2;
            else if (left >= 2 && p[1] == 'o')
                rep = "yo", used = 2;
            else
                rep = "y";
            break;
        case 'w':
            rep = "v";
            break;
        case 'k':
            if (left >= 2 && p[1] == 's')
                rep = "x", used = 2;
            break;
        }
        char self[2] = {p[0], '\0'};
        for (const char *r = rep ? rep : self; *r; r++)
            if (!o || out[o - 1] != *r) /* doubled letters are spelling noise */
                out[o++] = *r;
        i += used;
    }
    out[o] = '\0';
    if (w)
        g_string_free(w, TRUE);
    return out;
}
