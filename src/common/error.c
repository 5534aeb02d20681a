/* Error codes and the message buffer every module fills. */
#include "newsgraph/error.h"

#include <stdarg.h>
#include <stdio.h>

const char *ng_status_string(ng_status status)
{
    switch (status) {
    case NG_OK: return "ok";
    case NG_ERR_NOMEM: return "out of memory";
    case NG_ERR_IO: return "input/output error";
    case NG_ERR_UTF8: return "invalid UTF-8";
    case NG_ERR_FORMAT: return "malformed input";
    case NG_ERR_STORE: return "store error";
    case NG_ERR_CONFLICT: return "conflicting document";
    case NG_ERR_INVALID: return "invalid argument";
    case NG_ERR_NOTFOUND: return "not found";
    case NG_ERR_GRAPH: return "graph error";
    case NG_ERR_BINARY: return "binary file";
    }
    return "unknown error";
}

ng_status ng_fail(ng_errmsg *err, ng_status status, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->text, sizeof err->text, fmt, ap);
        va_end(ap);
    }
    return status;
}
