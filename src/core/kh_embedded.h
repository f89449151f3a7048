/* kh_embedded.h — templates and Lua modules compiled into the binary (see tools/embed.c). */
#ifndef KH_EMBEDDED_H
#define KH_EMBEDDED_H
#include <stddef.h>

typedef struct {
    const char *path;   /* as in the source tree: "templates/nd30.lua", "lua/numbering.lua" */
    const char *data;
    size_t size;
    /* A .lua file compiled at build time (lua_dump, with its lines), or NULL: the sandbox loads
       this instead of parsing DATA when the text it is given is DATA. */
    const unsigned char *code;
    size_t code_size;
} kh_embedded_file;

extern const kh_embedded_file kh_embedded_files[];

/* The embedded file at PATH, or NULL. */
const kh_embedded_file *kh_embedded_find(const char *path);
#endif
