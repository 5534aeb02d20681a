/* Helpers shared by the analysis subcommands (see analysis_cli.h). */
#include "analysis_cli.h"
#include "view_opts.h"

#include <errno.h>
#include <glib.h>
#include <igraph.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void on_igraph_error(const char *reason, const char *file, int line, igraph_error_t code)
{
    (void)file;
    (void)line;
    fprintf(stderr, "newsgraph: igraph: %s (%s)\n", reason, igraph_strerror(code));
    IGRAPH_FINALLY_FREE();
}

static void on_igraph_warning(const char *reason, const char *file, int line)
{
    (void)file;
    (void)line;
    fprintf(stderr, "newsgraph: igraph warning: %s\n", reason);
}

void ng_cli_igraph_handlers(void)
{
    igraph_set_error_handler(on_igraph_error);
    igraph_set_warning_handler(on_igraph_warning);
}

int ng_cli_filter_option(int code, const char *arg, ng_view_opts *view)
{
    if (code != NG_OPT_TYPES && code != NG_OPT_RELATIONS)
        return 0;
    /* the same parser and messages as export's and render's view options */
    ng_cli_view cv = {.v = *view};
    if (ng_cli_view_option(&cv, code, arg) < 0)
        return -1;
    *view = cv.v;
    return 1;
}

int ng_cli_format_option(const char *arg, int *format)
{
    static const char *const formats[] = {"table", "csv", "json"};
    for (int i = 0; i < 3; i++)
        if (!strcmp(arg, formats[i])) {
            *format = i;
            return NG_EXIT_OK;
        }
    ng_cli_error("unknown format '%s' (table, csv or json)", arg);
    return NG_EXIT_USAGE;
}

int ng_cli_resolve(const ng_graph *g, const char *query, size_t *node)
{
    ng_errmsg err = {{0}};
    if (ng_graph_resolve_entity(g, query, node, &err) != NG_OK) {
        ng_cli_error("%s", err.text);
        return NG_EXIT_FAILURE;
    }
    return NG_EXIT_OK;
}

int ng_cli_apply_view(const ng_graph *g, const ng_view_opts *v, ng_graph *storage, const ng_graph **out, int *owned)
{
    *owned = 0;
    *out = g;
    if (ng_view_is_identity(v))
        return NG_EXIT_OK;
    ng_errmsg err = {{0}};
    if (ng_graph_view(g, v, storage, &err) != NG_OK) {
        ng_cli_error("%s", err.text);
        return NG_EXIT_FAILURE;
    }
    *out = storage;
    *owned = 1;
    return NG_EXIT_OK;
}

int ng_cli_finish(int rc, ng_graph *g, ng_graph *storage, int owned)
{
    if ((fflush(stdout) != 0 || ferror(stdout)) && rc == NG_EXIT_OK) {
        ng_cli_error("cannot write the output");
        rc = NG_EXIT_FAILURE;
    }
    if (owned)
        ng_graph_clear(storage);
    ng_graph_clear(g);
    return rc;
}

size_t ng_cli_same_node(const ng_graph *g, size_t i, const ng_graph *view)
{
    return view == g ? i : ng_graph_find_node(view, g->nodes[i].id);
}

size_t ng_cli_width(const char *s)
{
    return s && g_utf8_validate(s, -1, NULL) ? (size_t)g_utf8_strlen(s, -1) : (s ? strlen(s) : 0);
}

void ng_cli_pad(FILE *f, const char *s, size_t width)
{
    size_t w = ng_cli_width(s);
    /* Line breaks and tabs in a label would break the columns. */
    for (const char *p = s ? s : ""; *p; p++)
        fputc(*p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p, f);
    for (; w < width; w++)
        fputc(' ', f);
}

void ng_cli_csv_field(FILE *f, const char *s)
{
    if (!s)
        s = "";
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}
