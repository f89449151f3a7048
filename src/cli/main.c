/* kehoach — the command line. */
#include <signal.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "kh_commands.h"
#include "kh_i18n.h"
#include "kh_message.h"
#include "kh_pdf.h"
#include "kh_render.h"
#include "kh_signals.h"
#include "kh_template_path.h"
#include "kh_util.h"

#define KH_VERSION "0.1.0"

/* The help texts, translated where printed (N_ marks them for xgettext). */
static const char usage_main[] = N_(
    "kehoach %s — văn bản hành chính theo Nghị định 30/2020/NĐ-CP (DOCX, ODT, PDF)\n"
    "\n"
    "Usage:\n"
    "  kehoach render PLAN [-o OUT.docx|OUT.odt|OUT.pdf|-] [--template NAME|FILE]\n"
    "                 [--part all|body|appendices] [--format docx|odt|pdf] [-v]\n"
    "  kehoach render PLAN... -O FOLDER [--format docx|odt|pdf] [options]\n"
    "  kehoach check PLAN [--format json] [--fix]\n"
    "  kehoach new PLAN --year YYYY -o NEWDIR [--shift-ranges] [--dry-run]\n"
    "  kehoach templates\n"
    "  kehoach --help | --version\n"
    "\n"
    "Commands:\n"
    "  render     write the plan as a DOCX, ODT or PDF document (kehoach render --help for its\n"
    "             options; a PDF is made by LibreOffice)\n"
    "  check      check the plan against the decree's rules: FILE:LINE: error|warning: …\n"
    "  new        copy the plan folder for another year: periods moved, number and day cleared\n"
    "  templates  list the templates found (./templates, KEHOACH_TEMPLATE_PATH, the installed\n"
    "             folder, built in) and where each comes from\n"
    "\n"
    "Exit status: 0 done, 1 check found errors, 2 bad input or usage, 3 an I/O or internal failure.\n");

static const char usage_render[] = N_(
    "Usage: kehoach render PLAN [options]\n"
    "       kehoach render PLAN... -O FOLDER [options]\n"
    "\n"
    "PLAN is a plan folder holding plan.lua, or a plan file. Several plans are rendered one\n"
    "after another in one run, each on its own (a plan that fails does not stop the others),\n"
    "into FOLDER.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE        the document to write, DOCX, ODT or PDF by its extension (default:\n"
    "                           the plan folder's name + .docx, in the current folder). Written\n"
    "                           to a temporary file and renamed: a failed run leaves no partial\n"
    "                           file and keeps an existing one. '-': standard output (then\n"
    "                           --format is needed; never to a terminal).\n"
    "  -O, --output-dir FOLDER  write each plan's document into FOLDER (it must exist), named\n"
    "                           after the plan folder, as .docx (or by --format). Needed for\n"
    "                           several plans.\n"
    "  -t, --template NAME|FILE the template: a name (nd30, or one found in the template path) or\n"
    "                           a .lua file. Default: the plan's `template` field, else nd30.\n"
    "  --part all|body|appendices\n"
    "                           write the whole document (default), the body alone, or the\n"
    "                           appendices alone.\n"
    "  --format docx|odt|pdf    the output format (default: from the output file's extension).\n"
    "  --pdf-version V          for a PDF: pdf-a-2b (default, PDF/A-2b for archiving), pdf-a-3b,\n"
    "                           pdf-a-1a, 1.6 or 1.5. Fonts are always embedded.\n"
    "  --soffice PROGRAM        for a PDF: LibreOffice's program (default: soffice, else\n"
    "                           libreoffice, on PATH; Debian package libreoffice-writer-nogui).\n"
    "  --max-memory MB          memory the plan and template may use (default 1024).\n"
    "  --max-instructions N     Lua instructions the plan and template may run (default 4e9).\n"
    "  --max-seconds N          wall-clock seconds the whole render may take (default 120; 0: no\n"
    "                           limit), LibreOffice's conversion to PDF included. Also stops what\n"
    "                           the instruction count cannot see, such as a Lua pattern that\n"
    "                           backtracks for hours. With several plans: each plan's time; one\n"
    "                           that runs out stops the run (the documents written stay).\n"
    "  -v, --verbose            say what was written (and the template used) even when standard\n"
    "                           error is not a terminal; at a terminal that line is always shown.\n"
    "  -h, --help               this help.\n");

static int usage_error(const char *fmt, const char *arg)
{
    fputs("kehoach: ", stderr);
    char shown[KH_MSG_QUOTED_SIZE];   /* an argument may be a file name from anywhere */
    kh_msg_escape(shown, sizeof shown, arg, strlen(arg), KH_MSG_MAX_CHARS, 0);
    fprintf(stderr, fmt, shown);
    fputs(_(" (see kehoach --help)\n"), stderr);
    return 2;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static char *default_output(const char *plan, const char *ext)
{
    char base[4096];
    snprintf(base, sizeof base, "%s", plan);
    size_t n = strlen(base);
    while (n > 1 && base[n - 1] == '/')
        base[--n] = '\0';
    if (ends_with(base, "/plan.lua"))
        base[n - 9] = '\0';
    else if (ends_with(base, ".lua"))
        base[n - 4] = '\0';
    const char *slash = strrchr(base, '/');
    const char *name = slash ? slash + 1 : base;
    if (!*name || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
        name = "kehoach";
    size_t len = strlen(name) + strlen(ext) + 1;
    char *out = malloc(len);
    if (out)
        snprintf(out, len, "%s%s", name, ext);
    return out;
}

/* One line on stderr after success: the file written, its pages when known, its size; with -v
   the template used too. */
static void say_written(const char *output, const kh_render_result *r, int verbose)
{
    char name[KH_MSG_QUOTED_SIZE], size[32], pages[48] = "";
    if (!strcmp(output, "-"))
        snprintf(name, sizeof name, "%s", _("standard output"));
    else
        kh_msg_escape(name, sizeof name, output, strlen(output), KH_MSG_MAX_CHARS, 0);
    if (r->bytes < 1024)
        snprintf(size, sizeof size, kh_ngettext("%zu byte", "%zu bytes", r->bytes), r->bytes);
    else if (r->bytes < 1024 * 1024)
        snprintf(size, sizeof size, "%zu KB", (r->bytes + 512) / 1024);
    else {
        snprintf(size, sizeof size, "%.1f MB", (double)r->bytes / (1024.0 * 1024.0));
        if (kh_msg_vietnamese())
            *strchr(size, '.') = ',';   /* Vietnamese writes a decimal comma */
    }
    if (r->pages >= 0)
        snprintf(pages, sizeof pages, kh_ngettext("%d page, ", "%d pages, ", (unsigned long)r->pages), r->pages);
    if (verbose) {
        char tmpl[KH_MSG_QUOTED_SIZE];
        kh_msg_escape(tmpl, sizeof tmpl, r->template_file, strlen(r->template_file), KH_MSG_MAX_CHARS, 0);
        fprintf(stderr, _("kehoach: template %s\n"), tmpl);
    }
    fprintf(stderr, _("kehoach: wrote %s — %s%s\n"), name, pages, size);
}

/* A message naming FILE (escaped: a name may come from anywhere), without the usage hint. */
static void say_about(const char *fmt, const char *file)
{
    char shown[KH_MSG_QUOTED_SIZE];
    kh_msg_escape(shown, sizeof shown, file, strlen(file), KH_MSG_MAX_CHARS, 0);
    fputs("kehoach: ", stderr);
    fprintf(stderr, fmt, shown);
    fputc('\n', stderr);
}

/* Render NPLANS plans into the folder OUTDIR, one after another, each in a sandbox of its own:
   a plan that fails is reported and the others are still written. Returns 0 when every
   document was written, else the highest exit status met (3, an I/O failure, over 2). */
static int render_into(kh_render_options *opt, const char **plans, size_t nplans, const char *outdir,
                       const char *ext, unsigned max_seconds, int verbose)
{
    struct stat st;
    if (stat(outdir, &st) != 0 || !S_ISDIR(st.st_mode))
        return usage_error(_("-O: '%s' is not a folder: create it first, or name one that exists"), outdir);
    char **outputs = kh_xcalloc(nplans, sizeof *outputs);
    int rc = 0;
    for (size_t i = 0; i < nplans && rc == 0; i++) {
        char *name = default_output(plans[i], ext);
        size_t n = strlen(outdir) + strlen(name) + 2;
        outputs[i] = kh_xmalloc(n);
        snprintf(outputs[i], n, "%s%s%s", outdir, outdir[strlen(outdir) - 1] == '/' ? "" : "/", name);
        free(name);
        for (size_t k = 0; k < i; k++)
            if (!strcmp(outputs[k], outputs[i])) {
                say_about(_("-O: two plans would both be written to %s: give the plan folders different names, "
                            "or render them into different folders"), outputs[i]);
                rc = 2;
                break;
            }
    }
    size_t written = 0;
    if (rc == 0) {
        int worst = 0;
        for (size_t i = 0; i < nplans; i++) {
            opt->plan = plans[i];
            opt->output = outputs[i];
            kh_error err;
            kh_error_clear(&err);
            kh_render_result result;
            kh_signals_time_limit(opt->plan, max_seconds);
            int one = kh_render(opt, &result, &err);
            kh_signals_time_limit_stop();
            if (one != 0) {
                fprintf(stderr, "kehoach: %s\n", err.message);
                worst = one > worst ? one : worst;
            } else {
                written++;
                if (verbose || isatty(STDERR_FILENO))
                    say_written(opt->output, &result, verbose);
            }
        }
        if (written < nplans || verbose || isatty(STDERR_FILENO)) {
            char where[KH_MSG_QUOTED_SIZE];
            kh_msg_escape(where, sizeof where, outdir, strlen(outdir), KH_MSG_MAX_CHARS, 0);
            fprintf(stderr, kh_ngettext("kehoach: %zu of %zu document written into %s\n",
                                        "kehoach: %zu of %zu documents written into %s\n", (unsigned long)nplans),
                    written, nplans, where);
        }
        rc = worst;
    }
    for (size_t i = 0; i < nplans; i++)
        free(outputs[i]);
    free(outputs);
    return rc;
}

static int cmd_render(int argc, char **argv)
{
    kh_render_options opt = {0};
    /* The plans are gathered at the front of ARGV itself: each took at least one of its slots. */
    const char **plans = (const char **)argv;
    size_t nplans = 0;
    const char *outdir = NULL;
    opt.part = "all";
    unsigned max_seconds = 120;
    const char *format = NULL;
    int verbose = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(_(usage_render), stdout);
            return 0;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            if (!v) return usage_error(_("%s needs a file name"), a);
            opt.output = v;
            i++;
        } else if (!strcmp(a, "-t") || !strcmp(a, "--template")) {
            if (!v) return usage_error(_("%s needs a template name or file"), a);
            opt.template_name = v;
            i++;
        } else if (!strcmp(a, "--part")) {
            if (!v || (strcmp(v, "all") && strcmp(v, "body") && strcmp(v, "appendices")))
                return usage_error(_("--part: expected all, body or appendices, got '%s'"), v ? v : _("nothing"));
            opt.part = v;
            i++;
        } else if (!strcmp(a, "--format")) {
            if (!v || (strcmp(v, "docx") && strcmp(v, "odt") && strcmp(v, "pdf")))
                return usage_error(_("--format: expected docx, odt or pdf, got '%s'"), v ? v : _("nothing"));
            format = v;
            i++;
        } else if (!strcmp(a, "--pdf-version")) {
            if (!v || !kh_pdf_version_known(v)) {
                char fmt[160];
                snprintf(fmt, sizeof fmt, _("--pdf-version: expected one of %s, got '%%s'"), kh_pdf_versions);
                return usage_error(fmt, v ? v : _("nothing"));
            }
            opt.pdf.version = v;
            i++;
        } else if (!strcmp(a, "--soffice")) {
            if (!v || !*v)
                return usage_error(_("%s needs LibreOffice's program (such as /usr/bin/soffice)"), a);
            opt.pdf.soffice = v;
            i++;
        } else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
            verbose = 1;
        } else if (!strcmp(a, "--max-memory")) {
            char *end;
            long long mb = v ? strtoll(v, &end, 10) : 0;
            if (!v || *end || mb < 1 || mb > 65536)
                return usage_error(_("--max-memory: expected megabytes from 1 to 65536, got '%s'"), v ? v : _("nothing"));
            opt.limits.max_memory = (size_t)mb << 20;
            i++;
        } else if (!strcmp(a, "--max-instructions")) {
            char *end;
            double n = v ? strtod(v, &end) : 0;
            if (!v || *end || n < 1000 || n > 1e15)
                return usage_error(_("--max-instructions: expected a count from 1000, got '%s'"), v ? v : _("nothing"));
            opt.limits.max_instructions = (long long)n;
            i++;
        } else if (!strcmp(a, "--max-seconds")) {
            char *end;
            long long n = v ? strtoll(v, &end, 10) : -1;
            if (!v || !*v || *end || n < 0 || n > 86400 * 365)
                return usage_error(_("--max-seconds: expected a whole number of seconds (0: no limit), got '%s'"),
                                   v ? v : _("nothing"));
            max_seconds = (unsigned)n;
            i++;
        } else if (!strcmp(a, "-O") || !strcmp(a, "--output-dir")) {
            if (!v || !*v) return usage_error(_("%s needs a folder"), a);
            outdir = v;
            i++;
        } else if (a[0] == '-' && a[1]) {
            return usage_error(_("render: unknown option '%s'"), a);
        } else {
            plans[nplans++] = a;
        }
    }
    if (!nplans)
        return usage_error("%s", _("render: expected a plan folder or file"));
    if (outdir && opt.output)
        return usage_error(_("-o and -O: give a file (-o) or a folder (-O), not both; got -O '%s'"), outdir);
    if (nplans > 1 && !outdir)
        return usage_error(_("render: several plans need -O FOLDER for their documents; the second is '%s'"),
                           plans[1]);
    opt.plan = plans[0];
    int to_stdout = opt.output && !strcmp(opt.output, "-");
    if (to_stdout && !format)
        return usage_error("%s", _("-o -: standard output needs --format docx, odt or pdf"));
    if (to_stdout && isatty(STDOUT_FILENO))
        return usage_error(_("-o -: standard output is a terminal, not a place for a %s document: redirect it to a file or a pipe"),
                           format);
    const char *ext = format && !strcmp(format, "odt") ? ".odt" : format && !strcmp(format, "pdf") ? ".pdf" : ".docx";
    char *fallback = NULL;
    if (!opt.output && !outdir)
        opt.output = fallback = default_output(opt.plan, ext);
    if (!opt.output && !outdir)
        return 3;
    if (!format && opt.output && !ends_with(opt.output, ".docx") && !ends_with(opt.output, ".odt")
        && !ends_with(opt.output, ".pdf")) {
        free(fallback);
        return usage_error(_("-o: expected a .docx, .odt or .pdf file name (or --format docx|odt|pdf), got '%s'"), opt.output);
    }
    const char *kind = format ? format : !opt.output ? "docx" : ends_with(opt.output, ".odt") ? "odt"
                                       : ends_with(opt.output, ".pdf") ? "pdf" : "docx";
    opt.format = !strcmp(kind, "odt") ? KH_FORMAT_ODT : !strcmp(kind, "pdf") ? KH_FORMAT_PDF : KH_FORMAT_DOCX;
    if (opt.format != KH_FORMAT_PDF && (opt.pdf.version || opt.pdf.soffice)) {
        free(fallback);
        return usage_error(_("%s: only for a PDF (-o FILE.pdf or --format pdf)"), opt.pdf.version ? "--pdf-version" : "--soffice");
    }
    opt.pdf.max_seconds = max_seconds;
    if (outdir)
        return render_into(&opt, plans, nplans, outdir, ext, max_seconds, verbose);
    kh_error err;
    kh_error_clear(&err);
    kh_render_result result;
    kh_signals_time_limit(opt.plan, max_seconds);
    int rc = kh_render(&opt, &result, &err);
    kh_signals_time_limit_stop();
    if (rc != 0)
        fprintf(stderr, "kehoach: %s\n", err.message);
    else if (verbose || isatty(STDERR_FILENO))
        say_written(opt.output, &result, verbose);
    free(fallback);
    return rc;
}

int main(int argc, char **argv)
{
    kh_i18n_init();
    /* A full disk or a file size limit must be an error message, not a killed process. */
    signal(SIGXFSZ, SIG_IGN);
    signal(SIGPIPE, SIG_IGN);
    if (argc < 2) {
        fprintf(stderr, _(usage_main), KH_VERSION);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        printf(_(usage_main), KH_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "--version")) {
        printf("kehoach %s\n", KH_VERSION);
        return 0;
    }
    /* The commands that write: a signal removes the temporary file or folder first. */
    if (!strcmp(cmd, "render") || !strcmp(cmd, "new"))
        kh_signals_install();
    if (!strcmp(cmd, "render"))
        return cmd_render(argc - 2, argv + 2);
    if (!strcmp(cmd, "check"))
        return kh_check_command(argc - 2, argv + 2);
    if (!strcmp(cmd, "new"))
        return kh_new_command(argc - 2, argv + 2);
    if (!strcmp(cmd, "templates")) {
        if (argc > 2 && (!strcmp(argv[2], "--help") || !strcmp(argv[2], "-h"))) {
            puts(_("Usage: kehoach templates\n\nLists every template found, in the order searched: ./templates,\n"
                 "each folder of KEHOACH_TEMPLATE_PATH (':'-separated), the installed share folder, then the\n"
                 "templates built into kehoach. A name found twice is used from the first place.\n"
                 "\n"
                 "The installed share folder is KEHOACH_SHARE_DIR when set, else share/kehoach beside the\n"
                 "program's folder (PREFIX/bin/kehoach looks in PREFIX/share/kehoach/templates); the last\n"
                 "line of the list names it.\n"
                 "\n"
                 "Options:\n"
                 "  -h, --help           this help."));
            return 0;
        }
        kh_template_path_list(stdout);
        return 0;
    }
    return usage_error(_("unknown command '%s'"), cmd);
}
