/* test_schema.c — lua/schema.lua in the sandbox: what validate() reports of a plan (rule,
   severity, field path, message), the draft rules, bundles, and read_table's options. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <lauxlib.h>
#include <lua.h>
#include "kh_sandbox.h"

static int setup(void **state)
{
    kh_error err;
    kh_error_clear(&err);
    kh_limits lim = {64u << 20, 100000000LL};
    kh_sandbox *sb = kh_sandbox_new(&lim, &err);
    if (!sb)
        return -1;
    *state = sb;
    return 0;
}

static int teardown(void **state)
{
    kh_sandbox_free(*state);
    return 0;
}

/* A valid plan; EDIT (Lua statements on `p`) plants the mistakes. */
#define PLAN                                                                                      \
    "local p = { agency = 'SỞ XÂY DỰNG', type = 'KẾ HOẠCH', number = 3, symbol = 'KH-SXD',\n"     \
    "  place = 'Đắk Lắk', date = '2026-06-15', subject = 'Cải cách hành chính năm 2026',\n"      \
    "  body = { file = 'body.txt', text = 'I. MỤC ĐÍCH' }, recipients = { 'Sở Nội vụ', 'Lưu: VT, VP' },\n" \
    "  signer = { authority = 'KT.', head = 'GIÁM ĐỐC', title = 'PHÓ GIÁM ĐỐC', name = 'Lê Công Du' },\n" \
    "  appendices = { { title = 'PHÂN CÔNG', orientation = 'landscape', table = { file = 't.csv',\n" \
    "    rows = { { 'STT', 'Nội dung' }, { '', 'Việc', line = 2 } }, header_rows = 1,\n"          \
    "    columns = { { width = 5, align = 'center' }, { mm = 80 } }, stt = { column = 1, format = 'n' } } } } }\n"

/* The findings of schema.validate on the plan after EDIT, "rule severity path: message" each,
   joined by " / " ("" when there is none). */
static const char *findings(void **state, const char *edit)
{
    kh_sandbox *sb = *state;
    static char chunk[8192], out[4096];
    snprintf(chunk, sizeof chunk,
             "local schema = require('schema')\n" PLAN "%s\n"
             "local out = {}\n"
             "schema.validate(p, function(f)\n"
             "  assert(f.message == string.format(f.key, table.unpack(f.args)))\n"
             "  out[#out + 1] = f.rule .. ' ' .. f.severity .. ' ' .. schema.path_text(f.path) .. ': ' .. f.message\n"
             "end)\n"
             "return table.concat(out, ' / ')\n",
             edit);
    kh_error err;
    kh_error_clear(&err);
    kh_sandbox_push_env(sb);
    if (kh_sandbox_load(sb, chunk, strlen(chunk), "test_schema", &err) != KH_OK
        || kh_sandbox_call(sb, 0, 1, &err) != KH_OK)
        fail_msg("%s", err.message);
    lua_State *L = kh_sandbox_state(sb);
    snprintf(out, sizeof out, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
    return out;
}

static void test_valid_plan(void **state)
{
    assert_string_equal(findings(state, ""), "");
}

static void test_unknown_fields_at_every_depth(void **state)
{
    assert_string_equal(findings(state, "p.appendices[1].orientaion = 'portrait'"),
                        "unknown-field error appendices[1].orientaion: "
                        "unknown field 'appendices[1].orientaion': did you mean 'orientation'?");
    assert_string_equal(findings(state, "p.appendices[1].table.columns[2].aligm = 'left'"),
                        "unknown-field error appendices[1].table.columns[2].aligm: "
                        "unknown field 'appendices[1].table.columns[2].aligm': did you mean 'align'?");
    assert_string_equal(findings(state, "p.appendices[1].table.header_row = 2"),
                        "unknown-field error appendices[1].table.header_row: "
                        "unknown field 'appendices[1].table.header_row': did you mean 'header_rows'?");
    assert_string_equal(findings(state, "p.marks = { draft = true, urgent = 'KHẨN' }"),
                        "unknown-field error marks.urgent: unknown field 'marks.urgent': did you mean 'urgency'?");
    /* no name close enough: the names there are listed */
    assert_string_equal(findings(state, "p.appendices[1].table.stt.zzzzzz = 1"),
                        "unknown-field error appendices[1].table.stt.zzzzzz: unknown field "
                        "'appendices[1].table.stt.zzzzzz': check its spelling (the fields here are "
                        "column, format, restart)");
}

static void test_types_required_values(void **state)
{
    assert_string_equal(findings(state, "p.agency = 42"),
                        "field-type error agency: agency: expected text (cơ quan ban hành, e.g. "
                        "\"SỞ XÂY DỰNG\"), got a number");
    assert_string_equal(findings(state, "p.subject = '  '"),
                        "required error subject: subject: expected text (trích yếu), got a blank text");
    assert_string_equal(findings(state, "p.appendices[1].orientation = 'ngang'"),
                        "field-type error appendices[1].orientation: appendices[1].orientation: expected "
                        "\"portrait\" or \"landscape\", got \"ngang\"");
    assert_string_equal(findings(state, "p.signer.authority = 'kt'"),
                        "signer-authority error signer.authority: signer.authority: expected \"TM.\", "
                        "\"KT.\", \"TL.\", \"TUQ.\" or \"Q.\", got \"kt\": write \"KT.\"");
    assert_string_equal(findings(state, "p.recipients = {}"),
                        "field-type error recipients: recipients: expected a list of text lines (nơi nhận), "
                        "e.g. { \"Sở Nội vụ\", \"Lưu: VT, VP\" }, got an empty list");
    assert_string_equal(findings(state, "p.recipients[2] = 7"),
                        "field-type error recipients[2]: recipients[2]: expected text, got a number");
    assert_string_equal(findings(state, "p.appendices[1].table.rows = nil"),
                        "required error appendices[1].table.rows: appendices[1].table.rows: expected a list of "
                        "rows, e.g. read_table(\"phu-luc.csv\", {…}), got nothing");
}

static void test_draft_rules(void **state)
{
    /* a draft (no number) may leave the place and the signer's name blank; a plan ready to sign not */
    assert_string_equal(findings(state, "p.number = nil p.place = '' p.signer.name = nil"), "");
    assert_string_equal(findings(state, "p.place = ''"),
                        "required error place: place: expected text (địa danh, e.g. \"Đắk Lắk\"; a draft may "
                        "leave it blank), got a blank text");
    /* "Q. GIÁM ĐỐC" has no second title; an authority needs the head's title */
    assert_string_equal(findings(state, "p.signer.authority = 'Q.' p.signer.title = nil"), "");
    assert_string_equal(findings(state, "p.signer.head = nil"),
                        "required error signer.head: signer.head: expected text (the head's title after the "
                        "authority, e.g. \"GIÁM ĐỐC\"), got nothing");
    assert_string_equal(findings(state, "p.type = 'QUYẾT ĐỊNH'"),
                        "required error authority: authority: expected text (thẩm quyền ban hành, e.g. "
                        "\"GIÁM ĐỐC SỞ XÂY DỰNG\"; a QUYẾT ĐỊNH needs it), got nothing");
}

static void test_bundle(void **state)
{
    /* shared fields count for each document; a field is named where it is written */
    const char *edit = "p = { agency = p.agency, place = p.place, body = p.body, signer = p.signer,\n"
                       "  recipients = p.recipients, documents = {\n"
                       "    { type = 'QUYẾT ĐỊNH', number = 1, symbol = 'QĐ-SXD', date = '2026-01-02', subject = 'x',\n"
                       "      authority = 'GIÁM ĐỐC' },\n"
                       "    { type = 'KẾ HOẠCH', atached_to = 1, subject = 'y' } } }";
    assert_string_equal(findings(state, edit),
                        "unknown-field error documents[2].atached_to: unknown field 'documents[2].atached_to': "
                        "did you mean 'attached_to'? / required error documents[2].symbol: documents[2].symbol: "
                        "expected text (ký hiệu, e.g. \"KH-SXD\"), got nothing / required error documents[2].date: "
                        "documents[2].date: expected a date \"YYYY-MM-DD\" (or \"YYYY-MM\" in a draft), got nothing");
    assert_string_equal(findings(state, "p.documents = {}"),
                        "field-type error documents: documents: expected a list of documents, got an empty list");
}

static void test_read_table_options(void **state)
{
    kh_sandbox *sb = *state;
    const char *chunk = "local schema = require('schema')\n"
                        "local a, b, c = schema.unknown_option({ header_row = 1, stt = {} })\n"
                        "local d = schema.unknown_option({ header_rows = 1, separator = ';' })\n"
                        "return a .. '|' .. b .. '|' .. c .. '|' .. tostring(d)\n";
    kh_error err;
    kh_error_clear(&err);
    kh_sandbox_push_env(sb);
    if (kh_sandbox_load(sb, chunk, strlen(chunk), "test_schema", &err) != KH_OK
        || kh_sandbox_call(sb, 0, 1, &err) != KH_OK)
        fail_msg("%s", err.message);
    lua_State *L = kh_sandbox_state(sb);
    assert_string_equal(lua_tostring(L, -1), "header_row|header_rows|header_rows, columns, stt, separator|nil");
    lua_pop(L, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_valid_plan, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_fields_at_every_depth, setup, teardown),
        cmocka_unit_test_setup_teardown(test_types_required_values, setup, teardown),
        cmocka_unit_test_setup_teardown(test_draft_rules, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bundle, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_table_options, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
