/*
 * test_fold.c — search folding: NFC, case, accents, đ → d, bad UTF-8.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "okr/fold.h"

static void expect_fold(const char *in, const char *want)
{
	char *got = okr_fold(in);
	assert_string_equal(got, want);
	free(got);
}

static void test_vietnamese_without_diacritics(void **state)
{
	(void)state;
	expect_fold("Khách hàng", "khach hang");
	expect_fold("ĐẠT MỤC TIÊU", "dat muc tieu");
	expect_fold("đội ngũ", "doi ngu");
	assert_true(okr_fold_contains("Tăng số khách hàng mới", "khach"));
	assert_true(okr_fold_contains("Tăng số khách hàng mới", "KHÁCH HÀNG"));
	assert_true(okr_fold_contains("Đào tạo đội ngũ", "dao tao"));
}

static void test_nfc_and_nfd_meet(void **state)
{
	(void)state;
	const char *nfc = "kh\xc3\xa1" "ch";          /* á as one code point */
	const char *nfd = "kha\xcc\x81" "ch";         /* a + U+0301 */
	assert_true(okr_fold_equal(nfc, nfd));
	assert_true(okr_fold_contains("Tìm " "kha\xcc\x81" "ch hàng", nfc));
	assert_true(okr_fold_contains(nfc, nfd));
}

static void test_case_and_other_scripts(void **state)
{
	(void)state;
	expect_fold("Straße", "strasse");
	expect_fold("ÉCOLE", "ecole");
	expect_fold("王伟", "王伟");
	assert_true(okr_fold_contains("提高客户满意度", "客户"));
	assert_false(okr_fold_contains("提高客户满意度", "王"));
	assert_true(okr_fold_equal("Wang Wei", "wang wei"));
	assert_false(okr_fold_equal("Lan", "Lân Anh"));
}

/* The pickers' type-ahead: a folded prefix. */
static void test_starts(void **state)
{
	(void)state;
	assert_true(okr_fold_starts("Nguyễn Thị Lan", "nguyen"));
	assert_true(okr_fold_starts("Đặng Văn Đức", "dang v"));
	assert_true(okr_fold_starts("Công ty", "CONG"));
	assert_true(okr_fold_starts("anything", ""));
	assert_false(okr_fold_starts("Nguyễn", "nguyen thi"));
	assert_false(okr_fold_starts("Lan", "an"));
}

static void test_edges(void **state)
{
	(void)state;
	assert_false(okr_fold_contains("anything", ""));
	assert_false(okr_fold_contains("", "a"));
	expect_fold("", "");
	expect_fold(NULL, "");
	/* Not UTF-8: still found by its ASCII letters, never refused. */
	expect_fold("AB\xff" "C", "ab\xff" "c");
	assert_true(okr_fold_contains("Revenue \xff\xfe Q4", "revenue"));
	char *n = okr_fold("KHÁCH");
	assert_true(okr_fold_contains_folded("Khách hàng", n));
	assert_false(okr_fold_contains_folded("Khách hàng", ""));
	free(n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vietnamese_without_diacritics),
		cmocka_unit_test(test_nfc_and_nfd_meet),
		cmocka_unit_test(test_case_and_other_scripts),
		cmocka_unit_test(test_starts),
		cmocka_unit_test(test_edges),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
