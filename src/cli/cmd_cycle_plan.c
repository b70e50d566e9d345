/*
 * cmd_cycle_plan.c — okr cycle plan NEXT --from CURRENT [--only ID,...]
 * [--dry-run] [--json]: carry objectives and key results into the next
 * cycle (SPEC §12).  core/plan.c chooses what is copied and from what value
 * each key result starts; the store copies it in one transaction.  The dry
 * run prints the same lines with "new" for the IDs not yet made.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/assess.h"
#include "okr/cli.h"
#include "okr/text.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/plan.h"
#include "okr/util.h"

static const char usage[] = "plan NEXT --from CURRENT [--only ID,...] [--dry-run] [--json]";

/* "O3,K12, O4" → picks; an ID that is not an objective or key result is a
 * usage error naming it. */
static int parse_only(const char *s, okr_plan_pick **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	char *copy = okr_xstrdup(s), *save = NULL;
	for (char *t = strtok_r(copy, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
		okr_plan_pick p;
		p.kind = okr_parse_id(t, &p.id);
		if (p.kind != ID_OBJECTIVE && p.kind != ID_KR) {
			int rc = cli_fail(OKR_E_USAGE, _("--only takes objective and key result IDs such as O3,K12 — "
							 "'%s' is neither"), t);
			free(copy);
			free(*out);
			*out = NULL;
			return rc;
		}
		okr_xgrow(out, &cap, *n + 1, sizeof **out);
		(*out)[(*n)++] = p;
	}
	free(copy);
	if (!*n)
		return cli_fail(OKR_E_USAGE, _("--only needs at least one ID, e.g. --only O3,K12"));
	return 0;
}

static const char *new_id(okr_id_kind kind, const int64_t *ids, size_t i, char *buf, size_t len)
{
	if (!ids)
		return _("new");
	return okr_format_id(kind, ids[i], buf, len);
}

/* The parent of a copy: its new ID, or in a dry run the copy of which one. */
static void put_parent(const okr_snapshot *from, const okr_plan *plan, size_t parent, const int64_t *objs)
{
	char id[24];
	if (objs)
		printf(_("  under %s"), okr_format_id(ID_OBJECTIVE, objs[parent], id, sizeof id));
	else
		printf(_("  under the copy of %s"),
		       okr_format_id(ID_OBJECTIVE, from->objs[plan->objs[parent].obj].id, id, sizeof id));
}

static void kr_values(const okr_kr *k, char *buf, size_t len)
{
	char a[48], b[48];
	if (k->type == KR_MILESTONE)
		snprintf(buf, len, "%s", okr_label(&okr_kr_types, KR_MILESTONE));
	else if (k->type == KR_THRESHOLD)
		snprintf(buf, len, "%s %s", okr_direction_sign(k->dir),
			 okr_format_value(k->target, k->decimals, a, sizeof a));
	else
		snprintf(buf, len, "%s → %s", okr_format_value(okr_plan_start(k), k->decimals, a, sizeof a),
			 okr_format_value(k->target, k->decimals, b, sizeof b));
}

static void print_human(const okr_snapshot *from, const okr_plan *plan, const char *next, const int64_t *objs,
			const int64_t *krs)
{
	char id[24], nid[24], val[128];
	const okr_cycle *cy = okr_snapshot_cycle(from);
	printf(objs ? _("Planned %s from ") : _("Dry run: %s would get, from "), next);
	cli_put(stdout, cy ? cy->name : "", -1);
	printf(ngettext(": %zu objective", ": %zu objectives", plan->nobjs), plan->nobjs);
	printf(ngettext(", %zu key result\n", ", %zu key results\n", plan->nkrs), plan->nkrs);
	size_t nk = 0;
	for (size_t i = 0; i < plan->nobjs; i++) {
		const okr_plan_obj *po = &plan->objs[i];
		const okr_objective *o = &from->objs[po->obj];
		/* The new ID may be the translated word "new": padded by columns. */
		printf("  %-5s → ", okr_format_id(ID_OBJECTIVE, o->id, id, sizeof id));
		cli_cell(stdout, new_id(ID_OBJECTIVE, objs, i, nid, sizeof nid), 5, TEXT_ALIGN_LEFT);
		putchar(' ');
		cli_put(stdout, o->title, 44);
		if (o->owner[0]) {
			printf(" @");
			cli_put(stdout, o->owner, -1);
		}
		if (po->parent >= 0)
			put_parent(from, plan, (size_t)po->parent, objs);
		else if (po->parent_dropped)
			printf(_("  (its parent is not copied: top level)"));
		putchar('\n');
		for (size_t k = 0; k < po->nkrs; k++, nk++) {
			const okr_kr *kr = &from->krs[po->krs[k]];
			printf("      %-5s → ", okr_format_id(ID_KR, kr->id, id, sizeof id));
			cli_cell(stdout, new_id(ID_KR, krs, nk, nid, sizeof nid), 5, TEXT_ALIGN_LEFT);
			putchar(' ');
			cli_put(stdout, kr->title, 40);
			kr_values(kr, val, sizeof val);
			printf("  %s", val);
			if (kr->unit[0] && kr->type != KR_MILESTONE) {
				putchar(' ');
				cli_put(stdout, kr->unit, -1);
			}
			putchar('\n');
		}
	}
	if (!objs)
		printf(_("Nothing was made.  Run it again without --dry-run to make these.\n"));
}

static void print_json(const okr_snapshot *from, const okr_plan *plan, const char *next, const int64_t *objs,
		       const int64_t *krs)
{
	json_out j;
	char id[24];
	json_begin(&j, stdout);
	json_obj(&j, NULL);
	json_str(&j, "cycle", next);
	json_bool(&j, "dry_run", objs == NULL);
	json_arr(&j, "objectives");
	size_t nk = 0;
	for (size_t i = 0; i < plan->nobjs; i++) {
		const okr_plan_obj *po = &plan->objs[i];
		json_obj(&j, NULL);
		json_str(&j, "from", okr_format_id(ID_OBJECTIVE, from->objs[po->obj].id, id, sizeof id));
		if (objs)
			json_str(&j, "id", okr_format_id(ID_OBJECTIVE, objs[i], id, sizeof id));
		else
			json_null(&j, "id");
		json_str(&j, "title", from->objs[po->obj].title);
		json_arr(&j, "key_results");
		for (size_t k = 0; k < po->nkrs; k++, nk++) {
			const okr_kr *kr = &from->krs[po->krs[k]];
			json_obj(&j, NULL);
			json_str(&j, "from", okr_format_id(ID_KR, kr->id, id, sizeof id));
			if (krs)
				json_str(&j, "id", okr_format_id(ID_KR, krs[nk], id, sizeof id));
			else
				json_null(&j, "id");
			json_str(&j, "title", kr->title);
			if (kr->type == KR_METRIC)
				json_num(&j, "start", okr_plan_start(kr));
			json_end_obj(&j);
		}
		json_end_arr(&j);
		json_end_obj(&j);
	}
	json_end_arr(&j);
	json_end_obj(&j);
	json_finish(&j);
}

static int plan_run(cli_ctx *ctx, const okr_cycle *next, const okr_cycle *cur, const okr_plan_pick *picks,
		    size_t npicks, bool dry, bool json)
{
	okr_snapshot from;
	okr_result r = okr_store_snapshot(ctx->store, cur->id, false, &from);
	if (r)
		return cli_store_fail(ctx, r);
	okr_plan plan;
	long bad = okr_plan_make(&from, picks, npicks, &plan);
	int rc = 0;
	char id[24];
	if (bad >= 0) {
		rc = cli_fail(OKR_E_NOTFOUND, _("%s is not an open objective or key result of %s — `okr list --cycle %s` "
						"shows them"), okr_format_id(picks[bad].kind, picks[bad].id, id, sizeof id),
			      cur->name, cur->name);
	} else if (!plan.nobjs) {
		rc = cli_fail(OKR_E_NOTFOUND, _("%s has no open objectives to copy"), cur->name);
	} else {
		int64_t *objs = dry ? NULL : okr_xcalloc(plan.nobjs, sizeof *objs);
		int64_t *krs = dry ? NULL : okr_xcalloc(plan.nkrs ? plan.nkrs : 1, sizeof *krs);
		if (!dry && (r = okr_store_cycle_plan(ctx->store, &from, &plan, next->id, objs, krs)))
			rc = cli_store_fail(ctx, r);
		else if (json)
			print_json(&from, &plan, next->name, objs, krs);
		else
			print_human(&from, &plan, next->name, objs, krs);
		free(objs);
		free(krs);
	}
	okr_plan_free(&plan);
	okr_snapshot_free(&from);
	return rc;
}

int cli_cycle_plan(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "from", 0, true }, { "only", 0, true }, { "dry-run", 'n', false },
					{ "json", 0, false }, { 0 } };
	cli_args a;
	int rc = cli_parse("cycle", usage, opts, argc, argv, 1, 1, &a);
	if (rc)
		return rc;
	const char *from = cli_opt_get(opts, &a, "from"), *only = cli_opt_get(opts, &a, "only");
	if (!from)
		return cli_fail(OKR_E_USAGE, _("say which cycle to copy from — usage: okr cycle %s"), usage);
	okr_plan_pick *picks = NULL;
	size_t npicks = 0;
	if (only && (rc = parse_only(only, &picks, &npicks)))
		return rc;
	okr_cycle next = { 0 }, cur = { 0 };
	if (!(rc = cli_cycle(ctx, a.pos[0], &next)) && !(rc = cli_cycle(ctx, from, &cur))) {
		if (next.id == cur.id)
			rc = cli_fail(OKR_E_USAGE, _("NEXT and --from are both %s — plan into another cycle "
						     "(`okr cycle add` makes one)"), cur.name);
		else
			rc = plan_run(ctx, &next, &cur, picks, npicks, cli_opt_get(opts, &a, "dry-run") != NULL,
				      cli_opt_get(opts, &a, "json") != NULL);
	}
	okr_cycle_free(&next);
	okr_cycle_free(&cur);
	free(picks);
	return rc;
}
