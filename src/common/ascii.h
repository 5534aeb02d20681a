/* ASCII case mapping inline: GLib's g_ascii_tolower is a function call per
 * character, and the lexicon lookups lower-case every word they are asked. */
#ifndef NG_COMMON_ASCII_H
#define NG_COMMON_ASCII_H

static inline char ng_ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}

#endif
