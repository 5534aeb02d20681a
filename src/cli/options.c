/* Option values every command parses the same way: whole numbers, counts
 * with their bounds, decimal numbers. */
#include <errno.h>
#include <glib.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "cli.h"

int ng_cli_parse_long(const char *s, long min, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < min)
        return -1;
    *out = v;
    return 0;
}

int ng_cli_parse_double(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = g_ascii_strtod(s, &end); /* '.' whatever the locale */
    if (!*s || *end || errno || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

int ng_cli_count_option(const char *name, const char *arg, long min, long max, long *out)
{
    if (ng_cli_parse_long(arg, min, out) || *out > max) {
        if (max < LONG_MAX)
            ng_cli_error("--%s wants a whole number from %ld to %ld, not '%s'", name, min, max, arg);
        else if (min == 0)
            ng_cli_error("--%s wants a number >= 0, not '%s'", name, arg);
        else
            ng_cli_error("--%s wants a number from %ld, not '%s'", name, min, arg);
        return NG_EXIT_USAGE;
    }
    return NG_EXIT_OK;
}

int ng_cli_jobs_option(const char *arg, int *jobs)
{
    long j;
    if (ng_cli_count_option("jobs", arg, 1, 1024, &j) != NG_EXIT_OK)
        return NG_EXIT_USAGE;
    *jobs = (int)j;
    return NG_EXIT_OK;
}
