/* kh_fileio.h — reading input files safely: regular files only, opened beneath a folder's
   descriptor, never through a symbolic link.

   A folder is opened once (kh_dir_open) and every file read from it is opened relative to that
   descriptor (kh_open_beneath): openat2 with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS where the
   kernel has it, else one openat with O_NOFOLLOW per component. The checks are made on the
   descriptor that is then read (fstat), never on a path opened again afterwards. A symbolic link
   is refused even when it points inside the folder: copy the file instead of linking it. */
#ifndef KH_FILEIO_H
#define KH_FILEIO_H
#include <stddef.h>
#include "kh_error.h"

#define KH_MAX_INPUT_FILE ((size_t)256 << 20)

/* Open the folder PATH (O_DIRECTORY, O_CLOEXEC). PATH is the user's own choice (the command
   line, the environment, the current folder): a symbolic link in it is followed. Returns the
   descriptor, or -1 with errno set. */
int kh_dir_open(const char *path);

/* Check REL names something inside a folder: not empty, not absolute, no "..", no empty
   component. The message quotes REL: "'../x': expected a path inside the plan's folder, …". */
int kh_path_check(const char *rel, kh_error *err);

/* Open REL beneath the folder DIRFD with no symbolic link on the way (the last component
   included) and no way out. FOLDER nonzero: REL must be a folder (opened O_RDONLY), else it is
   opened O_RDONLY | O_NONBLOCK (a FIFO cannot block) and must be a regular file. DIR_NAME is how
   messages name the folder ("plan" → "plan/body.txt"; NULL: REL alone). Returns a descriptor
   (O_CLOEXEC) or -1 with ERR set and errno telling why (ENOENT: there is no such file). */
int kh_open_beneath(int dirfd, const char *dir_name, const char *rel, int folder, kh_error *err);

/* Read the whole of the open file FD: a regular file (fstat) of at most KH_MAX_INPUT_FILE
   bytes. *DATA is malloc'ed and NUL-terminated. NAME is how messages name the file. FD stays
   open. */
int kh_read_fd(int fd, const char *name, char **data, size_t *len, kh_error *err);

/* Every text a plan or a template is made of is read here (the plan file, read_text, read_table,
   a template and its modules): kh_read_fd, then the byte-order mark Notepad and Excel write is
   dropped (EF BB BF, UTF-8), and a file saved as UTF-16 (FF FE or FE FF: Notepad's "Unicode")
   is refused in one line that names it and says to save it as UTF-8. */
int kh_read_text_fd(int fd, const char *name, char **data, size_t *len, kh_error *err);

/* The mark at the start of DATA: 3 for UTF-8's (EF BB BF), -1 for UTF-16's (either order), 0
   for none. */
int kh_text_bom(const char *data, size_t len);

/* kh_open_beneath, kh_read_text_fd, close: a text file. */
int kh_read_beneath(int dirfd, const char *dir_name, const char *rel, char **data, size_t *len,
                    kh_error *err);

/* Write all LEN bytes of DATA to FD, again after EINTR or a short write. 0, or -1 with errno set
   (ENOSPC when the descriptor takes nothing more). */
int kh_write_all(int fd, const char *data, size_t len);

/* Replace the regular file REL beneath DIRFD with DATA, atomically: a new file beside it (its
   mode kept) renamed over it, through descriptors only, no symbolic link followed on the way.
   A failure leaves the file as it was. Returns KH_OK or KH_EXIT_IO / KH_EXIT_INPUT with ERR. */
int kh_replace_beneath(int dirfd, const char *dir_name, const char *rel, const char *data, size_t len,
                       kh_error *err);

/* Read a text file the user named (--template FILE) as kh_read_text_fd does: opened as typed,
   relative to the current folder. Never for a name that comes from a plan or a template. */
int kh_read_file(const char *path, char **data, size_t *len, kh_error *err);

/* For tests: 0 makes kh_open_beneath walk the path component by component even where the kernel
   has openat2, 1 (the default) tries openat2 first. */
void kh_fileio_use_openat2(int enabled);
#endif
