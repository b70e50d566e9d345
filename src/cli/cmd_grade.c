/*
 * cmd_grade.c — okr grade KR SCORE [-m NOTE], and okr cycle close C
 * [--grade KR=SCORE[:NOTE]]... (called from cmd_cycle.c).
 *
 * Closing writes every missing grade (the key result's progress, by
 * okr_default_grade, unless one is given) and marks the cycle closed in one
 * transaction: a cycle is never left half graded or closed with holes.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/assess.h"
#include "okr/cli.h"
#include "okr/grade.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/progress.h"
#include "okr/text.h"
#include "okr/util.h"

static int bad_score(const char *s)
{
	char *shown = text_fit(s, 40, NULL);
	int r = cli_fail(OKR_E_USAGE, _("'%s' is not a grade — give a number from 0.0 to 1.0 with at most two "
					"decimals, such as 0.7 or 1"), shown);
	free(shown);
	return r;
}

int cmd_grade(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "message", 'm', true }, { 0 } };
	static const char usage[] = "KR SCORE [-m NOTE]   (SCORE from 0.0 to 1.0)";
	cli_args a;
	int rc = cli_parse("grade", usage, opts, argc, argv, 2, 2, &a);
	if (rc)
		return rc;
	int64_t id;
	double score;
	if ((rc = cli_id(a.pos[0], ID_KR, NULL, &id)))
		return rc;
	if (!okr_grade_parse(a.pos[1], &score))
		return bad_score(a.pos[1]);
	okr_result r = okr_store_grade_set(ctx->store, id, score, cli_opt_get(opts, &a, "message"));
	cli_made(ctx, ID_KR, id);
	if (r)
		return cli_store_fail(ctx, r);
	printf(_("K%lld graded %.2f\n"), (long long)id, score);
	return 0;
}

/* ---- okr cycle close ---- */

typedef struct {
	int64_t kr;
	double score;
	const char *note;      /* points into argv: NULL when none */
	char *owned;           /* the copy that note points into */
} override;

enum { GRADE_DEFAULT, GRADE_GIVEN, GRADE_EARLIER };

typedef struct {
	cli_ctx *ctx;
	int64_t cycle;
	override *ov;
	size_t nov;
	int *how;              /* per snapshot KR, filled in the transaction */
	size_t nkr;
	size_t given, defaulted;
	int64_t missing;       /* an override's KR that is not in the cycle */
	bool force;            /* --force: close before the cycle's last day */
} close_job;

/* "K3=0.8" or "K3=0.8:why" */
static int parse_override(const char *s, override *o)
{
	const char *eq = strchr(s, '=');
	char idbuf[32];
	memset(o, 0, sizeof *o);
	if (!eq || (size_t)(eq - s) >= sizeof idbuf)
		return cli_fail(OKR_E_USAGE, _("--grade wants KR=SCORE[:NOTE], e.g. --grade K3=0.8:\"shipped late\""));
	memcpy(idbuf, s, (size_t)(eq - s));
	idbuf[eq - s] = '\0';
	int rc = cli_id(idbuf, ID_KR, NULL, &o->kr);
	if (rc)
		return rc;
	o->owned = okr_xstrdup(eq + 1);
	char *colon = strchr(o->owned, ':');
	if (colon) {
		*colon = '\0';
		o->note = colon + 1;
	}
	if (!okr_grade_parse(o->owned, &o->score))
		return bad_score(o->owned);
	return 0;
}

static okr_result close_txn(okr_store *s, void *vctx)
{
	close_job *j = vctx;
	okr_snapshot snap;
	okr_result r = okr_store_snapshot(s, j->cycle, false, &snap);
	if (r)
		return r;
	okr_grade *g;
	size_t ng;
	if ((r = okr_store_grades(s, j->cycle, &g, &ng))) {
		okr_snapshot_free(&snap);
		return r;
	}
	/* An override for a key result of another cycle is a mistake, not a no-op. */
	for (size_t i = 0; i < j->nov && !r; i++) {
		bool found = false;
		for (size_t k = 0; k < snap.nkrs; k++)
			found |= snap.krs[k].id == j->ov[i].kr &&
				 okr_snapshot_objective_index(&snap, snap.krs[k].objective_id) >= 0;
		if (!found) {
			j->missing = j->ov[i].kr;
			r = OKR_E_NOTFOUND;
		}
	}
	free(j->how);
	j->how = okr_xcalloc(snap.nkrs ? snap.nkrs : 1, sizeof *j->how);
	j->nkr = snap.nkrs;
	j->given = j->defaulted = 0;
	for (size_t k = 0; k < snap.nkrs && !r; k++) {
		const okr_kr *kr = &snap.krs[k];
		if (okr_snapshot_objective_index(&snap, kr->objective_id) < 0)
			continue;
		const override *o = NULL;
		for (size_t i = 0; i < j->nov; i++)
			if (j->ov[i].kr == kr->id)
				o = &j->ov[i];
		bool graded = false;
		for (size_t i = 0; i < ng; i++)
			graded |= g[i].kr_id == kr->id;
		if (o) {
			r = okr_store_grade_set(s, kr->id, o->score, o->note);
			j->how[k] = GRADE_GIVEN;
			j->given++;
		} else if (!graded) {
			r = okr_store_grade_set(s, kr->id, okr_default_grade(kr), "");
			j->how[k] = GRADE_DEFAULT;
			j->defaulted++;
		} else {
			j->how[k] = GRADE_EARLIER;
		}
	}
	if (!r)
		r = okr_store_cycle_close(s, j->cycle, j->force);
	okr_grades_free(g, ng);
	okr_snapshot_free(&snap);
	return r;
}

static void summary(close_job *j, const okr_cycle *cy)
{
	okr_snapshot snap;
	okr_grade *g;
	size_t ng;
	if (okr_store_snapshot(j->ctx->store, j->cycle, false, &snap))
		return;
	if (okr_store_grades(j->ctx->store, j->cycle, &g, &ng)) {
		okr_snapshot_free(&snap);
		return;
	}
	double *kg = okr_grade_scores(&snap, g, ng);
	double *og = okr_xcalloc(snap.nobjs ? snap.nobjs : 1, sizeof *og);
	okr_grade_objectives(&snap, kg, true, og);
	char s[11], e[11], id[24];
	okr_format_date(cy->start, s);
	okr_format_date(cy->end, e);
	printf(_("Closed "));
	cli_put(stdout, cy->name, -1);
	size_t earlier = 0;
	for (size_t k = 0; k < j->nkr; k++)
		earlier += j->how[k] == GRADE_EARLIER;
	size_t graded = j->given + j->defaulted + earlier;
	printf(ngettext(" (%s → %s): %zu key result graded — %zu given now, %zu by default (their progress), "
			"%zu earlier.\n\n",
			" (%s → %s): %zu key results graded — %zu given now, %zu by default (their progress), "
			"%zu earlier.\n\n", graded), s, e, j->given + j->defaulted + earlier, j->given, j->defaulted, earlier);
	size_t met = 0, counted = 0;
	static const char *const hows[] = { N_("default"), N_("given"), N_("earlier") };
	for (size_t i = 0; i < snap.nobjs; i++) {
		const okr_objective *o = &snap.objs[i];
		printf("%-6s", okr_format_id(ID_OBJECTIVE, o->id, id, sizeof id));
		cli_put(stdout, o->title, 44);
		if (isnan(og[i])) {
			printf(_("    —  no key results\n"));
			continue;
		}
		bool ok = okr_grade_success(o->kind, og[i]);
		counted++;
		met += ok;
		printf("  %.2f  %s %s\n", og[i], o->kind == OBJ_ASPIRATIONAL ? _("aspirational, 0.7 is success")
		       : _("committed, 1.0 expected"), ok ? _("✓ met") : _("✗ below"));
		for (size_t k = 0; k < snap.nkrs; k++) {
			if (snap.krs[k].objective_id != o->id || isnan(kg[k]))
				continue;
			printf("  %-6s", okr_format_id(ID_KR, snap.krs[k].id, id, sizeof id));
			cli_put(stdout, snap.krs[k].title, 42);
			printf("  %.2f  %s\n", kg[k], k < j->nkr ? _(hows[j->how[k]]) : "");
		}
	}
	printf(ngettext("\n%zu of %zu objective reached its bar.\n", "\n%zu of %zu objectives reached their bar.\n",
			counted), met, counted);
	free(kg);
	free(og);
	okr_grades_free(g, ng);
	okr_snapshot_free(&snap);
}

int cli_cycle_close(cli_ctx *ctx, int argc, char **argv)
{
	static const char usage[] = "close CYCLE [--grade KR=SCORE[:NOTE]]... [--force]";
	const char *name = NULL;
	close_job j = { .ctx = ctx };
	int rc = 0;
	j.ov = okr_xcalloc((size_t)argc + 1, sizeof *j.ov);
	for (int i = 0; i < argc && !rc; i++) {
		const char *arg = argv[i], *val = NULL;
		if (!strcmp(arg, "--grade") || !strcmp(arg, "-g")) {
			if (i + 1 >= argc)
				rc = cli_fail(OKR_E_USAGE, _("--grade needs KR=SCORE — usage: okr cycle %s"), usage);
			else
				val = argv[++i];
		} else if (!strncmp(arg, "--grade=", 8)) {
			val = arg + 8;
		} else if (!strcmp(arg, "--force")) {
			j.force = true;
		} else if (arg[0] == '-' && arg[1]) {
			rc = cli_fail(OKR_E_USAGE, _("unknown option '%s' — usage: okr cycle %s"), arg, usage);
		} else if (name) {
			rc = cli_fail(OKR_E_USAGE, _("one cycle at a time — usage: okr cycle %s"), usage);
		} else {
			name = arg;
		}
		if (val && !rc)
			rc = parse_override(val, &j.ov[j.nov++]);
	}
	if (!rc && !name)
		rc = cli_fail(OKR_E_USAGE, _("which cycle? usage: okr cycle %s (`okr cycle list` shows them)"), usage);
	okr_cycle cy = { 0 };
	if (!rc)
		rc = cli_cycle(ctx, name, &cy);
	if (!rc && okr_store_me(ctx->store)->role == ROLE_MEMBER)
		rc = cli_fail(OKR_E_DENIED, _("only a lead or admin can close a cycle — ask one of them "
					      "(`okr list --people` shows roles)"));
	if (!rc && cy.state == CYCLE_CLOSED)
		rc = cli_fail(OKR_E_USAGE, _("cycle %s is already closed"), cy.name);
	if (!rc) {
		j.cycle = cy.id;
		okr_result r = okr_store_batch(ctx->store, close_txn, &j);
		cli_made_named(ctx, 'C', cy.name);
		if (j.missing)
			rc = cli_fail(OKR_E_NOTFOUND, _("K%lld is not a key result of cycle %s — `okr list --cycle "
							"%s` shows them; nothing was graded or closed"),
				      (long long)j.missing, cy.name, cy.name);
		else if (r)
			rc = cli_store_fail(ctx, r);
		else
			summary(&j, &cy);
	}
	for (size_t i = 0; i < j.nov; i++)
		free(j.ov[i].owned);
	free(j.ov);
	free(j.how);
	okr_cycle_free(&cy);
	return rc;
}
