/* One-line errors. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "kh_error.h"
#include "kh_message.h"

/* The last line of defence: whatever the message holds (a Lua error string, a name from a plan),
   it is kept as one line of printable text, cut at a whole character. */
static size_t escaped(char *out, size_t cap, const char *fmt, va_list ap)
{
    char raw[sizeof ((kh_error *)0)->message];
    int n = vsnprintf(raw, sizeof raw, fmt, ap);
    if (n < 0)
        n = 0;
    int flags = (size_t)n >= sizeof raw ? KH_MSG_TRUNCATED : 0;
    kh_msg_escape(out, cap, raw, flags ? sizeof raw - 1 : (size_t)n, 0, flags);
    return strlen(out);
}

int kh_error_set(kh_error *err, int status, const char *fmt, ...)
{
    if (!err || err->status != KH_OK)
        return err ? err->status : status;
    kh_error_clear(err);
    err->status = status;
    va_list ap;
    va_start(ap, fmt);
    escaped(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}

static size_t place_shown(char *out, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    size_t n = escaped(out, cap, fmt, ap);
    va_end(ap);
    return n;
}

int kh_error_set_at(kh_error *err, int status, const char *file, int line, int column, const char *fmt, ...)
{
    if (!err || err->status != KH_OK)
        return err ? err->status : status;
    kh_error_clear(err);
    err->status = status;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line > 0 ? line : 0;
    err->column = err->line && column > 0 ? column : 0;
    size_t n;
    if (err->column)
        n = place_shown(err->message, sizeof err->message, "%s:%d:%d: ", err->file, err->line, err->column);
    else if (err->line)
        n = place_shown(err->message, sizeof err->message, "%s:%d: ", err->file, err->line);
    else
        n = place_shown(err->message, sizeof err->message, "%s: ", err->file);
    err->text = n;
    va_list ap;
    va_start(ap, fmt);
    escaped(err->message + n, sizeof err->message - n, fmt, ap);
    va_end(ap);
    return status;
}

void kh_error_clear(kh_error *err)
{
    err->status = KH_OK;
    err->message[0] = '\0';
    err->file[0] = '\0';
    err->field[0] = '\0';
    err->rule[0] = '\0';
    err->line = err->column = 0;
    err->text = 0;
}

const char *kh_error_text(const kh_error *err)
{
    return err->message + (err->text < sizeof err->message ? err->text : 0);
}

void kh_error_rule(kh_error *err, const char *rule)
{
    if (err && !err->rule[0])
        snprintf(err->rule, sizeof err->rule, "%s", rule);
}

void kh_error_locate(kh_error *err, const char *file)
{
    if (!err || err->file[0] || !file || !*file)
        return;
    char shown[sizeof err->file + 8];
    size_t n = kh_msg_escape(shown, sizeof shown, file, strlen(file), 0, 0);
    if (n < sizeof err->file && !strncmp(err->message, shown, n) && !strncmp(err->message + n, ": ", 2)) {
        memcpy(err->file, shown, n + 1);   /* n < sizeof err->file */
        err->text = n + 2;
    }
}
