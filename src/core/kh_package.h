/* kh_package.h — a zip package built in memory with libzip, then written atomically:
   to a temporary file beside the target, synced, and renamed over it. A failed run leaves
   no partial file and never touches an existing one. */
#ifndef KH_PACKAGE_H
#define KH_PACKAGE_H
#include <stddef.h>
#include "kh_deflate.h"
#include "kh_error.h"

typedef struct kh_package kh_package;

/* TIME (seconds since 1970 UTC) dates every entry, so the same document gives the same bytes. */
kh_package *kh_package_new(long long time, kh_error *err);
/* Add a part; the package takes DATA (malloc'ed) in every case. STORED: no compression. */
int kh_package_add(kh_package *p, const char *name, char *data, size_t len, int stored, kh_error *err);
/* Add a part deflated already (kh_xml_begin_deflated): libzip stores its bytes as they are. The
   package takes PART's bytes in every case. */
int kh_package_add_deflated(kh_package *p, const char *name, kh_deflated *part, kh_error *err);
/* Close the archive and hand over its bytes (caller frees). The package is freed. */
int kh_package_finish(kh_package *p, char **data, size_t *len, kh_error *err);
void kh_package_discard(kh_package *p);

/* Write DATA to PATH through a temporary file in the same folder and a rename. */
int kh_write_atomic(const char *path, const char *data, size_t len, kh_error *err);

/* For a signal handler (both async-signal-safe): the temporary file kh_write_atomic is writing,
   to remove, or NULL; and whether the output was renamed into place already (the run is over). */
const char *kh_write_atomic_tmp(void);
int kh_write_atomic_committed(void);
#endif
