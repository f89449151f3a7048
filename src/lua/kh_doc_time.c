/* The date a document carries (see kh_doc_time.h). */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <lauxlib.h>
#include "kh_boundary.h"
#include "kh_doc_time.h"
#include "kh_i18n.h"

long long kh_days_to_epoch(int year, int month, int day)
{
    /* Days from 1970-01-01 to the date, counting years from March so that the leap day is last. */
    long long y = year - (month <= 2);
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (era * 146097 + doe - 719468) * 86400;
}

/* 1 and *T when SOURCE_DATE_EPOCH is set, 0 when not; an error when it is not a count of seconds. */
static int source_date_epoch(long long *t, kh_error *err)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (!s)
        return 0;
    size_t n = strlen(s);
    /* Up to 9999-12-31 23:59:59: what the dates of core.xml and meta.xml can hold. */
    if (n == 0 || n > 12 || strspn(s, "0123456789") != n || (*t = strtoll(s, NULL, 10)) > 253402300799LL)
        return kh_error_set(err, KH_EXIT_INPUT,
                            _("SOURCE_DATE_EPOCH: expected the seconds since 1970-01-01 UTC, digits only (e.g. 1735689600), got '%.40s'; or unset it"),
                            s);
    return 1;
}

/* In a protected call (the keys are pushed, which may fail for want of memory): the year, month
   and day of the plan's date, or of its first document's; nothing when it has none. */
static int plan_date(lua_State *L)
{
    int plan = 1;
    if (kh_lua_rawfield(L, plan, "date") != LUA_TTABLE) {
        lua_pop(L, 1);
        if (kh_lua_rawfield(L, plan, "documents") != LUA_TTABLE || lua_rawgeti(L, -1, 1) != LUA_TTABLE)
            return 0;
        if (kh_lua_rawfield(L, -1, "date") != LUA_TTABLE)
            return 0;
    }
    int date = lua_gettop(L);
    kh_lua_rawfield(L, date, "year");
    kh_lua_rawfield(L, date, "month");
    kh_lua_rawfield(L, date, "day");
    return 3;
}

int kh_doc_time(kh_sandbox *sb, int plan, long long *time_out, kh_error *err)
{
    int rc = source_date_epoch(time_out, err);
    if (rc != 0)
        return rc == 1 ? KH_OK : rc;
    lua_State *L = kh_sandbox_state(sb);
    int top = lua_gettop(L);
    plan = lua_absindex(L, plan);
    lua_pushcfunction(L, plan_date);
    lua_pushvalue(L, plan);
    if (kh_sandbox_call(sb, 1, 3, err) != KH_OK)
        return err->status;
    *time_out = (long long)time(NULL);
    if (lua_isinteger(L, top + 1) && lua_isinteger(L, top + 2)) {
        /* The plan's date was checked to be a real one when the plan was loaded. */
        int day = lua_isinteger(L, top + 3) ? (int)lua_tointeger(L, top + 3) : 1;
        *time_out = kh_days_to_epoch((int)lua_tointeger(L, top + 1), (int)lua_tointeger(L, top + 2), day);
    }
    lua_settop(L, top);
    return KH_OK;
}
