/* Fuzz target: the reader (ng_document_from_bytes, also through a stream),
 * for plain text and HTML.  First byte: bit 0 = treat as HTML, bit 1 = read
 * through ng_document_read_stream.  On success the text must be valid,
 * NUL-free UTF-8 with the right length and digest, stable when read again;
 * on failure the message must name the file. */
#include "fuzz_common.h"
#include "newsgraph/document.h"

static void check_doc(const ng_document *d)
{
    FUZZ_ASSERT(d->text && d->title && d->id && d->path);
    FUZZ_ASSERT(strlen(d->text) == d->len);
    FUZZ_ASSERT(fuzz_valid_utf8(d->text, d->len));
    FUZZ_ASSERT(fuzz_valid_utf8(d->title, strlen(d->title)));
    FUZZ_ASSERT(strchr(d->title, '\n') == NULL);
    FUZZ_ASSERT(strchr(d->text, '\r') == NULL);
    gchar *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)d->text, d->len);
    FUZZ_ASSERT(strlen(d->sha256) == 64 && strcmp(sum, d->sha256) == 0);
    g_free(sum);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int flags = data[0];
    const char *bytes = (const char *)data + 1;
    size_t n = size - 1;
    ng_document d;
    ng_errmsg err = {{0}};
    ng_status st;
    if (flags & 2) {
        FILE *f = fmemopen((void *)bytes, n ? n : 1, "rb");
        if (!f)
            return 0;
        if (n == 0)
            fgetc(f); /* fmemopen needs a size of at least 1: read it away */
        st = ng_document_read_stream(f, &d, &err);
        fclose(f);
    } else {
        st = ng_document_from_bytes("fuzz", "fuzz.txt", bytes, n, flags & 1, &d, &err);
    }
    if (st != NG_OK) {
        FUZZ_ASSERT(st == NG_ERR_UTF8 || st == NG_ERR_BINARY || st == NG_ERR_FORMAT || st == NG_ERR_NOMEM);
        FUZZ_ASSERT(strstr(err.text, (flags & 2) ? "standard input" : "fuzz.txt") != NULL ||
                    ((flags & 2) && strncmp(err.text, "-:", 2) == 0));
        return 0;
    }
    check_doc(&d);
    /* Reading the text again as plain text gives the same text (NFC and line
     * ends are idempotent), unless it would now be taken for HTML or begins
     * with a byte-order mark, which the reader strips. */
    const char *p = d.text;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\f' || *p == '\v')
        p++;
    if (*p != '<' && strncmp(d.text, "\xEF\xBB\xBF", 3) != 0) {
        ng_document again;
        st = ng_document_from_bytes("fuzz", "fuzz.txt", d.text, d.len, 0, &again, &err);
        /* The binary test counts control bytes (and DEL) in the first 8 KiB
         * of the raw input; with CR LF folded, HTML entities decoded (&#5;)
         * or markup dropped there can be more of them in the text than there
         * were in the input. */
        int controls = 0;
        for (size_t i = 0; i < d.len; i++)
            controls |= ((unsigned char)d.text[i] < 0x20 && !strchr("\t\n\f\v\x1b", d.text[i])) ||
                        d.text[i] == 0x7F;
        FUZZ_ASSERT(st == NG_OK || (st == NG_ERR_BINARY && controls));
        if (st == NG_OK)
            FUZZ_ASSERT(again.len == d.len && memcmp(again.text, d.text, d.len) == 0);
        ng_document_clear(&again);
    }
    ng_document_clear(&d);
    /* File names: any bytes without NUL. */
    if (!memchr(bytes, '\0', n)) {
        char *path = fuzz_cstr((const uint8_t *)bytes, n);
        char *id = ng_document_id_from_path(path);
        FUZZ_ASSERT(id != NULL);
        free(id);
        free(path);
    }
    return 0;
}
