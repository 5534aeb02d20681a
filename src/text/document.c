/* Reading articles: plain text and HTML (libxml2) into NFC-normalised UTF-8
 * documents with a SHA-256 digest of the text. */
#include "newsgraph/document.h"

#include <errno.h>
#include <limits.h>
#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* The largest input read (bytes): news articles are kilobytes, a scraper's
 * 100 MB blob is not an article, and byte offsets are 32-bit.  A bigger file
 * is refused with a message before it is read, so memory and time stay
 * bounded (the extractor is not linear in one document's length: 4 MB of
 * dense news text take about 30 s, one 1 MB sentence 3 s).
 * NEWSGRAPH_MAX_BYTES changes the limit (up to 2 GiB). */
#define NG_DEFAULT_MAX_BYTES ((size_t)8 << 20)

static size_t max_bytes(void)
{
    const char *e = getenv("NEWSGRAPH_MAX_BYTES");
    if (e && *e) {
        char *end = NULL;
        unsigned long long v = strtoull(e, &end, 10);
        if (end && *end == '\0' && v > 0)
            return v > ((size_t)2 << 30) ? ((size_t)2 << 30) : (size_t)v;
    }
    return NG_DEFAULT_MAX_BYTES;
}

static ng_status too_large(ng_errmsg *err, const char *name, size_t limit)
{
    return ng_fail(err, NG_ERR_FORMAT,
                   "%s: too large (more than %zu bytes; set NEWSGRAPH_MAX_BYTES to read it), skipped", name,
                   limit);
}

/* Reads at most `limit` bytes; *over is set when there was more. */
static int read_bounded(int fd, size_t limit, GString *buf, int *over)
{
    char chunk[65536];
    *over = 0;
    for (;;) {
        ssize_t got = read(fd, chunk, sizeof chunk);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (got == 0)
            return 0;
        if (buf->len + (size_t)got > limit) {
            *over = 1;
            return 0;
        }
        g_string_append_len(buf, chunk, got);
    }
}

size_t ng_utf8_invalid_offset(const char *bytes, size_t n)
{
    const gchar *end = NULL;
    if (g_utf8_validate_len(bytes, n, &end))
        return (size_t)-1;
    return (size_t)(end - bytes);
}

char *ng_document_id_from_path(const char *path)
{
    gchar *base = g_path_get_basename(path);
    char *dot = strrchr(base, '.');
    if (dot && dot != base)
        *dot = '\0';
    char *id = strdup(base);
    g_free(base);
    return id;
}

void ng_document_clear(ng_document *doc)
{
    if (!doc)
        return;
    free(doc->id);
    free(doc->path);
    free(doc->title);
    free(doc->text);
    memset(doc, 0, sizeof *doc);
}

static int has_html_extension(const char *path)
{
    const char *dot = strrchr(path, '.');
    return dot && (g_ascii_strcasecmp(dot, ".html") == 0 || g_ascii_strcasecmp(dot, ".htm") == 0);
}

static int looks_like_html(const char *bytes, size_t n)
{
    size_t i = 0;
    if (n >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && g_ascii_isspace(bytes[i]))
        i++;
    if (n - i < 5 || bytes[i] != '<')
        return 0;
    return g_ascii_strncasecmp(bytes + i, "<!doctype html", n - i < 14 ? n - i : 14) == 0 ||
           g_ascii_strncasecmp(bytes + i, "<html", 5) == 0;
}

/* Elements whose text is never article text. */
static int html_skipped(const char *name)
{
    static const char *const skip[] = {"script", "style", "nav", "header", "footer", "aside",
                                       "form", "noscript", "iframe", "svg", "button", "template",
                                       "select", "figcaption", "menu", "object", "canvas", NULL};
    for (size_t i = 0; skip[i]; i++)
        if (g_ascii_strcasecmp(name, skip[i]) == 0)
            return 1;
    return 0;
}

static int html_block(const char *name)
{
    static const char *const block[] = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div",
                                        "blockquote", "br", "tr", "section", "article", "main",
                                        "ul", "ol", "table", "dd", "dt", "pre", "title", NULL};
    for (size_t i = 0; block[i]; i++)
        if (g_ascii_strcasecmp(name, block[i]) == 0)
            return 1;
    return 0;
}

/* Appends text with runs of white space folded to one space; a block element
 * ends its line. */
static void html_collect(xmlNode *node, GString *out, int depth)
{
    if (depth > 256) /* deeply nested junk: its text is not worth a stack overflow */
        return;
    for (xmlNode *n = node; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) {
            const char *name = (const char *)n->name;
            if (html_skipped(name))
                continue;
            int block = html_block(name);
            if (block && out->len && out->str[out->len - 1] != '\n')
                g_string_append_c(out, '\n');
            html_collect(n->children, out, depth + 1);
            if (block && out->len && out->str[out->len - 1] != '\n')
                g_string_append_c(out, '\n');
        } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            const char *s = (const char *)n->content;
            for (; s && *s; s++) {
                if (g_ascii_isspace(*s)) {
                    if (out->len && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
                        g_string_append_c(out, ' ');
                } else {
                    g_string_append_c(out, *s);
                }
            }
        }
    }
}

static xmlNode *html_find(xmlNode *node, const char *name, int depth)
{
    if (depth > 256)
        return NULL;
    for (xmlNode *n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (g_ascii_strcasecmp((const char *)n->name, name) == 0)
            return n;
        xmlNode *f = html_find(n->children, name, depth + 1);
        if (f)
            return f;
    }
    return NULL;
}

/* Trims spaces at line ends and drops empty lines. */
static char *tidy_lines(const char *s)
{
    GString *out = g_string_new(NULL);
    const char *p = s;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        size_t a = 0, b = n;
        while (a < b && (p[a] == ' ' || p[a] == '\t'))
            a++;
        while (b > a && (p[b - 1] == ' ' || p[b - 1] == '\t'))
            b--;
        if (b > a) {
            g_string_append_len(out, p + a, (gssize)(b - a));
            g_string_append_c(out, '\n');
        }
        p += n + (e ? 1 : 0);
    }
    return g_string_free(out, FALSE);
}

static ng_status html_to_text(const char *name, const char *bytes, size_t n, char **text,
                              char **title, ng_errmsg *err)
{
    if (n > INT_MAX)
        return ng_fail(err, NG_ERR_FORMAT, "%s: HTML file too large", name);
    htmlDocPtr hd = htmlReadMemory(bytes, (int)n, NULL, NULL,
                                   HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                       HTML_PARSE_NONET | HTML_PARSE_COMPACT);
    if (!hd) {
        /* libxml2 gives no document for an empty or blank page: an empty
         * document, as for an empty text file. */
        size_t i = 0;
        while (i < n && g_ascii_isspace(bytes[i]))
            i++;
        if (i < n)
            return ng_fail(err, NG_ERR_FORMAT, "%s: not readable as HTML", name);
        *title = strdup("");
        *text = strdup("");
        return *title && *text ? NG_OK : ng_fail(err, NG_ERR_NOMEM, "%s: out of memory", name);
    }
    xmlNode *root = xmlDocGetRootElement(hd);
    GString *t = g_string_new(NULL);
    xmlNode *tn = html_find(root, "title", 0);
    if (tn)
        html_collect(tn->children, t, 0);
    /* Prefer the article element, then main, then the whole body. */
    xmlNode *body = html_find(root, "article", 0);
    if (!body)
        body = html_find(root, "main", 0);
    if (!body)
        body = html_find(root, "body", 0);
    GString *b = g_string_new(NULL);
    if (body)
        html_collect(body->children, b, 0);
    else if (root)
        html_collect(root->children, b, 0);
    xmlFreeDoc(hd);
    char *tt = tidy_lines(t->str);
    g_string_free(t, TRUE);
    char *bt = tidy_lines(b->str);
    g_string_free(b, TRUE);
    /* A page without a title tag is titled by its first line. */
    if (!*tt) {
        g_free(tt);
        const char *nl = strchr(bt, '\n');
        tt = g_strndup(bt, nl ? (gsize)(nl - bt) : strlen(bt));
    }
    char *nl = strchr(tt, '\n');
    if (nl)
        *nl = '\0';
    *title = strdup(tt);
    *text = strdup(bt);
    g_free(tt);
    g_free(bt);
    if (!*title || !*text)
        return ng_fail(err, NG_ERR_NOMEM, "%s: out of memory", name);
    return NG_OK;
}

/* NFC in linear time.  GLib's g_utf8_normalize is quadratic in two ways: each
 * composition shifts the rest of its buffer ("üüü…" of a few MB takes
 * minutes), and runs of combining marks are bubble-sorted.  So long runs of
 * non-starters are broken with U+034F COMBINING GRAPHEME JOINER after 30 marks
 * (the Stream-Safe Text Format of UAX #15), and the text is normalised in
 * chunks of about 4 KiB, split before a character that starts afresh: its
 * decomposition begins with a starter that never composes with what precedes
 * it.  Such a split gives the same result as normalising the whole text. */
#define NFC_CHUNK 4096
#define NFC_MAX_CHUNK (1024 * 1024) /* no safe split in 1 MiB: split anyway */
#define NFC_MAX_NONSTARTERS 30

static guint8 nfc_second_bits[0x30000 / 8]; /* starters that compose with a preceding character */

static void nfc_init(void)
{
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        for (gunichar r = 0; r < 0x30000; r++) {
            gunichar a, b;
            if (g_unichar_decompose(r, &a, &b) && b && b < 0x30000 && g_unichar_combining_class(b) == 0)
                nfc_second_bits[b / 8] |= (guint8)(1u << (b % 8));
        }
        g_once_init_leave(&done, 1);
    }
}

static int nfc_safe_split(gunichar c)
{
    gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
    if (g_unichar_fully_decompose(c, FALSE, d, G_N_ELEMENTS(d)) == 0)
        d[0] = c;
    if (g_unichar_combining_class(d[0]) != 0)
        return 0;
    return d[0] >= 0x30000 || !(nfc_second_bits[d[0] / 8] & (1u << (d[0] % 8)));
}

static gchar *nfc_linear(const char *s, size_t n)
{
    nfc_init();
    GString *out = g_string_sized_new(n + n / 8 + 16);
    GString *chunk = g_string_sized_new(NFC_CHUNK * 2);
    int marks = 0;
    const char *p = s, *end = s + n;
    while (p < end) {
        gunichar c = g_utf8_get_char(p);
        const char *next = g_utf8_next_char(p);
        int nonstarter = g_unichar_combining_class(c) != 0;
        if (chunk->len >= NFC_CHUNK && (chunk->len >= NFC_MAX_CHUNK || (!nonstarter && nfc_safe_split(c)))) {
            gchar *part = g_utf8_normalize(chunk->str, (gssize)chunk->len, G_NORMALIZE_NFC);
            if (!part) {
                g_string_free(chunk, TRUE);
                g_string_free(out, TRUE);
                return NULL;
            }
            g_string_append(out, part);
            g_free(part);
            g_string_truncate(chunk, 0);
        }
        if (nonstarter) {
            if (++marks > NFC_MAX_NONSTARTERS) {
                g_string_append(chunk, "\xCD\x8F"); /* U+034F */
                marks = 1;
            }
        } else {
            marks = 0;
        }
        g_string_append_len(chunk, p, next - p);
        p = next;
    }
    gchar *part = g_utf8_normalize(chunk->str, (gssize)chunk->len, G_NORMALIZE_NFC);
    g_string_free(chunk, TRUE);
    if (!part) {
        g_string_free(out, TRUE);
        return NULL;
    }
    g_string_append(out, part);
    g_free(part);
    return g_string_free(out, FALSE);
}

static char *first_line(const char *text)
{
    const char *p = text;
    while (*p == '\n' || *p == ' ' || *p == '\t')
        p++;
    const char *e = strchr(p, '\n');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
        n--;
    if (n > 500) { /* a text with no line breaks: keep the title short, on a character boundary */
        const char *cut = g_utf8_find_prev_char(p, p + 500);
        n = cut ? (size_t)(cut - p) : 0;
    }
    return strndup(p, n);
}

ng_status ng_document_from_bytes(const char *id, const char *path, const char *bytes, size_t n,
                                 int is_html, ng_document *doc, ng_errmsg *err)
{
    memset(doc, 0, sizeof *doc);
    const char *name = path ? path : id;
    if (n > max_bytes())
        return too_large(err, name, max_bytes());
    /* Binary files: a NUL byte in the first 8 KiB, or control bytes that no
     * text has (random data without NUL; HTML would otherwise take it for
     * Latin-1 and store noise).  A NUL further on is refused too, also in
     * HTML, which libxml2 would cut there. */
    const char *nul = memchr(bytes, '\0', n);
    if (nul && nul - bytes < 8192)
        return ng_fail(err, NG_ERR_BINARY, "%s: binary file (NUL byte at offset %zu), skipped", name,
                       (size_t)(nul - bytes));
    size_t controls = 0, sample = n < 8192 ? n : 8192;
    for (size_t i = 0; i < sample; i++) {
        unsigned char ch = (unsigned char)bytes[i];
        controls += (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' && ch != '\f' && ch != '\v' &&
                     ch != 0x1B) || ch == 0x7F;
    }
    if (controls > 16 && controls * 100 > sample)
        return ng_fail(err, NG_ERR_BINARY, "%s: binary file (%zu control bytes in the first %zu), skipped", name,
                       controls, sample);
    if (nul)
        return ng_fail(err, NG_ERR_BINARY, "%s: NUL byte at offset %zu, not a text file", name,
                       (size_t)(nul - bytes));
    char *raw = NULL, *title = NULL;
    if (is_html || looks_like_html(bytes, n)) {
        ng_status st = html_to_text(name, bytes, n, &raw, &title, err);
        if (st)
            return st;
    } else {
        size_t bad = ng_utf8_invalid_offset(bytes, n);
        if (bad != (size_t)-1)
            return ng_fail(err, NG_ERR_UTF8, "%s: not valid UTF-8 at byte offset %zu", name, bad);
        if (memchr(bytes, '\0', n))
            return ng_fail(err, NG_ERR_BINARY, "%s: NUL byte at offset %zu, not a text file", name,
                           (size_t)((const char *)memchr(bytes, '\0', n) - bytes));
        size_t skip = (n >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
        /* CR LF and lone CR become LF, so that offsets mean the same everywhere. */
        raw = malloc(n - skip + 1);
        if (!raw)
            return ng_fail(err, NG_ERR_NOMEM, "%s: out of memory", name);
        size_t k = 0;
        for (size_t i = skip; i < n; i++) {
            if (bytes[i] == '\r') {
                raw[k++] = '\n';
                if (i + 1 < n && bytes[i + 1] == '\n')
                    i++;
            } else {
                raw[k++] = bytes[i];
            }
        }
        raw[k] = '\0';
    }
    size_t bad = ng_utf8_invalid_offset(raw, strlen(raw));
    if (bad != (size_t)-1) {
        free(raw);
        free(title);
        return ng_fail(err, NG_ERR_UTF8, "%s: not valid UTF-8 at byte offset %zu", name, bad);
    }
    /* NFC, so that "ü" typed two ways is one letter for the lexicons. */
    gchar *nfc = nfc_linear(raw, strlen(raw));
    free(raw);
    if (!nfc) {
        free(title);
        return ng_fail(err, NG_ERR_UTF8, "%s: text cannot be normalised", name);
    }
    doc->text = strdup(nfc);
    g_free(nfc);
    doc->len = doc->text ? strlen(doc->text) : 0;
    if (title) {
        /* The HTML <title> like the text: valid UTF-8 (libxml2 passes on the
         * bytes of a page that lies about its encoding, and they would reach
         * the JSON export), NFC, one line of at most 500 bytes. */
        gchar *valid = g_utf8_make_valid(title, -1);
        free(title);
        gchar *t = valid ? nfc_linear(valid, strlen(valid)) : NULL;
        g_free(valid);
        title = t ? first_line(t) : NULL;
        g_free(t);
    }
    doc->title = title ? title : (doc->text ? first_line(doc->text) : NULL);
    doc->id = strdup(id);
    doc->path = strdup(path ? path : "-");
    if (!doc->text || !doc->title || !doc->id || !doc->path) {
        ng_document_clear(doc);
        return ng_fail(err, NG_ERR_NOMEM, "%s: out of memory", name);
    }
    gchar *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)doc->text, doc->len);
    g_strlcpy(doc->sha256, sum, sizeof doc->sha256);
    g_free(sum);
    return NG_OK;
}

ng_status ng_document_read_file(const char *path, ng_document *doc, ng_errmsg *err)
{
    memset(doc, 0, sizeof *doc);
    /* Not g_file_get_contents: a huge file, a FIFO or /dev/zero must not fill
     * memory.  Read at most the limit, and refuse what is bigger. */
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ng_fail(err, NG_ERR_IO, "%s: cannot read: %s", path, g_strerror(errno));
    struct stat st;
    size_t limit = max_bytes();
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        return ng_fail(err, NG_ERR_IO, "%s: cannot read: is a folder", path);
    }
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > (uintmax_t)limit) {
        close(fd);
        return too_large(err, path, limit);
    }
    GString *buf = g_string_sized_new(S_ISREG(st.st_mode) && st.st_size > 0 ? (gsize)st.st_size + 1 : 4096);
    int over = 0;
    int rc = read_bounded(fd, limit, buf, &over);
    int saved = errno;
    close(fd);
    ng_status r;
    if (rc != 0)
        r = ng_fail(err, NG_ERR_IO, "%s: cannot read: %s", path, g_strerror(saved));
    else if (over)
        r = too_large(err, path, limit);
    else {
        char *id = ng_document_id_from_path(path);
        r = id ? ng_document_from_bytes(id, path, buf->str, buf->len, has_html_extension(path), doc, err)
               : ng_fail(err, NG_ERR_NOMEM, "%s: out of memory", path);
        free(id);
    }
    g_string_free(buf, TRUE);
    return r;
}

ng_status ng_document_read_stream(FILE *f, ng_document *doc, ng_errmsg *err)
{
    memset(doc, 0, sizeof *doc);
    GString *buf = g_string_new(NULL);
    char chunk[65536];
    size_t got, limit = max_bytes();
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (buf->len + got > limit) { /* bounded, like files */
            g_string_free(buf, TRUE);
            return too_large(err, "standard input", limit);
        }
        g_string_append_len(buf, chunk, (gssize)got);
    }
    if (ferror(f)) {
        g_string_free(buf, TRUE);
        return ng_fail(err, NG_ERR_IO, "standard input: read error: %s", strerror(errno));
    }
    ng_status st = ng_document_from_bytes("stdin", "-", buf->str, buf->len, 0, doc, err);
    g_string_free(buf, TRUE);
    return st;
}
