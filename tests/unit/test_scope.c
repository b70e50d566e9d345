/*
 * test_scope.c — "mine", "my team" and "team T" (scope.h): the one answer the
 * TUI's filter, okr list and the review give.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "okr/scope.h"

/* Company → Sales, Product.  O1 Company/lan; O2 Sales/sarah; O3 no team,
 * owned by tuan (Product, Sales); O4 Product/wei with a key result of tuan's;
 * O5 owned by an outsider, no team.  A loop Loop1 ↔ Loop2 in the parents. */
static okr_team teams[] = {
	{ 1, "Company", 0 }, { 2, "Sales", 1 }, { 3, "Product", 1 }, { 4, "Loop1", 5 }, { 5, "Loop2", 4 },
};
static okr_person people[] = {
	{ 1, "lan", "Lan", ROLE_LEAD, "Company", false },
	{ 2, "sarah", "Sarah", ROLE_LEAD, "Sales", false },
	{ 3, "tuan", "Tuan", ROLE_MEMBER, "Product, Sales", false },
	{ 4, "wei", "Wei", ROLE_MEMBER, "Product", false },
	{ 5, "out", "Out", ROLE_MEMBER, "Loop1", false },
};
static okr_objective objs[] = {
	{ .id = 1, .title = "", .description = "", .owner = "lan", .team = "Company" },
	{ .id = 2, .title = "", .description = "", .owner = "sarah", .team = "Sales" },
	{ .id = 3, .title = "", .description = "", .owner = "tuan", .team = "" },
	{ .id = 4, .title = "", .description = "", .owner = "wei", .team = "Product" },
	{ .id = 5, .title = "", .description = "", .owner = "out", .team = "" },
};
static okr_kr krs[] = {
	{ .id = 1, .objective_id = 4, .title = "", .owner = "tuan", .unit = "" },
	{ .id = 2, .objective_id = 1, .title = "", .owner = "lan", .unit = "" },
};

static okr_snapshot world(void)
{
	okr_snapshot s = { .teams = teams, .nteams = 5, .people = people, .npeople = 5, .objs = objs, .nobjs = 5,
			   .krs = krs, .nkrs = 2 };
	return s;
}

static void test_list_has(void **state)
{
	(void)state;
	assert_true(okr_list_has("Product, Sales", "Sales"));
	assert_true(okr_list_has("Product, Sales", "Product"));
	assert_false(okr_list_has("Product, Sales", "Sale"));
	assert_false(okr_list_has("Presales", "Sales"));
	assert_false(okr_list_has("", "Sales"));
	assert_false(okr_list_has("Sales", ""));
}

static void test_mine(void **state)
{
	(void)state;
	okr_snapshot s = world();
	/* tuan owns O3 and a key result of O4 */
	bool want[] = { false, false, true, true, false };
	for (int i = 0; i < 5; i++)
		assert_int_equal(okr_objective_mine(&s, &objs[i], "tuan"), want[i]);
}

static void test_team_takes_in_sub_teams(void **state)
{
	(void)state;
	okr_snapshot s = world();
	/* Company: its own, its teams' (O2, O4) and its teams' members' (O3) */
	bool company[] = { true, true, true, true, false };
	/* Sales: O2, and O3 (tuan is in Sales); not the company's own O1 */
	bool sales[] = { false, true, true, false, false };
	for (int i = 0; i < 5; i++) {
		assert_int_equal(okr_objective_in_team(&s, "Company", &objs[i]), company[i]);
		assert_int_equal(okr_objective_in_team(&s, "Sales", &objs[i]), sales[i]);
		assert_false(okr_objective_in_team(&s, "Nope", &objs[i]));
	}
	/* a loop in the parent links ends the walk */
	assert_false(okr_objective_in_team(&s, "Company", &objs[4]));
	assert_true(okr_objective_in_team(&s, "Loop2", &objs[4]));
}

static void test_my_team(void **state)
{
	(void)state;
	okr_snapshot s = world();
	/* sarah (Sales): O2, O3 (tuan is in Sales); not O4 (Product) */
	bool sarah[] = { false, true, true, false, false };
	/* wei (Product): O4, and O3 (tuan is in Product too) */
	bool wei[] = { false, false, true, true, false };
	for (int i = 0; i < 5; i++) {
		assert_int_equal(okr_objective_my_team(&s, &objs[i], "sarah", "Sales"), sarah[i]);
		assert_int_equal(okr_objective_my_team(&s, &objs[i], "wei", "Product"), wei[i]);
	}
	/* no team at all: only what is mine */
	assert_true(okr_objective_my_team(&s, &objs[0], "lan", ""));
	assert_false(okr_objective_my_team(&s, &objs[1], "lan", ""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_has),
		cmocka_unit_test(test_mine),
		cmocka_unit_test(test_team_takes_in_sub_teams),
		cmocka_unit_test(test_my_team),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
