/*
 * write_plan.c — okr cycle plan: copy a plan (core/plan.c) into the next
 * cycle as one transaction.  Each copy goes through the public add
 * functions, which join this transaction, so a copy is refused for exactly
 * the reasons a new objective or key result would be, and a refusal half way
 * leaves nothing behind.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/plan.h"
#include "okr/util.h"
#include "store_int.h"

struct plan_ctx {
	const okr_snapshot *from;
	const okr_plan *plan;
	int64_t to;
	int64_t *objs, *krs;
};

static okr_result copy_kr(okr_store *s, const okr_kr *k, int64_t obj, int64_t *id)
{
	okr_kr_in in = okr_kr_in_none();
	in.objective_id = obj;
	in.title = k->title;
	in.owner = k->owner[0] ? k->owner : NULL;
	in.unit = k->unit;
	in.type = (int)k->type;
	in.dir = k->type == KR_THRESHOLD ? (int)k->dir : -1;
	in.start = k->type == KR_METRIC ? okr_plan_start(k) : NAN;
	in.target = k->type == KR_MILESTONE ? NAN : k->target;
	in.weight = k->weight;
	in.decimals = k->decimals;
	in.due = 0;
	in.every = (int)k->every;
	okr_result r = okr_store_kr_add(s, &in, id);
	if (!r && k->kpi_id)
		r = okr_store_kr_link_kpi(s, *id, k->kpi_id);
	return r;
}

static okr_result plan_txn(okr_store *s, void *vctx)
{
	struct plan_ctx *c = vctx;
	if (store_cycle_closed(s, c->to))
		return store_fail(s, OKR_E_DENIED, _("the cycle to plan is closed and read-only — plan into a new one "
						     "(`okr cycle add`)"));
	int64_t *made = okr_xcalloc(c->plan->nobjs ? c->plan->nobjs : 1, sizeof *made);
	size_t nk = 0;
	okr_result r = OKR_OK;
	for (size_t i = 0; !r && i < c->plan->nobjs; i++) {
		const okr_plan_obj *po = &c->plan->objs[i];
		const okr_objective *o = &c->from->objs[po->obj];
		okr_objective_in in = okr_objective_in_none();
		in.title = o->title;
		in.description = o->description;
		in.owner = o->owner;
		in.team = o->team;
		in.cycle_id = c->to;
		in.parent_id = po->parent >= 0 ? made[po->parent] : 0;
		in.kind = (int)o->kind;
		in.weight = o->weight;
		r = okr_store_objective_add(s, &in, &made[i]);
		/* The rule is objective add's; the plan names the objective the
		 * member must leave out (CLI --only, Space in the plan view). */
		if (r == OKR_E_DENIED)
			r = store_fail(s, OKR_E_DENIED, _("O%lld is @%s's: only a lead or admin copies someone else's "
							  "objective — leave it out of the plan"),
				       (long long)o->id, o->owner);
		for (size_t k = 0; !r && k < po->nkrs; k++, nk++) {
			int64_t id = 0;
			r = copy_kr(s, &c->from->krs[po->krs[k]], made[i], &id);
			if (c->krs)
				c->krs[nk] = id;
		}
	}
	if (!r && c->objs)
		memcpy(c->objs, made, c->plan->nobjs * sizeof *made);
	free(made);
	return r;
}

okr_result okr_store_cycle_plan(okr_store *s, const okr_snapshot *from, const okr_plan *plan,
				int64_t to_cycle, int64_t *new_objs, int64_t *new_krs)
{
	if (to_cycle == from->cycle_id)
		return store_fail(s, OKR_E_USAGE, _("plan into another cycle than the one copied from"));
	struct plan_ctx c = { from, plan, to_cycle, new_objs, new_krs };
	return store_write(s, plan_txn, &c);
}
