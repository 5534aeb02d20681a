/* newsgraph: error codes and messages shared by every module.
 *
 * Every function that can fail returns an ng_status; NG_OK is zero.  Where a
 * caller needs to tell a user what went wrong (which file, which byte), the
 * function also fills an ng_errmsg the caller owns. */
#ifndef NEWSGRAPH_ERROR_H
#define NEWSGRAPH_ERROR_H

#include <stddef.h>

typedef enum ng_status {
    NG_OK = 0,
    NG_ERR_NOMEM,     /* allocation failed */
    NG_ERR_IO,        /* a file could not be read or written */
    NG_ERR_UTF8,      /* input is not valid UTF-8 */
    NG_ERR_FORMAT,    /* input or data file is malformed */
    NG_ERR_STORE,     /* the SQLite store failed */
    NG_ERR_CONFLICT,  /* same document id, other content */
    NG_ERR_INVALID,   /* bad argument */
    NG_ERR_NOTFOUND,  /* asked-for thing does not exist */
    NG_ERR_GRAPH,     /* igraph failed */
    NG_ERR_BINARY     /* input looks like a binary file */
} ng_status;

/* A message buffer the caller owns; functions write one line into it. */
typedef struct ng_errmsg {
    char text[1024];
} ng_errmsg;

const char *ng_status_string(ng_status status);

/* Formats into err (if err is not NULL) and returns status, so that a
 * function can write `return ng_fail(err, NG_ERR_IO, "%s: %s", ...)`. */
ng_status ng_fail(ng_errmsg *err, ng_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
