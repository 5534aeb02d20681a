/* Shared by the writers of src/export. */
#ifndef NG_EXPORT_IMPL_H
#define NG_EXPORT_IMPL_H

#include <sys/stat.h>

/* Text safe for XML 1.0 (and, with for_dot, for a quoted DOT string read by
 * Graphviz: quote and backslash escaped, '&' as "&amp;"); newlines become
 * spaces.  Caller frees with g_free. */
char *ng_clean_text(const char *s, int for_dot);

/* Visual defaults per node type, so the first view is readable. */
typedef struct ng_node_style {
    unsigned char r, g, b;
    const char *shape; /* Graphviz shape */
} ng_node_style;
const ng_node_style *ng_node_style_of(int node_type);

#endif
