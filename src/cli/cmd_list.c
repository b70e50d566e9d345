/*
 * cmd_list.c — okr list: the objectives of a cycle as a tree with their key
 * results, or the people, teams or KPIs; human text or --json.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/assess.h"
#include "okr/cli.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/scope.h"
#include "okr/text.h"

static const cli_opt opts[] = {
	{ "cycle", 'c', true }, { "team", 't', true }, { "mine", 0, false }, { "json", 0, false },
	{ "people", 0, false }, { "teams", 0, false }, { "kpis", 0, false }, { "archived", 0, false },
	{ "unapproved", 0, false }, { 0 }
};

enum { TITLE_COLS = 46 };

typedef struct {
	cli_ctx *ctx;
	okr_snapshot snap;
	okr_assessments as;
	const char *team, *me;
	bool mine, json, unapproved;
} list_view;

/* --unapproved: a lead's list of key results set by their owner alone,
 * which earn no points until someone else approves them. */
static bool kr_shown(const list_view *v, const okr_kr *k)
{
	return (!v->mine || strcmp(k->owner, v->me) == 0) && (!v->unapproved || k->self_set);
}

/* Filters: --mine keeps objectives I own or with a key result of mine;
 * --team keeps objectives of that team, a team below it, or owned by one of
 * their members (scope.h: the TUI's filter and the review say the same). */
static bool obj_shown(const list_view *v, const okr_objective *o)
{
	if (v->team && !okr_objective_in_team(&v->snap, v->team, o))
		return false;
	if (!v->unapproved)
		return !v->mine || okr_objective_mine(&v->snap, o, v->me);
	for (size_t i = 0; i < v->snap.nkrs; i++)
		if (v->snap.krs[i].objective_id == o->id && kr_shown(v, &v->snap.krs[i]))
			return true;
	return false;
}

static void human_kr(const okr_kr *k, const okr_assessment *a, int depth)
{
	char id[24], val[128];
	printf("  %*s", depth * 2, "");
	cli_put(stdout, okr_format_id(ID_KR, k->id, id, sizeof id), 6);
	cli_put(stdout, k->title, TITLE_COLS - depth * 2 - 2);
	printf(" ");
	cli_bar(stdout, a->progress, 10);
	printf(" %4.0f%%  ", a->raw * 100);
	char *st = text_pad(_(okr_status_name(a->status)), okr_i18n_status_cols(), TEXT_ALIGN_LEFT);
	printf("%s ", st);
	free(st);
	printf("%s", okr_kr_value_text(k, val, sizeof val));
	if (k->unit[0] && k->type != KR_MILESTONE) {
		putchar(' ');
		cli_put(stdout, k->unit, -1);
	}
	if (k->confidence >= 0)
		printf(_("  conf %d"), k->confidence);
	printf("  @");
	cli_put(stdout, k->owner, -1);
	putchar('\n');
}

static void human_objectives(list_view *v, const size_t *order, const int *depth)
{
	const okr_cycle *cy = okr_snapshot_cycle(&v->snap);
	if (cy) {
		char s[11], e[11];
		okr_format_date(cy->start, s);
		okr_format_date(cy->end, e);
		cli_put(stdout, cy->name, -1);
		printf("  %s → %s\n\n", s, e);
	}
	size_t shown = 0;
	for (size_t i = 0; i < v->snap.nobjs; i++) {
		const okr_objective *o = &v->snap.objs[order[i]];
		const okr_assessment *a = &v->as.objs[order[i]];
		if (!obj_shown(v, o))
			continue;
		shown++;
		char id[24];
		printf("%*s", depth[i] * 2, "");
		cli_put(stdout, okr_format_id(ID_OBJECTIVE, o->id, id, sizeof id), 6);
		cli_put(stdout, o->title, TITLE_COLS - depth[i] * 2);
		printf(" ");
		if (a->status == STATUS_EMPTY) {
			/* No bar and no 0 %: there is nothing to measure yet. */
			char *st = text_pad(_(okr_status_name(a->status)), 28, TEXT_ALIGN_LEFT);
			printf("%s", st);
			free(st);
		} else {
			cli_bar(stdout, a->progress, 10);
			printf(" %4.0f%%  ", a->progress * 100);
			char *st = text_pad(_(okr_status_name(a->status)), okr_i18n_status_cols(), TEXT_ALIGN_LEFT);
			printf("%s", st);
			free(st);
		}
		if (o->owner[0]) {
			printf(" @");
			cli_put(stdout, o->owner, -1);
		}
		if (o->team[0]) {
			printf("  [");
			cli_put(stdout, o->team, -1);
			printf("]");
		}
		if (o->kind == OBJ_ASPIRATIONAL)
			printf(_("  aspirational"));
		putchar('\n');
		for (size_t k = 0; k < v->snap.nkrs; k++)
			if (v->snap.krs[k].objective_id == o->id && kr_shown(v, &v->snap.krs[k]))
				human_kr(&v->snap.krs[k], &v->as.krs[k], depth[i]);
	}
	if (!shown)
		printf(_("No objectives here yet — add one with `okr objective add \"TITLE\"`.\n"));
}

/* One key result as a JSON object, under key (NULL inside an array). */
void cli_json_kr(json_out *j, const char *key, const okr_kr *k, const okr_assessment *a);
void cli_json_kr(json_out *j, const char *key, const okr_kr *k, const okr_assessment *a)
{
	char id[24], day[11];
	json_obj(j, key);
	json_str(j, "id", okr_format_id(ID_KR, k->id, id, sizeof id));
	json_str(j, "title", k->title);
	json_str(j, "owner", k->owner);
	json_str(j, "type", okr_wire(&okr_kr_types, k->type));
	json_bool(j, "approved", !k->self_set);
	if (k->type == KR_THRESHOLD)
		json_str(j, "direction", okr_wire(&okr_directions, k->dir));
	if (k->type == KR_METRIC)
		json_num(j, "start", k->start);
	json_num(j, "target", k->target);
	json_str(j, "unit", k->unit);
	json_num(j, "weight", k->weight);
	okr_format_date(a->due, day);
	json_str(j, "due", day);
	json_num_or_null(j, "current", k->current, k->has_value);
	json_num(j, "progress", a->progress);
	json_num(j, "progress_raw", a->raw);
	json_num(j, "expected", a->expected);
	json_str(j, "status", okr_wire(&okr_statuses, a->status));
	json_confidence(j, "confidence", k->confidence);
	json_time(j, "last_checkin", k->last_at);
	if (k->kpi_id)
		json_str(j, "kpi", okr_format_id(ID_KPI, k->kpi_id, id, sizeof id));
	json_int(j, "version", k->version);
	json_end_obj(j);
}

static void json_objectives(list_view *v, const size_t *order)
{
	json_out j;
	json_begin(&j, stdout);
	json_obj(&j, NULL);
	const okr_cycle *cy = okr_snapshot_cycle(&v->snap);
	if (cy) {
		json_obj(&j, "cycle");
		cli_json_cycle(&j, cy);
		json_end_obj(&j);
	}
	json_arr(&j, "objectives");
	for (size_t i = 0; i < v->snap.nobjs; i++) {
		const okr_objective *o = &v->snap.objs[order[i]];
		const okr_assessment *a = &v->as.objs[order[i]];
		if (!obj_shown(v, o))
			continue;
		char id[24];
		json_obj(&j, NULL);
		cli_json_objective_head(&j, o);
		if (o->parent_id)
			json_str(&j, "parent", okr_format_id(ID_OBJECTIVE, o->parent_id, id, sizeof id));
		else
			json_null(&j, "parent");
		json_str(&j, "kind", okr_wire(&okr_obj_kinds, o->kind));
		json_num(&j, "weight", o->weight);
		json_num(&j, "progress", a->progress);
		json_num(&j, "expected", a->expected);
		json_str(&j, "status", okr_wire(&okr_statuses, a->status));
		json_int(&j, "version", o->version);
		json_arr(&j, "key_results");
		for (size_t k = 0; k < v->snap.nkrs; k++)
			if (v->snap.krs[k].objective_id == o->id && kr_shown(v, &v->snap.krs[k]))
				cli_json_kr(&j, NULL, &v->snap.krs[k], &v->as.krs[k]);
		json_end_arr(&j);
		json_end_obj(&j);
	}
	json_end_arr(&j);
	json_end_obj(&j);
	json_finish(&j);
}

static void list_people(list_view *v)
{
	if (v->json) {
		json_out j;
		json_begin(&j, stdout);
		json_arr(&j, NULL);
		for (size_t i = 0; i < v->snap.npeople; i++) {
			const okr_person *p = &v->snap.people[i];
			json_obj(&j, NULL);
			json_str(&j, "login", p->login);
			json_str(&j, "name", p->name);
			json_str(&j, "role", okr_wire(&okr_roles, p->role));
			json_str_list(&j, "teams", p->teams);
			json_end_obj(&j);
		}
		json_end_arr(&j);
		json_finish(&j);
		return;
	}
	for (size_t i = 0; i < v->snap.npeople; i++) {
		const okr_person *p = &v->snap.people[i];
		cli_put(stdout, p->login, 14);
		cli_put(stdout, p->name, 28);
		fputs(" ", stdout);
		cli_cell(stdout, okr_label(&okr_roles, p->role), 7, TEXT_ALIGN_LEFT);
		fputs(" ", stdout);
		cli_put(stdout, p->teams, -1);
		putchar('\n');
	}
}

static void list_teams(list_view *v)
{
	for (size_t i = 0; i < v->snap.nteams; i++) {
		cli_put(stdout, v->snap.teams[i].name, 24);
		for (size_t p = 0; p < v->snap.nteams; p++)
			if (v->snap.teams[p].id == v->snap.teams[i].parent_id) {
				printf(_(" part of "));
				cli_put(stdout, v->snap.teams[p].name, -1);
			}
		putchar('\n');
	}
}

static void list_kpis(list_view *v)
{
	json_out j;
	if (v->json) {
		json_begin(&j, stdout);
		json_arr(&j, NULL);
	}
	for (size_t i = 0; i < v->snap.nkpis; i++) {
		const okr_kpi *k = &v->snap.kpis[i];
		char id[24], tgt[48], cur[48];
		okr_format_id(ID_KPI, k->id, id, sizeof id);
		okr_format_value(k->target, 0, tgt, sizeof tgt);
		if (v->json) {
			json_obj(&j, NULL);
			json_str(&j, "id", id);
			json_str(&j, "name", k->name);
			json_str(&j, "unit", k->unit);
			json_num(&j, "target", k->target);
			json_str(&j, "direction", okr_wire(&okr_directions, k->dir));
			json_str(&j, "timeframe", k->timeframe);
			json_str(&j, "source", k->source);
			json_str(&j, "frequency", okr_wire(&okr_frequencies, k->every));
			json_str(&j, "owner", k->owner);
			json_num_or_null(&j, "latest", k->latest, k->has_value);
			json_end_obj(&j);
			continue;
		}
		bool meets = k->has_value && (k->dir == DIR_AT_MOST ? k->latest <= k->target : k->latest >= k->target);
		if (k->has_value)
			okr_format_value(k->latest, 0, cur, sizeof cur);
		else
			snprintf(cur, sizeof cur, "—");
		printf("%-6s ", id);
		cli_put(stdout, k->name, 40);
		printf(" %10s %s %-8s ", cur, okr_direction_sign(k->dir), tgt);
		cli_put(stdout, k->unit, 8);
		fputs(" ", stdout);
		cli_cell(stdout, _(okr_frequency_name(k->every)), 8, TEXT_ALIGN_LEFT);
		fputs(" ", stdout);
		cli_cell(stdout, k->has_value ? (meets ? _("meets") : _("misses")) : "—", 7, TEXT_ALIGN_LEFT);
		fputs(" ", stdout);
		cli_put(stdout, k->source, -1);
		putchar('\n');
	}
	if (v->json) {
		json_end_arr(&j);
		json_finish(&j);
	}
}

int cmd_list(cli_ctx *ctx, int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse("list", "[--cycle C] [--team T] [--mine] [--unapproved] [--archived] [--people|--teams|--kpis] "
			   "[--json]", opts, argc, argv, 0, 0, &a);
	if (rc)
		return rc;
	list_view v = { .ctx = ctx, .team = cli_opt_get(opts, &a, "team"), .me = ctx->login,
			.mine = cli_opt_get(opts, &a, "mine") != NULL, .json = cli_opt_get(opts, &a, "json") != NULL,
			.unapproved = cli_opt_get(opts, &a, "unapproved") != NULL };
	int64_t cycle_id = 0;
	const char *cname = cli_opt_get(opts, &a, "cycle");
	if (cname) {
		okr_cycle c;
		if ((rc = cli_cycle(ctx, cname, &c)))
			return rc;
		cycle_id = c.id;
		okr_cycle_free(&c);
	}
	okr_result r = okr_store_snapshot(ctx->store, cycle_id, cli_opt_get(opts, &a, "archived") != NULL, &v.snap);
	if (r)
		return cli_store_fail(ctx, r);
	if (v.team) {
		const char *picked = cli_team_pick(&v.snap, v.team);
		if (picked)
			v.team = picked;   /* the snapshot's own spelling, compared exactly from here */
		else {
			okr_snapshot_free(&v.snap);
			return cli_fail(OKR_E_NOTFOUND, _("no team '%s' — `okr list --teams` shows them"), v.team);
		}
	}
	if (cli_opt_get(opts, &a, "people")) {
		list_people(&v);
	} else if (cli_opt_get(opts, &a, "teams")) {
		list_teams(&v);
	} else if (cli_opt_get(opts, &a, "kpis")) {
		list_kpis(&v);
	} else {
		okr_assess(&v.snap, ctx->cfg.rollup, &ctx->cfg.status, okr_now(), &v.as);
		size_t *order = calloc(v.snap.nobjs + 1, sizeof *order);
		int *depth = calloc(v.snap.nobjs + 1, sizeof *depth);
		okr_tree_order(&v.snap, order, depth);
		if (v.json)
			json_objectives(&v, order);
		else if (!v.snap.ncycles)
			printf(_("No cycle yet — add one with `okr cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31`.\n"));
		else
			human_objectives(&v, order, depth);
		free(order);
		free(depth);
		okr_assessments_free(&v.as);
	}
	okr_snapshot_free(&v.snap);
	return 0;
}
