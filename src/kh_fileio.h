/* kh_fileio.h — reading input files safely: regular files only, and only inside a folder. */
#ifndef KH_FILEIO_H
#define KH_FILEIO_H
#include <stddef.h>
#include "kh_error.h"

#define KH_MAX_INPUT_FILE ((size_t)256 << 20)

/* Read a whole regular file (not a folder, FIFO or device). ERR may be NULL. */
int kh_read_file(const char *path, char **data, size_t *len, kh_error *err);

/* Join DIR and REL after checking REL stays inside DIR: no absolute path, no "..", and no
   symbolic link leading out. *OUT is malloc'ed. WHO names the caller in errors ("plan.lua"). */
int kh_path_inside(const char *dir, const char *rel, char **out, kh_error *err);
#endif
