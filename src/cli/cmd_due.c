/*
 * cmd_due.c — okr due [--brief] [--json]: what I owe now — key results gone quiet,
 * KPI values overdue, grades to give — computed by core/due.c, which the TUI
 * uses for the count in its status bar.  Exit 0 whether or not anything is
 * due: it is a to-do list, not a check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/cli.h"
#include "okr/due.h"
#include "okr/i18n.h"
#include "okr/parse.h"

static const char *const kind_names[] = { "checkin", "kpi", "grade" };

/* "3 days", "5 hours", "just now": how long ago, in the largest whole unit. */
static void span(okr_time secs, char *buf, size_t len)
{
	if (secs >= 2 * 86400)
		snprintf(buf, len, ngettext("%lld day", "%lld days", (unsigned long)(secs / 86400)), (long long)(secs / 86400));
	else if (secs >= 86400)
		snprintf(buf, len, _("1 day"));
	else if (secs >= 2 * 3600)
		snprintf(buf, len, ngettext("%lld hour", "%lld hours", (unsigned long)(secs / 3600)), (long long)(secs / 3600));
	else
		snprintf(buf, len, _("less than 2 hours"));
}

/* The current cycle, and every other that has ended without being closed
 * (grades are owed there).  KPIs are asked once, with the first. */
int cli_due_gather(cli_ctx *ctx, int64_t me, cli_due *v)
{
	okr_snapshot first;
	okr_result r = okr_store_snapshot_owned(ctx->store, 0, me, &first);
	if (r)
		return cli_store_fail(ctx, r);
	okr_time now = okr_now();
	v->snaps = calloc(first.ncycles + 1, sizeof *v->snaps);
	if (!v->snaps) {
		okr_snapshot_free(&first);
		return cli_fail(OKR_E_FAIL, _("out of memory"));
	}
	v->snaps[v->n++] = first;
	for (size_t c = 0; c < first.ncycles; c++) {
		const okr_cycle *cy = &first.cycles[c];
		if (cy->id == first.cycle_id || cy->state == CYCLE_CLOSED || now < okr_day_start(cy->end) + 86400)
			continue;
		if ((r = okr_store_snapshot_owned(ctx->store, cy->id, me, &v->snaps[v->n])))
			return cli_store_fail(ctx, r);
		v->n++;
	}
	for (size_t i = 0; i < v->n; i++) {
		if (!v->snaps[i].cycle_id && !v->snaps[i].nkpis)
			continue;
		okr_grade *g = NULL;
		size_t ng = 0;
		if (v->snaps[i].cycle_id && (r = okr_store_grades(ctx->store, v->snaps[i].cycle_id, &g, &ng)))
			return cli_store_fail(ctx, r);
		int64_t *graded = calloc(ng + 1, sizeof *graded);
		for (size_t k = 0; graded && k < ng; k++)
			graded[k] = g[k].kr_id;
		okr_due_opts o = { .person_id = me, .now = now, .graded = graded, .ngraded = graded ? ng : 0,
				   .kpis = i == 0 };
		okr_due_list one;
		okr_due_compute(&v->snaps[i], &o, &one);
		okr_due_append(&v->due, &one);
		okr_due_free(&one);
		free(graded);
		okr_grades_free(g, ng);
	}
	return 0;
}

static void print_json(const cli_due *v, const char *login)
{
	json_out j;
	char id[24], day[11];
	json_begin(&j, stdout);
	json_obj(&j, NULL);
	json_str(&j, "person", login);
	json_int(&j, "count", (int64_t)v->due.n);
	json_arr(&j, "due");
	for (size_t i = 0; i < v->due.n; i++) {
		const okr_due_item *it = &v->due.items[i];
		json_obj(&j, NULL);
		json_str(&j, "kind", kind_names[it->kind]);
		json_str(&j, "id", okr_format_id(it->kind == DUE_KPI ? ID_KPI : ID_KR, it->id, id, sizeof id));
		json_str(&j, "title", it->title);
		if (it->since) {
			okr_format_date(okr_day_of(it->kind == DUE_GRADE ? it->since - 1 : it->since), day);
			json_str(&j, it->kind == DUE_GRADE ? "cycle_end" : "last", day);
		} else {
			json_null(&j, "last");
		}
		json_int(&j, "overdue_seconds", it->overdue);
		json_end_obj(&j);
	}
	json_end_arr(&j);
	json_end_obj(&j);
	json_finish(&j);
}

static void print_human(const cli_due *v, const char *login)
{
	if (!v->due.n) {
		printf(_("Nothing due for @%s — every key result, KPI and grade is up to date.\n"), login);
		return;
	}
	printf(_("Due for @%s: %zu\n"), login, v->due.n);
	static const char *const heads[] = { N_("Check-ins"), N_("KPI values"), N_("Grades to give") };
	int last = -1;
	for (size_t i = 0; i < v->due.n; i++) {
		const okr_due_item *it = &v->due.items[i];
		if ((int)it->kind != last) {
			printf("\n%s\n", _(heads[it->kind]));
			last = (int)it->kind;
		}
		char id[24], day[11], how[48];
		printf("  %-6s ", okr_format_id(it->kind == DUE_KPI ? ID_KPI : ID_KR, it->id, id, sizeof id));
		cli_put(stdout, it->title, 44);
		span(it->overdue, how, sizeof how);
		if (it->since)   /* a grade's "since" is the first moment after the cycle's last day */
			okr_format_date(okr_day_of(it->kind == DUE_GRADE ? it->since - 1 : it->since), day);
		switch (it->kind) {
		case DUE_CHECKIN:
		case DUE_KPI:
			if (it->since)
				printf(_("  last %s, overdue by %s\n"), day, how);
			else if (it->kind == DUE_KPI)
				printf(_("  no value yet\n"));
			else
				printf(_("  never checked in, overdue by %s\n"), how);
			break;
		case DUE_GRADE:
			printf(_("  cycle ended %s, %s ago\n"), day, how);
			break;
		}
	}
	printf(_("\nCheck in: okr checkin K.. VALUE   KPI: okr kpi push NAME VALUE   grade: okr grade K.. SCORE\n"));
}

void cli_due_free(cli_due *v)
{
	okr_due_free(&v->due);
	for (size_t i = 0; i < v->n; i++)
		okr_snapshot_free(&v->snaps[i]);
	free(v->snaps);
	memset(v, 0, sizeof *v);
}

/* One line for a login shell, or nothing at all when nothing is due. */
static void print_brief(const cli_due *v)
{
	if (!v->due.n)
		return;
	char what[256];
	okr_due_summary(&v->due, what, sizeof what);
	printf(_("okr: you owe %s this week — `okr due` lists them\n"), what);
}

int cli_due_team(cli_ctx *ctx, const char *team, bool json);   /* cmd_due_team.c */

static const char due_usage[] = "[--brief] [--team T] [--json]";

/* The options, checked the same way whether or not the database opens. */
static int due_args(int argc, char **argv, bool *json, bool *brief, const char **team)
{
	static const cli_opt opts[] = { { "json", 0, false }, { "brief", 0, false }, { "team", 't', true }, { 0 } };
	cli_args a;
	int rc = cli_parse("due", due_usage, opts, argc, argv, 0, 0, &a);
	if (rc)
		return rc;
	*json = cli_opt_get(opts, &a, "json") != NULL;
	*brief = cli_opt_get(opts, &a, "brief") != NULL;
	*team = cli_opt_get(opts, &a, "team");
	if (*brief && (*json || *team))
		return cli_fail(OKR_E_USAGE, _("--brief is one line for a login shell: use it without --json and "
					       "--team — usage: okr due %s"), due_usage);
	return 0;
}

/* `okr due --brief` sits in a shell's login file, where a database that is
 * missing (a laptop away from the share, an account that never ran okr
 * init) or unreadable must not greet every login with an error or fail a
 * `set -e` profile: it says nothing and exits 0.  A bad option is still a
 * usage error, so a typo in the login file is seen once. */
int cmd_due_without_db(cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	bool json, brief;
	const char *team;
	int rc = due_args(argc, argv, &json, &brief, &team);
	if (rc)
		return rc;
	return brief ? 0 : -1;
}

int cmd_due(cli_ctx *ctx, int argc, char **argv)
{
	bool json, brief;
	const char *team;
	int rc = due_args(argc, argv, &json, &brief, &team);
	if (rc)
		return rc;
	if (team)
		return cli_due_team(ctx, team, json);
	const okr_person *me = okr_store_me(ctx->store);
	cli_due v = { 0 };
	rc = cli_due_gather(ctx, me->id, &v);
	if (!rc) {
		if (brief)
			print_brief(&v);
		else if (json)
			print_json(&v, me->login);
		else
			print_human(&v, me->login);
	}
	cli_due_free(&v);
	return rc;
}
