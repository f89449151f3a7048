/* Lua's own error messages in the user's language.

   Lua 5.4 builds its messages from fixed formats (ldebug.c, llex.c, lparser.c, lauxlib.c); each
   is matched here by its format and said again through the catalogue. The English msgid is
   Lua's format itself, so English output is Lua's text unchanged. Parts that are words of Lua's
   (a type, the kind of a variable, a message inside "bad argument … (…)") are translated too;
   names and tokens from the file are kept as they are. */
#include <string.h>
#include <stdio.h>
#include "kh_i18n.h"
#include "kh_lua_messages.h"

enum { MAX_CAPTURES = 4, LONGEST_TRANSLATED = 600 };

/* What a capture holds: kept as it is, a Lua type, the kind of a variable, or a message of
   its own (translated in turn). */
enum { KEEP = 'v', TYPE = 't', KIND = 'k', MESSAGE = 'm' };

typedef struct {
    const char *format;   /* Lua's: %s any text, %d digits */
    const char *msgid;    /* the same with %s for every capture */
    const char *roles;    /* one of KEEP, TYPE, KIND, MESSAGE a capture */
} lua_message;

/* Longer formats first: "'=' or 'in' expected" before "'%s' expected". */
static const lua_message messages[] = {
    /* llex.c and lparser.c: a chunk that does not load. */
    {"%s near <eof>", N_("%s at the end of the file"), "m"},
    {"%s near %s", N_("%s near %s"), "mv"},
    {"unexpected symbol", N_("unexpected symbol"), ""},
    {"'=' or 'in' expected", N_("'=' or 'in' expected"), ""},
    {"'%s' expected (to close '%s' at line %d)", N_("'%s' expected (to close '%s' at line %s)"), "vvv"},
    {"<name> or '...' expected", N_("a name or '...' expected"), ""},
    {"<name> expected", N_("a name expected"), ""},
    {"'%s' expected", N_("'%s' expected"), "v"},
    {"function arguments expected", N_("function arguments expected"), ""},
    {"unfinished string", N_("unfinished string"), ""},
    {"unfinished long string (starting at line %d)", N_("unfinished long string (starting at line %s)"), "v"},
    {"unfinished long comment (starting at line %d)", N_("unfinished long comment (starting at line %s)"), "v"},
    {"malformed number", N_("malformed number"), ""},
    {"invalid escape sequence", N_("invalid escape sequence"), ""},
    {"hexadecimal digit expected", N_("hexadecimal digit expected"), ""},
    {"decimal escape too large", N_("decimal escape too large"), ""},
    {"UTF-8 value too large", N_("UTF-8 value too large"), ""},
    {"missing '{'", N_("missing '{'"), ""},
    {"missing '}'", N_("missing '}'"), ""},
    {"invalid long string delimiter", N_("invalid long string delimiter"), ""},
    {"break outside loop at line %d", N_("break outside loop at line %s"), "v"},
    {"no visible label '%s' for <goto> at line %d", N_("no visible label '%s' for goto at line %s"), "vv"},
    {"label '%s' already defined on line %d", N_("label '%s' already defined on line %s"), "vv"},
    {"attempt to assign to const variable '%s'", N_("attempt to assign to const variable '%s'"), "v"},
    {"cannot use '...' outside a vararg function", N_("cannot use '...' outside a vararg function"), ""},
    {"lexical element too long", N_("lexical element too long"), ""},
    {"chunk has too many lines", N_("chunk has too many lines"), ""},
    {"control structure too long", N_("control structure too long"), ""},
    /* ldebug.c and lvm.c: a chunk that stops. */
    {"attempt to index a %s value (%s '%s')", N_("attempt to index a %s value (%s '%s')"), "tkv"},
    {"attempt to index a %s value", N_("attempt to index a %s value"), "t"},
    {"attempt to call a %s value (%s '%s')", N_("attempt to call a %s value (%s '%s')"), "tkv"},
    {"attempt to call a %s value", N_("attempt to call a %s value"), "t"},
    {"attempt to perform arithmetic on a %s value (%s '%s')", N_("attempt to perform arithmetic on a %s value (%s '%s')"), "tkv"},
    {"attempt to perform arithmetic on a %s value", N_("attempt to perform arithmetic on a %s value"), "t"},
    {"attempt to perform bitwise operation on a %s value (%s '%s')", N_("attempt to perform bitwise operation on a %s value (%s '%s')"), "tkv"},
    {"attempt to perform bitwise operation on a %s value", N_("attempt to perform bitwise operation on a %s value"), "t"},
    {"attempt to concatenate a %s value (%s '%s')", N_("attempt to concatenate a %s value (%s '%s')"), "tkv"},
    {"attempt to concatenate a %s value", N_("attempt to concatenate a %s value"), "t"},
    {"attempt to get length of a %s value (%s '%s')", N_("attempt to get length of a %s value (%s '%s')"), "tkv"},
    {"attempt to get length of a %s value", N_("attempt to get length of a %s value"), "t"},
    {"attempt to compare two %s values", N_("attempt to compare two %s values"), "t"},
    {"attempt to compare %s with %s", N_("attempt to compare %s with %s"), "tt"},
    {"attempt to divide by zero", N_("attempt to divide by zero"), ""},
    {"attempt to perform 'n%%0'", N_("attempt to perform 'n%%0'"), ""},
    {"number has no integer representation", N_("number has no integer representation"), ""},
    {"'for' step is zero", N_("'for' step is zero"), ""},
    {"'for' initial value must be a number", N_("'for' initial value must be a number"), ""},
    {"bad 'for' %s (number expected, got %s)", N_("bad 'for' %s (number expected, got %s)"), "kt"},
    {"table index is nil", N_("table index is nil"), ""},
    {"table index is NaN", N_("table index is NaN"), ""},
    {"stack overflow", N_("calls nested too deep (stack overflow): a function that calls itself without end?"), ""},
    {"C stack overflow", N_("calls nested too deep (stack overflow): a function that calls itself without end?"), ""},
    {"string length overflow", N_("string length overflow"), ""},
    {"resulting string too large", N_("the text made is too large"), ""},
    {"'__index' chain too long; possible loop", N_("'__index' chain too long; possible loop"), ""},
    {"'__newindex' chain too long; possible loop", N_("'__newindex' chain too long; possible loop"), ""},
    {"attempt to load a %s chunk (mode is '%s')", N_("attempt to load a %s chunk (mode is '%s')"), "kv"},
    /* lauxlib.c and the libraries: a function given what it cannot take. */
    {"bad argument #%d to '%s' (%s)", N_("bad argument #%s to '%s' (%s)"), "vvm"},
    {"bad argument #%d (%s)", N_("bad argument #%s (%s)"), "vm"},
    {"%s expected, got %s", N_("%s expected, got %s"), "tt"},
    {"value expected", N_("value expected"), ""},
    {"invalid option '%s'", N_("invalid option '%s'"), "v"},
    {"invalid value (at index %d) in table for 'concat'", N_("invalid value (at index %s) in table for 'concat'"), "v"},
    {"invalid value (%s) at index %d in table for 'concat'", N_("invalid value (%s) at index %s in table for 'concat'"), "tv"},
    {"wrong number of arguments to 'insert'", N_("wrong number of arguments to 'insert'"), ""},
    {"wrong number of arguments", N_("wrong number of arguments"), ""},
    {"cannot change a protected metatable", N_("cannot change a protected metatable"), ""},
    {"too many results to unpack", N_("too many results to unpack"), ""},
    {"invalid order function for sorting", N_("invalid order function for sorting"), ""},
    {"malformed pattern (ends with '%%')", N_("malformed pattern (ends with '%%')"), ""},
    {"malformed pattern (missing ']')", N_("malformed pattern (missing ']')"), ""},
    {"pattern too complex", N_("pattern too complex"), ""},
};

/* Lua's words inside its messages: the types (kh_lua_type_shown's msgids); the kinds of
   variable, the parts of a 'for' and the kinds of chunk. */
static const char *const types[] = {N_("nil"), N_("boolean"), N_("number"), N_("string"), N_("table"),
                                     N_("function"), N_("userdata"), N_("thread"), N_("no value"),
                                     N_("light userdata")};
static const char *const kinds[] = {N_("local"), N_("global"), N_("field"), N_("upvalue"), N_("constant"),
                                     N_("method"), N_("metamethod"), N_("for iterator"), N_("initial value"),
                                     N_("limit"), N_("step"), N_("binary"), N_("text")};

static const char *word_shown(const char *const *words, size_t n, const char *w, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(words[i]) == len && !memcmp(words[i], w, len))
            return _(words[i]);
    return NULL;
}

/* Does S[0..N) match FORMAT? Each capture's start and length into CAP and LEN; the count, or -1.
   A %s takes as little as lets the rest match; %% is a percent sign. */
static int match(const char *f, const char *s, size_t n, const char **cap, size_t *len, int k)
{
    while (*f && !(f[0] == '%' && (f[1] == 's' || f[1] == 'd'))) {
        size_t width = f[0] == '%' && f[1] == '%' ? 2 : 1;   /* "%%" stands for '%' */
        if (!n || *s != *f)
            return -1;
        f += width, s++, n--;
    }
    if (!*f)
        return n ? -1 : k;
    if (k == MAX_CAPTURES)
        return -1;
    int digits = f[1] == 'd';
    for (size_t i = 1; i <= n; i++) {
        if (digits && (s[i - 1] < '0' || s[i - 1] > '9'))
            break;
        cap[k] = s, len[k] = i;
        int r = match(f + 2, s + i, n - i, cap, len, k + 1);
        if (r >= 0)
            return r;
    }
    return -1;
}

/* TEXT[0..N) said in the user's language into OUT, when it is one of Lua's messages; 0 if not. */
static int translate(const char *text, size_t n, char *out, size_t cap)
{
    if (n > LONGEST_TRANSLATED)
        return 0;
    for (size_t i = 0; i < sizeof messages / sizeof messages[0]; i++) {
        const lua_message *m = &messages[i];
        const char *at[MAX_CAPTURES];
        size_t len[MAX_CAPTURES];
        int k = match(m->format, text, n, at, len, 0);
        if (k < 0 || (size_t)k != strlen(m->roles))
            continue;
        char parts[MAX_CAPTURES][LONGEST_TRANSLATED + 1];
        const char *arg[MAX_CAPTURES] = {"", "", "", ""};
        for (int j = 0; j < k; j++) {
            const char *w = NULL;
            if (m->roles[j] == TYPE)
                w = word_shown(types, sizeof types / sizeof types[0], at[j], len[j]);
            else if (m->roles[j] == KIND)
                w = word_shown(kinds, sizeof kinds / sizeof kinds[0], at[j], len[j]);
            else if (m->roles[j] == MESSAGE && translate(at[j], len[j], parts[j], sizeof parts[j]))
                w = parts[j];
            if (!w) {
                snprintf(parts[j], sizeof parts[j], "%.*s", (int)len[j], at[j]);
                w = parts[j];
            }
            arg[j] = w;
        }
        snprintf(out, cap, _(m->msgid), arg[0], arg[1], arg[2], arg[3]);
        return 1;
    }
    return 0;
}

/* Length of a "file:line: " place at the start of S, or 0. */
static size_t place_length(const char *s)
{
    for (const char *p = strchr(s, ':'); p; p = strchr(p + 1, ':')) {
        const char *d = p + 1;
        while (*d >= '0' && *d <= '9')
            d++;
        if (d > p + 1 && d[0] == ':' && d[1] == ' ')
            return (size_t)(d + 2 - s);
        if (p[1] == ' ')   /* "text: …": the place, if any, came before */
            return 0;
    }
    return 0;
}

void kh_lua_message_shown(const char *msg, int syntax, char *out, size_t cap)
{
    if (!cap)
        return;
    size_t places = 0, p;
    while ((p = place_length(msg + places)) > 0)
        places += p;
    const char *text = msg + places;
    size_t n = strlen(text);
    char said[2 * LONGEST_TRANSLATED];
    int done = translate(text, n, said, sizeof said);
    /* "refused: <Lua's message>": the words before kept, the end translated. Only the end of a
       long text is looked at: a message is never longer than LONGEST_TRANSLATED. */
    size_t kept = 0;
    const char *from = n > LONGEST_TRANSLATED ? text + n - LONGEST_TRANSLATED - 2 : text;
    for (const char *c = strstr(from, ": "); !done && c; c = strstr(c + 2, ": ")) {
        kept = (size_t)(c + 2 - text);
        done = translate(c + 2, n - kept, said, sizeof said);
    }
    if (!done) {
        kept = strlen(text);
        said[0] = '\0';
    }
    snprintf(out, cap, "%.*s%s%s", (int)(places + kept), msg, said,
             syntax ? _(": check this line and the one before it (a comma, a quote or a bracket is often missing)") : "");
}
