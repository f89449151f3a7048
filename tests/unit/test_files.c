/* test_files.c — files are read beneath the plan folder's descriptor: no symbolic link is
   followed (with openat2 and with the component-by-component walk), a link swapped in while
   kehoach reads never lets a file outside be read, and no run leaves a descriptor open. */
#define _GNU_SOURCE   /* renameat2 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include "kh_commands.h"
#include "kh_fileio.h"
#include "kh_render.h"

static const char SECRET[] = "kehoach-unit-secret-51d0\n";
static const char GOOD[] = "good\n";

static char root[256];   /* the test's folder: root/plan is the plan folder, the rest outside */

static void put(const char *rel, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    FILE *f = fopen(path, "w");
    if (!f)
        fail_msg("%s: %s", path, strerror(errno));
    fputs(text, f);
    fclose(f);
}

static void mk(const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    if (mkdir(path, 0755) != 0)
        fail_msg("mkdir %s: %s", path, strerror(errno));
}

static void ln(const char *target, const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    if (symlink(target, path) != 0)
        fail_msg("symlink %s: %s", path, strerror(errno));
}

static void rm_entry(const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    if (unlink(path) != 0)
        fail_msg("unlink %s: %s", path, strerror(errno));
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/kh-files-XXXXXX");
    if (!mkdtemp(root))
        return -1;
    mk("plan");
    mk("outside");
    put("outside/secret.txt", SECRET);
    put("plan/good.txt", GOOD);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    kh_fileio_use_openat2(1);
    return nftw(root, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

static int open_plan_dir(void)
{
    char path[512];
    snprintf(path, sizeof path, "%s/plan", root);
    int fd = kh_dir_open(path);
    assert_true(fd >= 0);
    return fd;
}

static int count_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    if (!d)
        return -1;
    int n = 0;
    while (readdir(d))
        n++;
    closedir(d);
    return n;
}

/* Read REL beneath the plan folder; returns KH_OK with the text in BUF, or the status with ERR. */
static int read_rel(int dir, const char *rel, char *buf, size_t size, kh_error *err)
{
    char *data = NULL;
    size_t len = 0;
    kh_error_clear(err);
    int rc = kh_read_beneath(dir, "plan", rel, &data, &len, err);
    if (rc == KH_OK) {
        snprintf(buf, size, "%s", data);
        free(data);
    }
    return rc;
}

static void expect_refused(int dir, const char *rel, const char *message)
{
    char buf[256];
    kh_error err;
    if (read_rel(dir, rel, buf, sizeof buf, &err) == KH_OK)
        fail_msg("%s: read (\"%s\"), expected it refused", rel, buf);
    if (!strstr(err.message, message))
        fail_msg("%s: \"%s\" lacks \"%s\"", rel, err.message, message);
    if (strchr(err.message, '\n'))
        fail_msg("%s: the message is more than one line", rel);
}

static void refusals(void)
{
    mk("plan/real");
    put("plan/real/inside.txt", GOOD);
    ln("../outside/secret.txt", "plan/out.txt");
    ln("real/inside.txt", "plan/in.txt");
    ln("../outside", "plan/outdir");
    ln("real", "plan/indir");
    ln("/etc/passwd", "plan/passwd");
    mk("plan/real/deep");
    ln("../../../outside", "plan/real/deep/link");
    int dir = open_plan_dir();
    char buf[256];
    kh_error err;
    assert_int_equal(read_rel(dir, "good.txt", buf, sizeof buf, &err), KH_OK);
    assert_string_equal(buf, GOOD);
    assert_int_equal(read_rel(dir, "real/inside.txt", buf, sizeof buf, &err), KH_OK);
    assert_int_equal(read_rel(dir, "./real/./inside.txt", buf, sizeof buf, &err), KH_OK);
    expect_refused(dir, "out.txt", "plan/out.txt: a symbolic link, not followed: copy the file into the folder");
    expect_refused(dir, "in.txt", "a symbolic link, not followed");
    expect_refused(dir, "passwd", "a symbolic link, not followed");
    expect_refused(dir, "outdir/secret.txt", "'outdir' is a symbolic link, not followed");
    expect_refused(dir, "indir/inside.txt", "'indir' is a symbolic link, not followed");
    expect_refused(dir, "real/deep/link/secret.txt", "'real/deep/link' is a symbolic link");
    expect_refused(dir, "../outside/secret.txt", "got '..'");
    expect_refused(dir, "real/../../outside/secret.txt", "got '..'");
    expect_refused(dir, "/etc/passwd", "got an absolute path");
    expect_refused(dir, "real//inside.txt", "an empty component");
    expect_refused(dir, "good.txt/", "an empty component");
    expect_refused(dir, "", "an empty string");
    expect_refused(dir, "real", "expected a regular file");
    expect_refused(dir, "missing.txt", "cannot open: No such file or directory");
    errno = 0;
    assert_true(kh_open_beneath(dir, "plan", "missing.txt", 0, NULL) < 0);
    assert_int_equal(errno, ENOENT);
    /* a folder opened beneath: the same rules */
    int sub = kh_open_beneath(dir, "plan", "real", 1, NULL);
    assert_true(sub >= 0);
    close(sub);
    assert_true(kh_open_beneath(dir, "plan", "indir", 1, NULL) < 0);
    assert_true(kh_open_beneath(dir, "plan", "good.txt", 1, NULL) < 0);
    close(dir);
}

static void test_refusals_openat2(void **state)
{
    (void)state;
    kh_fileio_use_openat2(1);
    refusals();
}

static void test_refusals_walk(void **state)
{
    (void)state;
    kh_fileio_use_openat2(0);
    refusals();
}

/* A child swaps, as fast as it can, a regular file with a symbolic link to the secret (f.txt)
   and a real folder with a link to the folder outside (sub/), by atomic exchanges. Reads beneath
   the folder's descriptor must never return the secret; a naive open of the same paths does,
   which shows the race is real. */
static void test_swapped_link_race(void **state)
{
    (void)state;
    put("plan/f.txt", GOOD);
    ln("../outside/secret.txt", "plan/f-link");
    mk("plan/sub");
    put("plan/sub/secret.txt", GOOD);   /* the same name as the file outside */
    ln("../outside", "plan/sub-link");
    char f[512], fl[512], s[512], sl[512];
    snprintf(f, sizeof f, "%s/plan/f.txt", root);
    snprintf(fl, sizeof fl, "%s/plan/f-link", root);
    snprintf(s, sizeof s, "%s/plan/sub", root);
    snprintf(sl, sizeof sl, "%s/plan/sub-link", root);
    if (renameat2(AT_FDCWD, f, AT_FDCWD, fl, RENAME_EXCHANGE) != 0)
        skip();   /* a file system without RENAME_EXCHANGE */
    renameat2(AT_FDCWD, f, AT_FDCWD, fl, RENAME_EXCHANGE);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        for (;;) {
            renameat2(AT_FDCWD, f, AT_FDCWD, fl, RENAME_EXCHANGE);
            renameat2(AT_FDCWD, s, AT_FDCWD, sl, RENAME_EXCHANGE);
        }
    }
    int dir = open_plan_dir();
    int good = 0, refused = 0, leaked = 0, naive_leaked = 0;
    for (int round = 0; round < 2; round++) {
        kh_fileio_use_openat2(round == 0);
        for (int i = 0; i < 3000; i++) {
            const char *rel = i % 2 ? "f.txt" : "sub/secret.txt";
            char buf[256];
            kh_error err;
            if (read_rel(dir, rel, buf, sizeof buf, &err) != KH_OK)
                refused++;
            else if (strcmp(buf, GOOD) == 0)
                good++;
            else
                leaked++;
        }
    }
    char in_sub[600];
    snprintf(in_sub, sizeof in_sub, "%s/secret.txt", s);
    for (int i = 0; i < 3000 && !naive_leaked; i++) {
        char buf[256] = "";
        int fd = open(i % 2 ? f : in_sub, O_RDONLY);
        if (fd < 0)
            continue;
        ssize_t n = read(fd, buf, sizeof buf - 1);
        close(fd);
        naive_leaked = n > 0 && strncmp(buf, SECRET, (size_t)n) == 0;
    }
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    close(dir);
    print_message("swapped links: %d reads, %d refused, %d leaked\n", good + refused + leaked, refused, leaked);
    assert_int_equal(leaked, 0);
    assert_true(good > 0);
    assert_true(refused > 0);
    assert_true(naive_leaked);   /* the race is real: a path opened twice would have lost */
}

/* ---- whole runs: no descriptor left open, whatever fails ---- */

static const char PLAN[] =
    "return {\n"
    "  %s\n"
    "  agency = \"SỞ XÂY DỰNG\", type = \"KẾ HOẠCH\", symbol = \"KH-SXD\", place = \"Đắk Lắk\",\n"
    "  date = \"2026-06-15\", subject = \"Cải thiện Chỉ số cải cách hành chính năm 2026\",\n"
    "  body = read_text(\"body.txt\"),\n"
    "  recipients = { \"Sở Nội vụ\", \"Lưu: VT, VP\" },\n"
    "  signer = { authority = \"KT.\", head = \"GIÁM ĐỐC\", title = \"PHÓ GIÁM ĐỐC\", name = \"Lê Công Du\" },\n"
    "}\n";

static void write_plan(const char *extra)
{
    char text[2048];
    snprintf(text, sizeof text, PLAN, extra);
    put("plan/plan.lua", text);
}

static int render(const char *plan_rel)
{
    char plan[512];
    snprintf(plan, sizeof plan, "%s/%s", root, plan_rel);
    kh_render_options opt = {0};
    opt.plan = plan;
    opt.output = "unused.docx";
    opt.part = "all";
    opt.format = KH_FORMAT_DOCX;
    kh_error err;
    kh_error_clear(&err);
    char *data = NULL;
    size_t len = 0;
    int rc = kh_render_to_memory(&opt, &data, &len, &err);
    free(data);
    if (rc != KH_OK && (!err.message[0] || strchr(err.message, '\n')))
        fail_msg("%s: expected one line, got \"%s\"", plan_rel, err.message);
    return rc;
}

static void test_no_descriptor_left_open(void **state)
{
    (void)state;
    put("plan/body.txt", "Nội dung kế hoạch.\n");
    put("plan/lib.lua", "return { x = 1 }\n");
    put("plan/t.lua", "local lib = require('lib')\nreturn require('nd30')\n");
    put("outside/x.lua", "return require('nd30')\n");
    int before = count_fds();
    assert_true(before > 0);

    write_plan("");
    assert_int_equal(render("plan"), KH_OK);
    assert_int_equal(render("plan/plan.lua"), KH_OK);
    write_plan("template = \"t.lua\",");
    assert_int_equal(render("plan"), KH_OK);   /* its folder first in the require path */
    write_plan("template = \"../outside/x.lua\",");
    assert_int_equal(render("plan"), KH_EXIT_INPUT);
    write_plan("template = \"missing.lua\",");
    assert_int_equal(render("plan"), KH_EXIT_INPUT);
    write_plan("template = \"no-such-template\",");
    assert_int_equal(render("plan"), KH_EXIT_INPUT);
    assert_int_equal(render("no-such-plan"), KH_EXIT_INPUT);
    /* a module that is a symbolic link out */
    write_plan("template = \"t.lua\",");
    rm_entry("plan/lib.lua");
    ln("../outside/secret.txt", "plan/lib.lua");
    assert_int_equal(render("plan"), KH_EXIT_INPUT);
    /* the plan file itself a symbolic link, named as a folder's plan.lua or as the file */
    ln("plan.lua", "plan/link.lua");
    assert_int_equal(render("plan/link.lua"), KH_EXIT_INPUT);
    /* the plan folder named through a link: the user's own choice, followed */
    write_plan("");
    ln("plan", "plan-link");
    assert_int_equal(render("plan-link"), KH_OK);
    /* the body a link */
    rm_entry("plan/body.txt");
    ln("../outside/secret.txt", "plan/body.txt");
    assert_int_equal(render("plan"), KH_EXIT_INPUT);
    assert_int_equal(count_fds(), before);

    /* check and new, in the same process */
    char plan[512], newdir[512];
    snprintf(plan, sizeof plan, "%s/plan", root);
    snprintf(newdir, sizeof newdir, "%s/new", root);
    char *check_args[] = {plan, NULL};
    assert_int_not_equal(kh_check_command(1, check_args), KH_OK);
    rm_entry("plan/body.txt");
    put("plan/body.txt", "Nội dung kế hoạch năm 2026.\n");
    char *new_args[] = {plan, "--year", "2027", "-o", newdir, NULL};
    assert_int_equal(kh_new_command(5, new_args), KH_OK);   /* link.lua is left out, with a warning */
    char *data = NULL;
    size_t len = 0;
    kh_error err;
    kh_error_clear(&err);
    int nd = kh_dir_open(newdir);
    assert_true(nd >= 0);
    assert_int_equal(kh_read_beneath(nd, newdir, "body.txt", &data, &len, &err), KH_OK);
    assert_non_null(strstr(data, "2027"));
    free(data);
    /* the links of the plan folder are not copied */
    assert_true(kh_open_beneath(nd, newdir, "link.lua", 0, NULL) < 0 && errno == ENOENT);
    assert_true(kh_open_beneath(nd, newdir, "lib.lua", 0, NULL) < 0 && errno == ENOENT);
    close(nd);
    fflush(stdout);
    assert_int_equal(count_fds(), before);
}

/* Text files as editors save them: a UTF-8 byte-order mark is dropped, UTF-16 refused by name. */
static void test_byte_order_marks(void **state)
{
    (void)state;
    assert_int_equal(kh_text_bom("\xEF\xBB\xBFx", 4), 3);
    assert_int_equal(kh_text_bom("\xFF\xFEx\0", 4), -1);
    assert_int_equal(kh_text_bom("\xFE\xFF\0x", 4), -1);
    assert_int_equal(kh_text_bom("\xEF\xBB", 2), 0);
    assert_int_equal(kh_text_bom("return {}", 9), 0);
    assert_int_equal(kh_text_bom("", 0), 0);
    put("plan/bom.txt", "\xEF\xBB\xBFNăm 2026\n");
    put("plan/bom-only.txt", "\xEF\xBB\xBF");
    put("plan/utf16.txt", "\xFF\xFEN\0\x03\x01m\0");
    int dir = open_plan_dir();
    char buf[256];
    kh_error err;
    assert_int_equal(read_rel(dir, "bom.txt", buf, sizeof buf, &err), KH_OK);
    assert_string_equal(buf, "Năm 2026\n");
    assert_int_equal(read_rel(dir, "bom-only.txt", buf, sizeof buf, &err), KH_OK);
    assert_string_equal(buf, "");
    assert_int_equal(read_rel(dir, "good.txt", buf, sizeof buf, &err), KH_OK);
    assert_string_equal(buf, GOOD);
    assert_int_equal(read_rel(dir, "utf16.txt", buf, sizeof buf, &err), KH_EXIT_INPUT);
    assert_non_null(strstr(err.message, "plan/utf16.txt: "));
    assert_non_null(strstr(err.message, "UTF-16"));
    assert_non_null(strstr(err.message, "UTF-8"));
    assert_null(strchr(err.message, '\n'));
    /* what kh_read_fd reads stays as it is (kh new copies files byte for byte) */
    char path[512];
    snprintf(path, sizeof path, "%s/plan/bom.txt", root);
    int fd = open(path, O_RDONLY);
    assert_true(fd >= 0);
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(kh_read_fd(fd, "bom.txt", &data, &len, &err), KH_OK);
    assert_int_equal(len, 3 + strlen("Năm 2026\n"));
    free(data);
    close(fd);
    close(dir);
}

/* kh_write_all: every byte through a pipe written in small pieces; a full disk is an error. */
static void test_write_all(void **state)
{
    (void)state;
    static char data[200000];
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (char)('a' + i % 26);
    int p[2];
    assert_int_equal(pipe(p), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(p[0]);
        _exit(kh_write_all(p[1], data, sizeof data) == 0 ? 0 : 1);
    }
    close(p[1]);
    size_t got = 0;
    char buf[1000];
    ssize_t n;
    int same = 1;
    while ((n = read(p[0], buf, sizeof buf)) > 0) {
        same = same && memcmp(buf, data + got, (size_t)n) == 0;
        got += (size_t)n;
    }
    close(p[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_int_equal(got, sizeof data);
    assert_true(same);
    int full = open("/dev/full", O_WRONLY);
    if (full >= 0) {
        errno = 0;
        assert_int_equal(kh_write_all(full, data, 10), -1);
        assert_int_equal(errno, ENOSPC);
        close(full);
    }
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_refusals_openat2),
        T(test_refusals_walk),
        T(test_swapped_link_race),
        T(test_no_descriptor_left_open),
        T(test_byte_order_marks),
        cmocka_unit_test(test_write_all),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
