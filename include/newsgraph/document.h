/* newsgraph: reading articles (plain UTF-8 text or HTML) into documents.
 *
 * A document's id is its file name without folder and last extension; text
 * from standard input is "stdin".  HTML goes through libxml2's HTML parser and
 * keeps the title and the article's paragraphs, dropping scripts, styles,
 * navigation, headers, footers, asides and forms.  The text of a document is
 * what all byte offsets in the graph refer to. */
#ifndef NEWSGRAPH_DOCUMENT_H
#define NEWSGRAPH_DOCUMENT_H

#include <stddef.h>
#include <stdio.h>
#include "newsgraph/error.h"

typedef struct ng_document {
    char *id;         /* document id (see above) */
    char *path;       /* as given by the user, or "-" */
    char *title;      /* first line of text, or the HTML <title>; may be "" */
    char *text;       /* NUL-terminated UTF-8 */
    size_t len;       /* bytes in text, without the NUL */
    char sha256[65];  /* hex digest of text */
} ng_document;

/* Reads a file; HTML is recognised by extension (.html, .htm) or content. */
ng_status ng_document_read_file(const char *path, ng_document *doc, ng_errmsg *err);

/* Builds a document from bytes the caller owns.  `name` is used in messages. */
ng_status ng_document_from_bytes(const char *id, const char *path, const char *bytes,
                                 size_t n, int is_html, ng_document *doc, ng_errmsg *err);

/* Reads a whole stream (standard input) as one document with id "stdin". */
ng_status ng_document_read_stream(FILE *f, ng_document *doc, ng_errmsg *err);

void ng_document_clear(ng_document *doc);

/* File name without folder and without the last extension; caller frees. */
char *ng_document_id_from_path(const char *path);

/* Offset of the first invalid UTF-8 byte, or (size_t)-1 when all is valid. */
size_t ng_utf8_invalid_offset(const char *bytes, size_t n);

#endif
