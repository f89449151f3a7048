/* The date a document carries: days to seconds since 1970, and SOURCE_DATE_EPOCH. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "kh_doc_time.h"

static void days_to_epoch(void **state)
{
    (void)state;
    assert_int_equal(kh_days_to_epoch(1970, 1, 1), 0);
    assert_int_equal(kh_days_to_epoch(1969, 12, 31), -86400);
    assert_int_equal(kh_days_to_epoch(2000, 3, 1), 951868800);     /* after a 400-year leap day */
    assert_int_equal(kh_days_to_epoch(2024, 2, 29), 1709164800);
    assert_int_equal(kh_days_to_epoch(2024, 3, 1), 1709251200);
    assert_int_equal(kh_days_to_epoch(2100, 3, 1), 4107542400);    /* 2100 is not a leap year */
    assert_int_equal(kh_days_to_epoch(9999, 12, 31), 253402214400);
}

static void source_date_epoch(void **state)
{
    (void)state;
    kh_error err;
    long long t = -1;
    kh_error_clear(&err);
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    /* Set: the plan is not looked at (no sandbox needed). */
    assert_int_equal(kh_doc_time(NULL, 0, &t, &err), KH_OK);
    assert_int_equal(t, 1700000000);
    setenv("SOURCE_DATE_EPOCH", "253402300800", 1);   /* year 10000 */
    assert_int_equal(kh_doc_time(NULL, 0, &t, &err), KH_EXIT_INPUT);
    assert_non_null(strstr(err.message, "SOURCE_DATE_EPOCH"));
    unsetenv("SOURCE_DATE_EPOCH");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(days_to_epoch),
        cmocka_unit_test(source_date_epoch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
