/*
 * test_complete.c — completion and "did you mean" for the `:` line
 * (core/complete.c), and the words of the audit trail (core/audit.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "okr/audit.h"
#include "okr/complete.h"

static const char *const names[] = { "quit", "help", "kpis", "checkin", "close-cycle", "cycle", "comment", "log" };
enum { N = sizeof names / sizeof names[0] };

static void test_unique(void **state)
{
	(void)state;
	char common[64];
	size_t at[4];
	assert_int_equal(okr_complete(names, N, "ch", common, sizeof common, at, 4), 1);
	assert_string_equal(common, "checkin");
	assert_int_equal(at[0], 3);
}

static void test_shared_prefix(void **state)
{
	(void)state;
	char common[64];
	size_t at[4];
	assert_int_equal(okr_complete(names, N, "c", common, sizeof common, at, 4), 4);
	assert_string_equal(common, "c");
	assert_int_equal(okr_complete(names, N, "cl", common, sizeof common, at, 4), 1);
	assert_string_equal(common, "close-cycle");
	assert_int_equal(okr_complete(names, N, "co", common, sizeof common, NULL, 0), 1);
	assert_string_equal(common, "comment");
}

static void test_none(void **state)
{
	(void)state;
	char common[64] = "x";
	assert_int_equal(okr_complete(names, N, "zz", common, sizeof common, NULL, 0), 0);
	assert_string_equal(common, "");
}

/* Two cycle names sharing the first byte of a Vietnamese letter: the
 * common prefix stops before the character, not inside it. */
static void test_utf8_boundary(void **state)
{
	(void)state;
	static const char *const cy[] = { "Quý\xe1\xbb\x91", "Quý\xe1\xba\xa1" };   /* ố, ạ share 0xe1 */
	char common[64];
	assert_int_equal(okr_complete(cy, 2, "Q", common, sizeof common, NULL, 0), 2);
	assert_string_equal(common, "Quý");
}

static void test_nearest(void **state)
{
	(void)state;
	assert_string_equal(okr_nearest(names, N, "chekin", 2), "checkin");
	assert_string_equal(okr_nearest(names, N, "hlep", 2), "help");
	assert_string_equal(okr_nearest(names, N, "lgo", 2), "log");
	assert_null(okr_nearest(names, N, "frobnicate", 2));
}

static void test_audit_words(void **state)
{
	(void)state;
	char buf[256], ref[32];
	okr_audit_entry e = { .action = "checkin", .kind = 'K', .entity_id = 12, .detail = "K12 = 0.10000000000000001",
			      .title = "Sign-ups", .who = "lan" };
	assert_string_equal(okr_audit_what(&e, buf, sizeof buf), "checked in 0.1");
	assert_string_equal(okr_audit_ref(&e, ref, sizeof ref), "K12");
	e.action = "link";
	e.detail = "KPI3";
	assert_string_equal(okr_audit_what(&e, buf, sizeof buf), "linked to KPI3");
	e.action = "something new";
	e.detail = "";
	assert_string_equal(okr_audit_what(&e, buf, sizeof buf), "something new");
	e.kind = 'U';
	e.title = "minh";
	assert_string_equal(okr_audit_ref(&e, ref, sizeof ref), "@minh");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unique),       cmocka_unit_test(test_shared_prefix),
		cmocka_unit_test(test_none),         cmocka_unit_test(test_utf8_boundary),
		cmocka_unit_test(test_nearest),      cmocka_unit_test(test_audit_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
