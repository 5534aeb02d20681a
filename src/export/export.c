/* What every writer shares: atomic files, numbers in the C locale, and text
 * made safe for XML and DOT whatever the articles held. */
#include "newsgraph/export.h"

#include <errno.h>
#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export_impl.h"

int ng_format_parse(const char *name)
{
    if (!strcmp(name, "graphml")) return NG_FORMAT_GRAPHML;
    if (!strcmp(name, "dot") || !strcmp(name, "gv")) return NG_FORMAT_DOT;
    if (!strcmp(name, "json")) return NG_FORMAT_JSON;
    return -1;
}

const char *ng_format_extension(ng_format f)
{
    switch (f) {
    case NG_FORMAT_GRAPHML: return "graphml";
    case NG_FORMAT_DOT: return "dot";
    case NG_FORMAT_JSON: return "json";
    }
    return "out";
}

void ng_format_double(double v, char *buf)
{
    if (!isfinite(v))
        v = 0;
    if (v == floor(v) && fabs(v) < 1e15) {
        g_snprintf(buf, 32, "%.0f", v);
        return;
    }
    /* Shortest form that reads back the same; g_ascii_* ignores the locale. */
    for (int prec = 6; prec <= 17; prec++) {
        char fmt[8];
        g_snprintf(fmt, sizeof fmt, "%%.%dg", prec);
        g_ascii_formatd(buf, 32, fmt, v);
        if (g_ascii_strtod(buf, NULL) == v)
            return;
    }
}

char *ng_clean_text(const char *s, int for_dot)
{
    /* XML 1.0 forbids most control characters; DOT labels treat backslash
     * and quote specially.  Invalid bytes cannot occur (input is validated),
     * but a defensive pass replaces them too. */
    GString *out = g_string_sized_new(strlen(s) + 8);
    const char *p = s;
    while (*p) {
        gunichar c = g_utf8_get_char_validated(p, -1);
        if (c == (gunichar)-1 || c == (gunichar)-2) {
            g_string_append(out, "\xEF\xBF\xBD");
            p++;
            continue;
        }
        const char *next = g_utf8_next_char(p);
        if (c == '\n' || c == '\r' || c == '\t')
            g_string_append_c(out, ' ');
        else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xFFFE || c == 0xFFFF ||
                 (c >= 0xD800 && c <= 0xDFFF))
            g_string_append(out, "\xEF\xBF\xBD");
        else if (for_dot && c == '"')
            g_string_append(out, "\\\"");
        else if (for_dot && c == '\\')
            g_string_append(out, "\\\\");
        else
            g_string_append_len(out, p, next - p);
        p = next;
    }
    return g_string_free(out, FALSE);
}

const ng_node_style *ng_node_style_of(int t)
{
    static const ng_node_style styles[] = {
        {66, 133, 244, "ellipse"},   /* person */
        {219, 68, 55, "box"},        /* organization */
        {244, 160, 0, "component"},  /* media */
        {15, 157, 88, "hexagon"},    /* country */
        {0, 172, 193, "house"},      /* place */
        {158, 158, 158, "note"},     /* claim */
        {171, 71, 188, "diamond"},   /* quantity */
        {120, 144, 156, "folder"},   /* document */
    };
    return &styles[t >= 0 && t < NG_NODE_TYPE_COUNT ? t : NG_NODE_CLAIM];
}

ng_status ng_export_file(const ng_graph *g, ng_format format, const char *path, ng_errmsg *err)
{
    if (!strcmp(path, "-")) {
        ng_status st = format == NG_FORMAT_GRAPHML ? ng_export_graphml(g, stdout, err)
                       : format == NG_FORMAT_DOT   ? ng_export_dot(g, stdout, err)
                                                   : ng_export_json(g, stdout, err);
        if (!st && fflush(stdout) != 0)
            st = ng_fail(err, NG_ERR_IO, "standard output: %s", strerror(errno));
        return st;
    }
    /* Temporary file in the same folder, then rename: whole or not at all. */
    gchar *tmp = g_strdup_printf("%s.tmp.XXXXXX", path);
    int fd = g_mkstemp(tmp);
    if (fd < 0) {
        ng_status st = ng_fail(err, NG_ERR_IO, "%s: cannot create: %s", path, strerror(errno));
        g_free(tmp);
        return st;
    }
    FILE *f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        unlink(tmp);
        g_free(tmp);
        return ng_fail(err, NG_ERR_IO, "%s: cannot write: %s", path, strerror(errno));
    }
    ng_status st = format == NG_FORMAT_GRAPHML ? ng_export_graphml(g, f, err)
                   : format == NG_FORMAT_DOT   ? ng_export_dot(g, f, err)
                                               : ng_export_json(g, f, err);
    int bad = ferror(f) || fflush(f) != 0 || fsync(fileno(f)) != 0;
    int saved = errno;
    if (fclose(f) != 0)
        bad = 1;
    if (!st && bad)
        st = ng_fail(err, NG_ERR_IO, "%s: write failed: %s", path, strerror(saved));
    /* Files keep the usual permissions (mkstemp makes them private). */
    if (!st) {
        mode_t mask = umask(0);
        umask(mask);
        chmod(tmp, 0666 & ~mask);
    }
    if (!st && rename(tmp, path) != 0)
        st = ng_fail(err, NG_ERR_IO, "%s: cannot rename into place: %s", path, strerror(errno));
    if (st)
        unlink(tmp);
    g_free(tmp);
    return st;
}
