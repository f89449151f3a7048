/* One-line errors. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "kh_error.h"
#include "kh_message.h"

int kh_error_set(kh_error *err, int status, const char *fmt, ...)
{
    if (!err || err->status != KH_OK)
        return err ? err->status : status;
    err->status = status;
    char raw[sizeof err->message];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    /* The last line of defence: whatever the message holds (a Lua error string, a name from a
       plan), it is printed as one line of printable text, cut at a whole character. */
    int flags = (size_t)n >= sizeof raw ? KH_MSG_TRUNCATED : 0;
    kh_msg_escape(err->message, sizeof err->message, raw, flags ? sizeof raw - 1 : (size_t)n, 0, flags);
    return status;
}

void kh_error_clear(kh_error *err)
{
    err->status = KH_OK;
    err->message[0] = '\0';
}
