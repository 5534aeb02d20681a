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
    if (!strcmp(name, "gexf")) return NG_FORMAT_GEXF;
    if (!strcmp(name, "csv")) return NG_FORMAT_CSV;
    return -1;
}

int ng_csv_header_parse(const char *name)
{
    if (!strcmp(name, "gephi")) return NG_CSV_GEPHI;
    if (!strcmp(name, "neo4j")) return NG_CSV_NEO4J;
    return -1;
}

const char *ng_format_extension(ng_format f)
{
    switch (f) {
    case NG_FORMAT_GRAPHML: return "graphml";
    case NG_FORMAT_DOT: return "dot";
    case NG_FORMAT_JSON: return "json";
    case NG_FORMAT_GEXF: return "gexf";
    case NG_FORMAT_CSV: return "csv";
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
     * and quote specially, and Graphviz reads "&#1;" or "&foo;" in any string
     * as an entity (and writes it into SVG as is), so '&' becomes "&amp;".
     * Invalid bytes cannot occur (input is validated), but a defensive pass
     * replaces them too. */
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
        else if (for_dot && c == '&')
            g_string_append(out, "&amp;"); /* Graphviz decodes entities in every string */
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

/* One writer call: what goes into one file. */
typedef enum part { PART_WHOLE, PART_CSV_NODES, PART_CSV_EDGES } part;

static ng_status write_part(const ng_graph *g, ng_format format, part p, const ng_export_opts *o, FILE *f,
                            ng_errmsg *err)
{
    switch (format) {
    case NG_FORMAT_GRAPHML: return ng_export_graphml(g, f, err);
    case NG_FORMAT_DOT: return ng_export_dot_opts(g, o, f, err);
    case NG_FORMAT_JSON: return ng_export_json(g, f, err);
    case NG_FORMAT_GEXF: return ng_export_gexf(g, f, err);
    case NG_FORMAT_CSV:
        return p == PART_CSV_EDGES ? ng_export_csv_edges(g, o->csv_header, f, err)
                                   : ng_export_csv_nodes(g, o->csv_header, f, err);
    }
    return ng_fail(err, NG_ERR_INVALID, "unknown export format %d", (int)format);
}

/* Temporary file in the same folder, then rename: whole or not at all. */
static ng_status write_atomic(const ng_graph *g, ng_format format, part p, const ng_export_opts *o,
                              const char *path, ng_errmsg *err)
{
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
    errno = 0;
    ng_status st = write_part(g, format, p, o, f, err);
    int write_errno = errno;
    /* A writer that saw its stream fail says only "JSON: write failed":
     * name the file and the reason (disk full, file size limit). */
    if (st == NG_ERR_IO)
        st = ng_fail(err, NG_ERR_IO, "%s: write failed: %s", path,
                     write_errno ? strerror(write_errno) : "output error");
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

ng_status ng_export_file(const ng_graph *g, ng_format format, const char *path, ng_errmsg *err)
{
    return ng_export_file_opts(g, format, path, NULL, err);
}

ng_status ng_export_file_opts(const ng_graph *g, ng_format format, const char *path, const ng_export_opts *opts,
                              ng_errmsg *err)
{
    static const ng_export_opts defaults = {0};
    const ng_export_opts *o = opts ? opts : &defaults;
    if (format == NG_FORMAT_CSV) {
        /* A folder with nodes.csv and edges.csv. */
        if (!strcmp(path, "-"))
            return ng_fail(err, NG_ERR_INVALID, "CSV is two files: give a folder with -o DIR");
        errno = 0;
        if (g_mkdir_with_parents(path, 0777) != 0 || !g_file_test(path, G_FILE_TEST_IS_DIR))
            return ng_fail(err, NG_ERR_IO, "%s: cannot create folder: %s", path,
                           errno ? strerror(errno) : "not a folder");
        gchar *nodes = g_build_filename(path, "nodes.csv", NULL), *edges = g_build_filename(path, "edges.csv", NULL);
        ng_status st = write_atomic(g, format, PART_CSV_NODES, o, nodes, err);
        if (!st)
            st = write_atomic(g, format, PART_CSV_EDGES, o, edges, err);
        g_free(nodes);
        g_free(edges);
        return st;
    }
    if (!strcmp(path, "-")) {
        ng_status st = write_part(g, format, PART_WHOLE, o, stdout, err);
        if (!st && fflush(stdout) != 0)
            st = ng_fail(err, NG_ERR_IO, "standard output: %s", strerror(errno));
        return st;
    }
    return write_atomic(g, format, PART_WHOLE, o, path, err);
}
