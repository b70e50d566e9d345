/*
 * test_model.c — the model's words: every value's wire name reads back as
 * that value, the names the database and the files already hold are the ones
 * the tables give, and a word that is none of them is refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "okr/model.h"

static const okr_vocab *const all[] = {
	&okr_roles, &okr_cycle_states, &okr_obj_kinds, &okr_obj_states, &okr_kr_types,
	&okr_directions, &okr_frequencies, &okr_statuses,
};

static void test_round_trip(void **state)
{
	(void)state;
	for (size_t v = 0; v < sizeof all / sizeof all[0]; v++)
		for (int i = 0; i < all[v]->n; i++) {
			int back = -1;
			assert_true(okr_wire_find(all[v], okr_wire(all[v], i), &back));
			assert_int_equal(back, i);
			assert_non_null(okr_label(all[v], i));
		}
}

/* What schema.sql's CHECKs and the export format say, spelled out here on
 * purpose: a changed table must fail this test, not the users' files. */
static void test_wire_names(void **state)
{
	(void)state;
	assert_string_equal(okr_wire(&okr_roles, ROLE_ADMIN), "admin");
	assert_string_equal(okr_wire(&okr_cycle_states, CYCLE_PLANNING), "planning");
	assert_string_equal(okr_wire(&okr_obj_kinds, OBJ_ASPIRATIONAL), "aspirational");
	assert_string_equal(okr_wire(&okr_obj_states, OBJ_DRAFT), "draft");
	assert_string_equal(okr_wire(&okr_kr_types, KR_THRESHOLD), "threshold");
	assert_string_equal(okr_wire(&okr_directions, DIR_AT_MOST), "at_most");
	assert_string_equal(okr_wire(&okr_frequencies, FREQ_MONTHLY), "monthly");
	assert_string_equal(okr_wire(&okr_statuses, STATUS_ON_TRACK), "on track");
	assert_string_equal(okr_label_msgid(&okr_directions, DIR_AT_LEAST), "at least");
}

static void test_refused(void **state)
{
	(void)state;
	int v = 7;
	assert_false(okr_wire_find(&okr_roles, "Admin", &v));
	assert_false(okr_wire_find(&okr_roles, "", &v));
	assert_false(okr_wire_find(&okr_roles, NULL, &v));
	assert_int_equal(v, 7);
	assert_int_equal(okr_wire_or(&okr_kr_types, "bogus", KR_METRIC), KR_METRIC);
	assert_string_equal(okr_wire(&okr_frequencies, 99), "daily");
}

static void test_list(void **state)
{
	(void)state;
	char buf[64];
	assert_string_equal(okr_wire_list(&okr_roles, ", ", " or ", buf, sizeof buf), "member, lead or admin");
	assert_string_equal(okr_wire_list(&okr_directions, ", ", " or ", buf, sizeof buf), "at_least or at_most");
	assert_string_equal(okr_wire_list(&okr_roles, ", ", " or ", buf, 8), "member,");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_wire_names),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_list),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
