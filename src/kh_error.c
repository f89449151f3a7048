/* One-line errors. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "kh_error.h"

int kh_error_set(kh_error *err, int status, const char *fmt, ...)
{
    if (!err || err->status != KH_OK)
        return err ? err->status : status;
    err->status = status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    /* An error is one line: fold any newline a Lua message carried. */
    for (char *p = err->message; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    return status;
}

void kh_error_clear(kh_error *err)
{
    err->status = KH_OK;
    err->message[0] = '\0';
}
