/* Replays fuzz inputs without libFuzzer: each argument is a file or a folder
 * of files, each fed once to LLVMFuzzerTestOneInput.  Used by the regression
 * tests (tests/fuzz/regressions/, the seed corpora) in every build. */
#include <dirent.h>
#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
    gchar *bytes = NULL;
    gsize n = 0;
    if (!g_file_get_contents(path, &bytes, &n, NULL)) {
        fprintf(stderr, "replay: cannot read %s\n", path);
        return 1;
    }
    fprintf(stderr, "replay: %s (%zu bytes)\n", path, (size_t)n);
    /* An exact-size heap copy, so ASan sees reads past the end. */
    uint8_t *copy = malloc(n ? n : 1);
    memcpy(copy, bytes, n);
    g_free(bytes);
    LLVMFuzzerTestOneInput(copy, n);
    free(copy);
    return 0;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_path(const char *path, long *count)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "replay: %s: no such file or folder\n", path);
        return 1;
    }
    if (!S_ISDIR(st.st_mode)) {
        (*count)++;
        return run_file(path);
    }
    DIR *d = opendir(path);
    if (!d)
        return 1;
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.' && strcmp(e->d_name, "README.md") != 0)
            g_ptr_array_add(names, g_build_filename(path, e->d_name, NULL));
    closedir(d);
    qsort(names->pdata, names->len, sizeof(char *), cmp);
    int bad = 0;
    for (guint i = 0; i < names->len; i++)
        bad |= run_path(names->pdata[i], count);
    g_ptr_array_free(names, TRUE);
    return bad;
}

int main(int argc, char **argv)
{
    int bad = 0;
    long count = 0;
    for (int i = 1; i < argc; i++)
        bad |= run_path(argv[i], &count);
    printf("replayed %ld inputs\n", count);
    return bad;
}
