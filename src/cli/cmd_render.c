/* newsgraph render: draws the graph (or a view of it) with Graphviz.
 *
 * The DOT text goes through a pipe to Graphviz's `dot` program, started with
 * posix_spawnp (no shell), whose output goes to a temporary file next to the
 * target; the file is renamed into place only when dot succeeded. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <glib.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "newsgraph/export.h"
#include "view_opts.h"

/* Without a view option, graphs larger than this are drawn as the actor
 * network's top DEFAULT_TOP by degree: a readable picture, not a hairball. */
#define DEFAULT_MAX_NODES 150
#define DEFAULT_TOP 60

static const char *const layouts[] = {"sfdp", "dot", "neato", "fdp", "circo", "twopi", NULL};

static void help(FILE *f)
{
    fprintf(f, "usage: newsgraph render [--db FILE] [-o FILE.svg|FILE.png|FILE.pdf] [--layout L]\n"
               "                        [--cluster doc] [view options]\n\n"
               "Draws the graph with Graphviz (the 'dot' program must be installed).  Node colour\n"
               "and shape show the type, text size the degree; hover over a node in the SVG to\n"
               "read its full text.  The file is written whole or not at all.\n\n"
               "When no view option is given and the graph has more than %d nodes, the drawing\n"
               "shows the actor network's top %d by degree (as --actors --top %d) and says so.\n\n"
               "  --db FILE          store (default: output/newsgraph.db)\n"
               "  -o, --output FILE  the drawing; .svg, .png or .pdf picks the format\n"
               "                     (default: graph.svg next to the store)\n"
               "  --layout L         sfdp (default, fast on large graphs), dot (hierarchical, slow on\n"
               "                     large graphs), neato, fdp, circo or twopi\n"
               "  --cluster doc      one box per document (entities named in several documents stay\n"
               "                     outside); needs --layout fdp or dot, and picks fdp when no\n"
               "                     layout is given\n\n"
               "%s",
            DEFAULT_MAX_NODES, DEFAULT_TOP, DEFAULT_TOP, NG_CLI_VIEW_HELP);
}

enum { OPT_LAYOUT = NG_OPT_VIEW_LAST, OPT_CLUSTER };

static const char *format_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return NULL;
    if (!g_ascii_strcasecmp(dot, ".svg")) return "svg";
    if (!g_ascii_strcasecmp(dot, ".png")) return "png";
    if (!g_ascii_strcasecmp(dot, ".pdf")) return "pdf";
    return NULL;
}

/* Writes all of buf to fd; 0 or an errno. */
static int write_all(int fd, const char *buf, size_t n)
{
    while (n) {
        ssize_t w = write(fd, buf, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        buf += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Runs `dot -K<layout> -T<format>` with the DOT text on its standard input
 * and its standard output into out_fd.  Returns NG_EXIT_OK or prints why not. */
static int run_graphviz(const char *dot_text, size_t len, const char *layout, const char *format, int out_fd)
{
    int in[2];
    if (pipe(in) != 0) {
        ng_cli_error("cannot make a pipe: %s", strerror(errno));
        return NG_EXIT_FAILURE;
    }
    gchar *karg = g_strconcat("-K", layout, NULL), *targ = g_strconcat("-T", format, NULL);
    char *args[] = {"dot", karg, targ, NULL};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&fa, out_fd, STDOUT_FILENO);
    if (in[0] != STDIN_FILENO && in[0] != STDOUT_FILENO)
        posix_spawn_file_actions_addclose(&fa, in[0]);
    posix_spawn_file_actions_addclose(&fa, in[1]);
    if (out_fd != STDIN_FILENO && out_fd != STDOUT_FILENO)
        posix_spawn_file_actions_addclose(&fa, out_fd);
    /* Numbers in the drawing with '.', whatever the user's locale. */
    gchar **env = g_environ_setenv(g_get_environ(), "LC_ALL", "C.UTF-8", TRUE);
    pid_t pid;
    int rc = posix_spawnp(&pid, "dot", &fa, NULL, args, env);
    g_strfreev(env);
    posix_spawn_file_actions_destroy(&fa);
    g_free(karg);
    g_free(targ);
    close(in[0]);
    if (rc != 0) {
        close(in[1]);
        if (rc == ENOENT)
            ng_cli_error("Graphviz's 'dot' program was not found (install the graphviz package)");
        else
            ng_cli_error("cannot start Graphviz's 'dot': %s", strerror(rc));
        return NG_EXIT_FAILURE;
    }
    /* A dot that stops early must not kill us with SIGPIPE. */
    struct sigaction ign = {0}, old;
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGPIPE, &ign, &old);
    int werr = write_all(in[1], dot_text, len);
    close(in[1]);
    sigaction(SIGPIPE, &old, NULL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            ng_cli_error("lost Graphviz's 'dot': %s", strerror(errno));
            return NG_EXIT_FAILURE;
        }
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        if (WIFSIGNALED(status))
            ng_cli_error("Graphviz's 'dot' died of signal %d", WTERMSIG(status));
        else
            ng_cli_error("Graphviz's 'dot' failed (exit %d)", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        return NG_EXIT_FAILURE;
    }
    if (werr) {
        ng_cli_error("cannot send the graph to Graphviz: %s", strerror(werr));
        return NG_EXIT_FAILURE;
    }
    return NG_EXIT_OK;
}

/* Draws g into path atomically. */
static int render(const ng_graph *g, const ng_export_opts *eo, const char *layout, const char *format,
                  const char *path)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem) {
        ng_cli_error("out of memory");
        return NG_EXIT_FAILURE;
    }
    ng_errmsg err = {{0}};
    ng_status st = ng_export_dot_opts(g, eo, mem, &err);
    if (fclose(mem) != 0 && !st)
        st = ng_fail(&err, NG_ERR_NOMEM, "out of memory");
    if (st) {
        ng_cli_error("%s", err.text);
        free(text);
        return NG_EXIT_FAILURE;
    }
    gchar *tmp = g_strdup_printf("%s.tmp.XXXXXX", path);
    int fd = g_mkstemp(tmp);
    if (fd < 0) {
        ng_cli_error("%s: cannot create: %s", path, strerror(errno));
        g_free(tmp);
        free(text);
        return NG_EXIT_FAILURE;
    }
    int rc = run_graphviz(text, len, layout, format, fd);
    free(text);
    struct stat sb;
    if (rc == NG_EXIT_OK && (fsync(fd) != 0 || fstat(fd, &sb) != 0 || sb.st_size == 0)) {
        ng_cli_error("%s: Graphviz wrote nothing", path);
        rc = NG_EXIT_FAILURE;
    }
    if (close(fd) != 0 && rc == NG_EXIT_OK) {
        ng_cli_error("%s: write failed: %s", path, strerror(errno));
        rc = NG_EXIT_FAILURE;
    }
    if (rc == NG_EXIT_OK) {
        mode_t mask = umask(0);
        umask(mask);
        chmod(tmp, 0666 & ~mask);
        if (rename(tmp, path) != 0) {
            ng_cli_error("%s: cannot rename into place: %s", path, strerror(errno));
            rc = NG_EXIT_FAILURE;
        }
    }
    if (rc != NG_EXIT_OK)
        unlink(tmp);
    g_free(tmp);
    return rc;
}

int cmd_render(int argc, char **argv)
{
    static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"layout", required_argument, NULL, OPT_LAYOUT},
                                         {"cluster", required_argument, NULL, OPT_CLUSTER},
                                         {"help", no_argument, NULL, 'h'},
                                         NG_CLI_VIEW_LONGOPTS,
                                         {NULL, 0, NULL, 0}};
    const char *db = "output/newsgraph.db", *out = NULL, *layout = NULL;
    int c, cluster = 0;
    ng_cli_view cv;
    memset(&cv, 0, sizeof cv);
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        int v = ng_cli_view_option(&cv, c, optarg);
        if (v < 0)
            return NG_EXIT_USAGE;
        if (v > 0)
            continue;
        switch (c) {
        case 'd': db = optarg; break;
        case 'o': out = optarg; break;
        case OPT_LAYOUT: {
            layout = NULL;
            for (int i = 0; layouts[i] && !layout; i++)
                if (!strcmp(optarg, layouts[i]))
                    layout = layouts[i];
            if (!layout) {
                ng_cli_error("--layout: '%s' is not sfdp, dot, neato, fdp, circo or twopi", optarg);
                return NG_EXIT_USAGE;
            }
            break;
        }
        case OPT_CLUSTER:
            if (strcmp(optarg, "doc") != 0) {
                ng_cli_error("--cluster: only 'doc' is known, not '%s'", optarg);
                return NG_EXIT_USAGE;
            }
            cluster = 1;
            break;
        case 'h': help(stdout); return NG_EXIT_OK;
        default: help(stderr); return NG_EXIT_USAGE;
        }
    }
    if (optind != argc) {
        help(stderr);
        return NG_EXIT_USAGE;
    }
    if (ng_cli_view_check(&cv) < 0)
        return NG_EXIT_USAGE;
    if (cluster && layout && strcmp(layout, "fdp") != 0 && strcmp(layout, "dot") != 0) {
        ng_cli_error("--cluster needs --layout fdp or dot (%s does not draw clusters)", layout);
        return NG_EXIT_USAGE;
    }
    if (!layout)
        layout = cluster ? "fdp" : "sfdp";
    gchar *path = out ? g_strdup(out) : NULL;
    if (!path) {
        gchar *dir = g_path_get_dirname(db);
        path = g_build_filename(dir, "graph.svg", NULL);
        g_free(dir);
    }
    const char *format = format_of(path);
    if (!format || !strcmp(path, "-")) {
        ng_cli_error("%s: the output file must end in .svg, .png or .pdf", path);
        g_free(path);
        return NG_EXIT_USAGE;
    }
    ng_graph g;
    if (ng_cli_load_graph(db, &g) != NG_EXIT_OK) {
        g_free(path);
        return NG_EXIT_FAILURE;
    }
    if (!cv.any && !cv.around && g.nnodes > DEFAULT_MAX_NODES) {
        cv.v.actors = 1;
        cv.v.top = DEFAULT_TOP;
        cv.v.by = "degree";
        cv.any = 1;
        fprintf(stderr,
                "newsgraph: the graph has %zu nodes; drawing the actor network's top %d by degree "
                "(choose with --actors, --types, --doc, --around, --top ...)\n",
                g.nnodes, DEFAULT_TOP);
    }
    ng_graph view;
    int used = 0;
    int rc = ng_cli_view_apply(&cv, &g, &view, &used);
    if (rc == NG_EXIT_OK) {
        const ng_graph *draw = used ? &view : &g;
        ng_export_opts eo = {0};
        eo.dot_cluster_doc = cluster;
        eo.dot_layout = layout;
        eo.dot_render = 1;
        rc = render(draw, &eo, layout, format, path);
        if (rc == NG_EXIT_OK)
            printf("wrote %s (%zu nodes, %zu edges, layout %s)\n", path, draw->nnodes, draw->nedges,
                    layout);
    }
    if (used)
        ng_graph_clear(&view);
    ng_graph_clear(&g);
    g_free(path);
    return rc;
}
