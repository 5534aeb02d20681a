/* A fresh folder per test program under the build tree. */
#ifndef NG_TEST_TMPDIR_H
#define NG_TEST_TMPDIR_H

#include <glib.h>
#include <stdlib.h>

static char *test_tmpdir(const char *name)
{
    const char *base = getenv("NG_TEST_TMP");
    gchar *tmpl = g_build_filename(base && *base ? base : g_get_tmp_dir(), "ngtest-XXXXXX", NULL);
    char *dir = g_mkdtemp(tmpl);
    (void)name;
    return dir;
}

#endif
