/* DOCX in, PDF out, through LibreOffice headless in a private folder (see kh_pdf.h). */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <time.h>
#include <unistd.h>
#include <qpdf/qpdf-c.h>
#include "kh_fileio.h"
#include "kh_i18n.h"
#include "kh_pdf.h"
#include "kh_signals.h"
#include "kh_util.h"

extern char **environ;

/* LibreOffice 7.4's writer_pdf_Export SelectPdfVersion values, checked with pdfinfo: 1 writes
   PDF/A-1 at level A (tagged), 2 and 3 PDF/A-2b and PDF/A-3b, 15 and 16 plain PDF 1.5 and 1.6
   (17 is accepted but still writes 1.6, so it is not offered). */
static const struct {
    const char *name;
    int value;
} versions[] = {
    {"pdf-a-2b", 2}, {"pdf-a-3b", 3}, {"pdf-a-1a", 1}, {"1.6", 16}, {"1.5", 15},
};
const char kh_pdf_versions[] = "pdf-a-2b, pdf-a-3b, pdf-a-1a, 1.6, 1.5";

static int version_value(const char *name)
{
    for (size_t i = 0; i < sizeof versions / sizeof versions[0]; i++)
        if (!strcmp(name, versions[i].name))
            return versions[i].value;
    return -1;
}

int kh_pdf_version_known(const char *name)
{
    return version_value(name) >= 0;
}

/* libqpdf's C API, loaded when a page count is first asked for rather than when the program
   starts: with the C++ runtime and crypto libraries it brings, loading it costs every run about
   2.5 ms, and most runs write no PDF. KH_QPDF_SONAME is the library the build found (Makefile). */
#ifndef KH_QPDF_SONAME
#define KH_QPDF_SONAME "libqpdf.so"
#endif
static struct {
    int tried;
    qpdf_data (*init)(void);
    void (*silence_errors)(qpdf_data);
    void (*set_suppress_warnings)(qpdf_data, QPDF_BOOL);
    QPDF_ERROR_CODE (*read_memory)(qpdf_data, char const *, char const *, unsigned long long, char const *);
    int (*get_num_pages)(qpdf_data);
    void (*cleanup)(qpdf_data *);
} qpdf;

static int qpdf_loaded(void)
{
    if (!qpdf.tried) {
        qpdf.tried = 1;
        void *lib = dlopen(KH_QPDF_SONAME, RTLD_NOW | RTLD_LOCAL);   /* kept open for the run */
        if (!lib)
            return 0;
        qpdf.init = (qpdf_data (*)(void))dlsym(lib, "qpdf_init");
        qpdf.silence_errors = (void (*)(qpdf_data))dlsym(lib, "qpdf_silence_errors");
        qpdf.set_suppress_warnings = (void (*)(qpdf_data, QPDF_BOOL))dlsym(lib, "qpdf_set_suppress_warnings");
        qpdf.read_memory = (QPDF_ERROR_CODE (*)(qpdf_data, char const *, char const *, unsigned long long,
                                                char const *))dlsym(lib, "qpdf_read_memory");
        qpdf.get_num_pages = (int (*)(qpdf_data))dlsym(lib, "qpdf_get_num_pages");
        qpdf.cleanup = (void (*)(qpdf_data *))dlsym(lib, "qpdf_cleanup");
    }
    return qpdf.init && qpdf.silence_errors && qpdf.set_suppress_warnings && qpdf.read_memory
           && qpdf.get_num_pages && qpdf.cleanup;
}

int kh_pdf_pages(const char *pdf, size_t len)
{
    if (!qpdf_loaded())
        return -1;
    qpdf_data q = qpdf.init();
    qpdf.silence_errors(q);
    qpdf.set_suppress_warnings(q, QPDF_TRUE);
    int pages = -1;
    if ((qpdf.read_memory(q, "PDF", pdf, len, NULL) & QPDF_ERRORS) == 0)
        pages = qpdf.get_num_pages(q);
    qpdf.cleanup(&q);
    return pages < 0 ? -1 : pages;
}

/* The private folder and what is in it. */
typedef struct {
    char *dir, *docx, *log, *outdir, *pdf;
    char *profile_url;   /* -env:UserInstallation=file://… */
    char **env;          /* the environment, with TMPDIR inside the folder */
} work;

static char *join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *s = kh_xmalloc(n);
    snprintf(s, n, "%s/%s", a, b);
    return s;
}

/* A file URL for PATH: every byte but the unreserved ones and '/' percent-encoded. */
static char *profile_url(const char *path)
{
    static const char prefix[] = "-env:UserInstallation=file://";
    size_t n = strlen(path);
    char *s = kh_xmalloc(sizeof prefix + 3 * n + 8);
    char *o = s + sprintf(s, "%s", prefix);
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')
            || strchr("-._~/", *p))
            *o++ = (char)*p;
        else
            o += sprintf(o, "%%%02X", *p);
    }
    strcpy(o, "/profile");
    return s;
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    if (type == FTW_DP)
        rmdir(path);
    else
        unlink(path);
    return 0;   /* go on: remove what can be removed */
}

static void work_free(work *w)
{
    if (w->dir)
        nftw(w->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    free(w->dir);
    free(w->docx);
    free(w->log);
    free(w->outdir);
    free(w->pdf);
    free(w->profile_url);
    if (w->env) {
        for (char **e = w->env; *e; e++)
            if (!strncmp(*e, "TMPDIR=", 7))
                free(*e);   /* the one string made here; the others are environ's own */
        free(w->env);
    }
}

/* LibreOffice's environment: ours, with TMPDIR=TMP, so that the files it makes for itself (and
   leaves behind when it is killed) are inside the private folder too. */
static char **child_env(const char *tmp)
{
    size_t n = 0;
    while (environ[n])
        n++;
    char **env = kh_xcalloc(n + 2, sizeof *env);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (strncmp(environ[i], "TMPDIR=", 7))
            env[k++] = environ[i];
    size_t len = strlen(tmp) + 8;
    env[k] = kh_xmalloc(len);
    snprintf(env[k], len, "TMPDIR=%s", tmp);
    return env;
}

static int work_make(work *w, const char *docx, size_t len, kh_error *err)
{
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp)
        tmp = "/tmp";
    char *tmpl = join(tmp, "kehoach-pdf.XXXXXX");
    if (!mkdtemp(tmpl)) {
        int e = errno;
        free(tmpl);
        return kh_error_set(err, KH_EXIT_IO, _("cannot make a temporary folder in %s: %s (set TMPDIR to a writable folder)"),
                            tmp, strerror(e));
    }
    w->dir = tmpl;
    char *abs = realpath(tmpl, NULL);   /* a relative TMPDIR: LibreOffice needs a full path */
    if (!abs)
        return kh_error_set(err, KH_EXIT_IO, _("%s: cannot find the temporary folder: %s"), tmpl, strerror(errno));
    w->docx = join(abs, "document.docx");
    w->log = join(abs, "soffice.log");
    w->outdir = join(abs, "pdf");
    w->pdf = join(w->outdir, "document.pdf");
    w->profile_url = profile_url(abs);
    char *own_tmp = join(abs, "tmp");
    free(abs);
    if (mkdir(own_tmp, 0700) < 0) {
        int e = errno;
        free(own_tmp);
        return kh_error_set(err, KH_EXIT_IO, _("cannot make a temporary folder in %s: %s (set TMPDIR to a writable folder)"),
                            tmp, strerror(e));
    }
    w->env = child_env(own_tmp);
    free(own_tmp);
    int fd = open(w->docx, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    size_t done = 0;
    while (fd >= 0 && done < len) {
        ssize_t n = write(fd, docx + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    int e = errno;
    if (fd < 0 || done < len || close(fd) < 0) {
        if (fd >= 0 && done < len)
            close(fd);
        return kh_error_set(err, KH_EXIT_IO, _("cannot write the document for LibreOffice in %s: %s (set TMPDIR to a folder with room)"),
                            tmp, strerror(fd < 0 || done < len ? e : errno));
    }
    return KH_OK;
}

/* Start LibreOffice as PROG (found on PATH when SEARCH) in a process group of its own, reading
   /dev/null, writing to the log, with the signal mask and dispositions a program expects. */
static int spawn(const char *prog, int search, const work *w, const char *filter, const sigset_t *mask,
                 pid_t *pid)
{
    char *argv[] = {
        (char *)prog, w->profile_url, "--headless", "--invisible", "--norestore", "--nolockcheck",
        "--nodefault", "--nologo", "--nofirststartwizard", "--convert-to", (char *)filter,
        "--outdir", w->outdir, w->docx, NULL,
    };
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, w->log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    posix_spawnattr_init(&at);
    sigset_t dfl;
    sigemptyset(&dfl);
    const int reset[] = {SIGINT, SIGTERM, SIGHUP, SIGALRM, SIGCHLD, SIGPIPE, SIGXFSZ};
    for (size_t i = 0; i < sizeof reset / sizeof reset[0]; i++)
        sigaddset(&dfl, reset[i]);
    posix_spawnattr_setsigdefault(&at, &dfl);
    posix_spawnattr_setsigmask(&at, mask);
    posix_spawnattr_setpgroup(&at, 0);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    int rc = search ? posix_spawnp(pid, prog, &fa, &at, argv, w->env) : posix_spawn(pid, prog, &fa, &at, argv, w->env);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    return rc;
}

/* Wait until the child PID has exited (0) or a signal of WAIT other than SIGCHLD came (that
   signal). The child is not reaped yet: its process group cannot be reused meanwhile. */
static int wait_child(pid_t pid, const sigset_t *wait)
{
    for (;;) {
        siginfo_t si;
        int sig = sigwaitinfo(wait, &si);
        if (sig < 0 && errno == EINTR)
            continue;
        if (sig < 0)
            return SIGKILL;   /* cannot wait: end it */
        if (sig != SIGCHLD)
            return sig;
        memset(&si, 0, sizeof si);
        if (waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 && si.si_pid == pid)
            return 0;
    }
}

/* Kill what is left of the process group (LibreOffice's own children too) and reap it, so that
   nothing works in the folder when it is removed. On Linux kehoach is made the reaper of its
   orphaned descendants (PR_SET_CHILD_SUBREAPER): the group's processes are reaped here as they
   die, whatever the system's init does with zombies. Elsewhere the group is given a moment. */
static int end_group(pid_t pid, int reaper)
{
    killpg(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (reaper) {
        while (waitpid(-pid, NULL, 0) > 0 || errno == EINTR)
            ;
        return status;
    }
    for (int i = 0; i < 100 && !(killpg(pid, 0) < 0 && errno == ESRCH); i++) {
        killpg(pid, SIGKILL);
        nanosleep(&(struct timespec){0, 20 * 1000 * 1000}, NULL);
    }
    return status;
}

static int become_reaper(void)
{
#ifdef PR_SET_CHILD_SUBREAPER
    return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0;
#else
    return 0;
#endif
}

/* The last line of LibreOffice's output that says something: not blank, not its note about
   Java, not its "convert A -> B" line. */
static void last_line(const char *log, char *out, size_t cap)
{
    snprintf(out, cap, "%s", _("it printed nothing"));
    int fd = open(log, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return;
    char buf[8192];
    off_t end = lseek(fd, 0, SEEK_END);
    lseek(fd, end > (off_t)sizeof buf - 1 ? end - (off_t)sizeof buf + 1 : 0, SEEK_SET);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return;
    buf[n] = '\0';
    for (char *line = strtok(buf, "\r\n"); line; line = strtok(NULL, "\r\n")) {
        while (*line == ' ' || *line == '\t')
            line++;
        if (!*line || strstr(line, "javaldx") || !strncmp(line, "convert ", 8))
            continue;
        snprintf(out, cap, "%s", line);
    }
}

static int run(const kh_pdf_options *opt, const char *name, const work *w, const sigset_t *wait,
               const sigset_t *mask, kh_error *err)
{
    char filter[128];
    const char *version = opt->version ? opt->version : "pdf-a-2b";
    snprintf(filter, sizeof filter, "pdf:writer_pdf_Export:{\"SelectPdfVersion\":{\"type\":\"long\",\"value\":\"%d\"}}",
             version_value(version) < 0 ? 2 : version_value(version));
    pid_t pid;
    int rc;
    int reaper = become_reaper();
    if (opt->soffice) {
        rc = spawn(opt->soffice, !strchr(opt->soffice, '/'), w, filter, mask, &pid);
        if (rc)
            return kh_error_set(err, KH_EXIT_IO,
                                _("--soffice %s: cannot run it: %s (give LibreOffice's soffice program, or install the Debian package libreoffice-writer-nogui)"),
                                opt->soffice, strerror(rc));
    } else {
        rc = spawn("soffice", 1, w, filter, mask, &pid);
        if (rc == ENOENT)
            rc = spawn("libreoffice", 1, w, filter, mask, &pid);
        if (rc == ENOENT)
            return kh_error_set(err, KH_EXIT_IO,
                                _("%s: a PDF needs LibreOffice, and neither soffice nor libreoffice is on PATH: install the Debian package libreoffice-writer-nogui, or give its program with --soffice PATH"),
                                name);
        if (rc)
            return kh_error_set(err, KH_EXIT_IO, _("%s: cannot run LibreOffice (soffice): %s (or give its program with --soffice PATH)"),
                                name, strerror(rc));
    }
    int sig = wait_child(pid, wait);
    int status = end_group(pid, reaper);
    if (sig == SIGALRM)
        return kh_error_set(err, KH_EXIT_IO,
                            _("%s: LibreOffice did not finish the PDF within the time limit of %u s (give it more with --max-seconds)"),
                            name, opt->max_seconds);
    if (sig) {
        raise(sig);   /* delivered when the caller's mask comes back: the run ends by it */
        return kh_error_set(err, KH_EXIT_IO, _("%s: stopped"), name);
    }
    struct stat st;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || lstat(w->pdf, &st) != 0 || !S_ISREG(st.st_mode)) {
        char line[512];
        last_line(w->log, line, sizeof line);
        if (WIFSIGNALED(status))
            return kh_error_set(err, KH_EXIT_IO, _("%s: LibreOffice made no PDF (killed by signal %d): %s"), name,
                                WTERMSIG(status), line);
        return kh_error_set(err, KH_EXIT_IO, _("%s: LibreOffice made no PDF (exit status %d): %s"), name,
                            WEXITSTATUS(status), line);
    }
    return KH_OK;
}

int kh_pdf_convert(const kh_pdf_options *opt, const char *name, const char *docx, size_t len,
                   char **pdf, size_t *pdf_len, kh_error *err)
{
    *pdf = NULL;
    *pdf_len = 0;
    /* Everything from the folder's creation to its removal runs with the stop signals and the
       time limit blocked: they are waited for, and acted on, by the code below. */
    sigset_t wait, old;
    sigemptyset(&wait);
    kh_signals_wait_set(&wait);
    sigaddset(&wait, SIGCHLD);
    struct sigaction dfl, old_chld;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;   /* SIGCHLD inherited ignored would reap the child unseen */
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGCHLD, &dfl, &old_chld);
    sigprocmask(SIG_BLOCK, &wait, &old);
    work w = {0};
    int rc = work_make(&w, docx, len, err);
    if (rc == KH_OK)
        rc = run(opt, name, &w, &wait, &old, err);
    if (rc == KH_OK) {
        int fd = open(w.pdf, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        rc = fd < 0 ? kh_error_set(err, KH_EXIT_IO, _("%s: cannot read LibreOffice's PDF: %s"), name, strerror(errno))
                    : kh_read_fd(fd, "LibreOffice's PDF", pdf, pdf_len, err);
        if (fd >= 0)
            close(fd);
        if (rc == KH_OK && (*pdf_len < 5 || memcmp(*pdf, "%PDF-", 5))) {
            free(*pdf);
            *pdf = NULL;
            *pdf_len = 0;
            rc = kh_error_set(err, KH_EXIT_IO, _("%s: LibreOffice wrote something that is not a PDF"), name);
        }
        if (rc != KH_OK)
            rc = KH_EXIT_IO;
    }
    work_free(&w);
    sigprocmask(SIG_SETMASK, &old, NULL);
    sigaction(SIGCHLD, &old_chld, NULL);
    return rc;
}
