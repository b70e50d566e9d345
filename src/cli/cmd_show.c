/*
 * cmd_show.c — okr show ID: one objective, key result or KPI with its
 * history, comments, forecast and (for a KPI) its four parts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/assess.h"
#include "okr/cli.h"
#include "okr/forecast.h"
#include "okr/i18n.h"
#include "okr/text.h"
#include "okr/parse.h"

void cli_json_kr(json_out *j, const char *key, const okr_kr *k, const okr_assessment *a);
int cli_show_person(cli_ctx *ctx, const char *who, bool points, bool json);   /* show_person.c */


static void when(okr_time t, char *buf, size_t len)
{
	char d[11];
	okr_format_date(okr_day_of(t), d);
	long s = (long)(((t % 86400) + 86400) % 86400);
	snprintf(buf, len, "%s %02ld:%02ld", d, s / 3600, s / 60 % 60);
}

/* A list under an item: a JSON array named key, or for people a heading
 * when there is something under it. */
static void list_begin(json_out *j, const char *key, const char *heading, size_t n)
{
	if (j)
		json_arr(j, key);
	else if (n)
		printf("\n%s\n", heading);
}

static void list_end(json_out *j)
{
	if (j)
		json_end_arr(j);
}

static void show_comments(cli_ctx *ctx, char kind, int64_t id, json_out *j)
{
	okr_comment *c;
	size_t n;
	if (okr_store_comments(ctx->store, kind, id, &c, &n))
		return;
	list_begin(j, "comments", _("Comments"), n);
	for (size_t i = 0; i < n; i++) {
		char w[32];
		when(c[i].at, w, sizeof w);
		if (j) {
			json_obj(j, NULL);
			json_str(j, "author", c[i].author);
			json_time(j, "at", c[i].at);
			json_str(j, "text", c[i].text);
			json_end_obj(j);
			continue;
		}
		printf("  %s  ", w);
		cli_put(stdout, c[i].author, 12);
		printf(" ");
		cli_put(stdout, c[i].text, -1);
		putchar('\n');
	}
	list_end(j);
	okr_comments_free(c, n);
}

/* The kudos given for the work on a key result, newest first. */
static void show_kudos(cli_ctx *ctx, int64_t kr_id, json_out *j)
{
	okr_kudos *k;
	size_t n;
	if (okr_store_kudos_about(ctx->store, kr_id, NULL, 0, &k, &n))
		return;
	list_begin(j, "kudos", _("Kudos"), n);
	for (size_t i = 0; i < n; i++) {
		if (j) {
			json_obj(j, NULL);
			json_str(j, "from", k[i].from);
			json_str(j, "to", k[i].to);
			json_time(j, "at", k[i].at);
			json_str(j, "text", k[i].text);
			json_end_obj(j);
			continue;
		}
		char w[32];
		when(k[i].at, w, sizeof w);
		printf("  %s  @", w);
		cli_put(stdout, k[i].from, -1);
		printf(" → @");
		cli_put(stdout, k[i].to, -1);
		printf("  ");
		cli_put(stdout, k[i].text, -1);
		putchar('\n');
	}
	list_end(j);
	okr_kudos_free(k, n);
}

static void show_kpi_parts(const okr_kpi *k)
{
	char tgt[48], cur[48];
	okr_format_value(k->target, 0, tgt, sizeof tgt);
	printf(_("  target     %s %s "), okr_direction_sign(k->dir), tgt);
	cli_put(stdout, k->unit, -1);
	printf(_("\n  timeframe  "));
	cli_put(stdout, k->timeframe[0] ? k->timeframe : "—", -1);
	printf(_("\n  source     "));
	cli_put(stdout, k->source[0] ? k->source : "—", -1);
	printf(_("\n  frequency  %s\n"), _(okr_frequency_name(k->every)));
	if (k->has_value) {
		okr_format_value(k->latest, 0, cur, sizeof cur);
		bool meets = k->dir == DIR_AT_MOST ? k->latest <= k->target : k->latest >= k->target;
		printf(_("  latest     %s (%s)\n"), cur, meets ? _("meets the target") : _("misses the target"));
	}
}

static void kr_json(cli_ctx *ctx, const okr_kr *k, const okr_assessment *a, const okr_forecast *f,
		    const okr_checkin *cis, size_t n)
{
	json_out j;
	okr_forecast fc = *f;
	json_begin(&j, stdout);
	json_obj(&j, NULL);
	cli_json_kr(&j, "key_result", k, a);
	if (fc.ok) {
		json_obj(&j, "forecast");
		json_num(&j, "value", fc.value);
		json_num(&j, "grade", fc.grade);
		json_num(&j, "per_week", fc.per_week);
		json_end_obj(&j);
	}
	json_arr(&j, "checkins");
	for (size_t i = 0; i < n; i++) {
		json_obj(&j, NULL);
		json_str(&j, "author", cis[i].author);
		json_time(&j, "at", cis[i].at);
		json_num(&j, "value", cis[i].value);
		json_confidence(&j, "confidence", cis[i].confidence);
		json_str(&j, "note", cis[i].note);
		json_end_obj(&j);
	}
	json_end_arr(&j);
	show_comments(ctx, 'K', k->id, &j);
	show_kudos(ctx, k->id, &j);
	json_end_obj(&j);
	json_finish(&j);
}

/* The key result's own lines: value, progress, due date and forecast. */
static void kr_head(const okr_kr *k, const okr_assessment *a, const okr_forecast *f)
{
	char id[24], val[128];
	okr_forecast fc = *f;
	printf("%s  ", okr_format_id(ID_KR, k->id, id, sizeof id));
	cli_put(stdout, k->title, -1);
	printf(_("\n  objective  O%lld   owner @"), (long long)k->objective_id);
	cli_put(stdout, k->owner, -1);
	printf(_("   version %lld\n  value      %s "), (long long)k->version, okr_kr_value_text(k, val, sizeof val));
	cli_put(stdout, k->type == KR_MILESTONE ? "" : k->unit, -1);
	if (k->self_set)
		printf(_("\n  points     none until a lead approves it (`okr kr approve K%lld`): its owner set it alone"),
		       (long long)k->id);
	printf(_("\n  progress   "));
	cli_bar(stdout, a->progress, 20);
	printf(_(" %.0f%%  expected %.0f%%  %s"), a->raw * 100, a->expected * 100, _(okr_status_name(a->status)));
	if (k->confidence >= 0)
		printf(_("  confidence %d/10"), k->confidence);
	char due[11];
	okr_format_date(a->due, due);
	printf(_("\n  due        %s, check-ins %s\n"), due, _(okr_frequency_name(k->every)));
	if (fc.ok) {
		okr_format_rounded(fc.value, k->decimals, val, sizeof val);
		printf(_("  forecast   %s by the due date → projected grade %.2f\n"), val, fc.grade);
	} else if (k->type != KR_MILESTONE) {
		printf(_("  forecast   not enough history yet\n"));
	}
}

/* The KPI a key result takes its value from, if any. */
static void kr_kpi(cli_ctx *ctx, const okr_kr *k)
{
	if (k->kpi_id) {
		okr_kpi kpi;
		if (okr_store_kpi(ctx->store, k->kpi_id, &kpi) == OKR_OK) {
			printf(_("  tracks     KPI%lld "), (long long)kpi.id);
			cli_put(stdout, kpi.name, -1);
			putchar('\n');
			show_kpi_parts(&kpi);
			okr_kpi_free(&kpi);
		}
	}
}

static void kr_values(const okr_kr *k, const okr_checkin *cis, size_t n)
{
	char val[128], w[32];
	if (n)
		printf("\n%s\n", k->kpi_id ? _("KPI values") : _("Check-ins"));
	for (size_t i = 0; i < n; i++) {
		okr_kr one = *k;
		one.current = cis[i].value;
		one.has_value = true;
		when(cis[i].at, w, sizeof w);
		printf("  %s  ", w);
		cli_put(stdout, cis[i].author, 10);
		printf(" %-16s", okr_kr_value_text(&one, val, sizeof val));
		if (cis[i].confidence >= 0)
			printf(_(" conf %2d"), cis[i].confidence);
		else
			printf("        ");
		if (cis[i].note[0]) {
			printf("  ");
			cli_put(stdout, cis[i].note, -1);
		}
		putchar('\n');
	}
}

static int show_kr(cli_ctx *ctx, const okr_snapshot *snap, const okr_assessments *as, size_t ki, bool json)
{
	const okr_kr *k = &snap->krs[ki];
	const okr_assessment *a = &as->krs[ki];
	const okr_cycle *cy = okr_snapshot_cycle(snap);
	okr_checkin *cis;
	size_t n;
	okr_result r = okr_store_kr_values(ctx->store, k, 0, &cis, &n);
	if (r)
		return cli_store_fail(ctx, r);
	okr_forecast fc = okr_forecast_kr(k, cis, n, cy ? okr_kr_began(k, cy->start) : 0, okr_day_start(a->due + 1));
	if (json) {
		kr_json(ctx, k, a, &fc, cis, n);
	} else {
		kr_head(k, a, &fc);
		kr_kpi(ctx, k);
		kr_values(k, cis, n);
	}
	okr_checkins_free(cis, n);
	if (!json) {
		show_comments(ctx, 'K', k->id, NULL);
		show_kudos(ctx, k->id, NULL);
	}
	return 0;
}

static int show_objective(cli_ctx *ctx, const okr_snapshot *snap, const okr_assessments *as, long oi, bool json)
{
	const okr_objective *o = &snap->objs[oi];
	const okr_assessment *a = &as->objs[oi];
	char id[24];
	if (json) {
		json_out j;
		json_begin(&j, stdout);
		json_obj(&j, NULL);
		cli_json_objective_head(&j, o);
		json_str(&j, "kind", okr_wire(&okr_obj_kinds, o->kind));
		json_num(&j, "progress", a->progress);
		json_str(&j, "status", okr_wire(&okr_statuses, a->status));
		json_int(&j, "version", o->version);
		json_arr(&j, "key_results");
		for (size_t k = 0; k < snap->nkrs; k++)
			if (snap->krs[k].objective_id == o->id && !snap->krs[k].archived)
				cli_json_kr(&j, NULL, &snap->krs[k], &as->krs[k]);
		json_end_arr(&j);
		show_comments(ctx, 'O', o->id, &j);
		json_end_obj(&j);
		json_finish(&j);
		return 0;
	}
	printf("%s  ", okr_format_id(ID_OBJECTIVE, o->id, id, sizeof id));
	cli_put(stdout, o->title, -1);
	printf("\n");
	if (o->description[0]) {
		printf("  ");
		cli_put(stdout, o->description, -1);
		printf("\n");
	}
	printf(_("  owner @"));
	cli_put(stdout, o->owner[0] ? o->owner : "—", -1);
	printf(_("   team "));
	cli_put(stdout, o->team[0] ? o->team : "—", -1);
	printf(_("   %s   version %lld\n  progress   "), o->kind == OBJ_ASPIRATIONAL ? _("aspirational (0.7 is success)")
	       : _("committed (1.0 expected)"), (long long)o->version);
	cli_bar(stdout, a->progress, 20);
	printf(_(" %.0f%%  expected %.0f%%  %s\n"), a->progress * 100, a->expected * 100,
	       _(okr_status_name(a->status)));
	if (o->parent_id)
		printf(_("  aligned to O%lld\n"), (long long)o->parent_id);
	printf(_("\nKey results\n"));
	for (size_t k = 0; k < snap->nkrs; k++) {
		const okr_kr *kr = &snap->krs[k];
		if (kr->objective_id != o->id || kr->archived)
			continue;
		char val[128];
		printf("  %-6s", okr_format_id(ID_KR, kr->id, id, sizeof id));
		cli_put(stdout, kr->title, 44);
		printf(" %4.0f%%  ", as->krs[k].raw * 100);
		cli_cell(stdout, _(okr_status_name(as->krs[k].status)), okr_i18n_status_cols(), TEXT_ALIGN_LEFT);
		printf(" %s\n", okr_kr_value_text(kr, val, sizeof val));
	}
	show_comments(ctx, 'O', o->id, NULL);
	return 0;
}

static int show_kpi(cli_ctx *ctx, int64_t id, bool json)
{
	okr_kpi k;
	okr_result r = okr_store_kpi(ctx->store, id, &k);
	if (r)
		return cli_store_fail(ctx, r);
	okr_sample *s;
	size_t n;
	if ((r = okr_store_samples(ctx->store, id, 0, &s, &n))) {
		okr_kpi_free(&k);
		return cli_store_fail(ctx, r);
	}
	if (json) {
		json_out j;
		json_begin(&j, stdout);
		json_obj(&j, NULL);
		char idbuf[24];
		json_str(&j, "id", okr_format_id(ID_KPI, k.id, idbuf, sizeof idbuf));
		json_str(&j, "name", k.name);
		json_num(&j, "target", k.target);
		json_str(&j, "direction", okr_wire(&okr_directions, k.dir));
		json_str(&j, "unit", k.unit);
		json_str(&j, "timeframe", k.timeframe);
		json_str(&j, "source", k.source);
		json_str(&j, "frequency", okr_wire(&okr_frequencies, k.every));
		json_arr(&j, "samples");
		for (size_t i = 0; i < n; i++) {
			json_obj(&j, NULL);
			json_time(&j, "at", s[i].at);
			json_num(&j, "value", s[i].value);
			json_str(&j, "author", s[i].author);
			json_str(&j, "note", s[i].note);
			json_end_obj(&j);
		}
		json_end_arr(&j);
		json_end_obj(&j);
		json_finish(&j);
	} else {
		printf("KPI%lld  ", (long long)k.id);
		cli_put(stdout, k.name, -1);
		putchar('\n');
		show_kpi_parts(&k);
		if (n)
			printf(_("\nSamples\n"));
		for (size_t i = 0; i < n; i++) {
			char w[32], v[48];
			when(s[i].at, w, sizeof w);
			okr_format_value(s[i].value, 0, v, sizeof v);
			printf("  %s  %10s  ", w, v);
			cli_put(stdout, s[i].author, 10);
			printf("  ");
			cli_put(stdout, s[i].note, -1);
			putchar('\n');
		}
	}
	okr_samples_free(s, n);
	okr_kpi_free(&k);
	return 0;
}

int cmd_show(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "json", 0, false }, { "points", 0, false }, { 0 } };
	cli_args a;
	int rc = cli_parse("show", "ID|PERSON [--points] [--json]", opts, argc, argv, 1, 1, &a);
	if (rc)
		return rc;
	okr_id_kind kind;
	int64_t id;
	bool json = cli_opt_get(opts, &a, "json") != NULL;
	/* A word that is not an ID names a person. */
	if (okr_parse_id(a.pos[0], &id) == ID_NONE)
		return cli_show_person(ctx, a.pos[0], cli_opt_get(opts, &a, "points") != NULL, json);
	if ((rc = cli_id(a.pos[0], ID_NONE, &kind, &id)))
		return rc;
	if (kind == ID_KPI)
		return show_kpi(ctx, id, json);
	/* Find the cycle of the item, then assess that whole cycle once. */
	okr_objective o;
	int64_t oid = id;
	if (kind == ID_KR) {
		okr_kr k;
		okr_result r = okr_store_kr(ctx->store, id, &k);
		if (r)
			return cli_store_fail(ctx, r);
		oid = k.objective_id;
		okr_kr_free(&k);
	}
	okr_result r = okr_store_objective(ctx->store, oid, &o);
	if (r)
		return cli_store_fail(ctx, r);
	okr_snapshot snap;
	r = okr_store_snapshot(ctx->store, o.cycle_id, true, &snap);
	okr_objective_free(&o);
	if (r)
		return cli_store_fail(ctx, r);
	okr_assessments as;
	okr_assess(&snap, ctx->cfg.rollup, &ctx->cfg.status, okr_now(), &as);
	rc = OKR_E_NOTFOUND;
	if (kind == ID_KR) {
		for (size_t i = 0; i < snap.nkrs; i++)
			if (snap.krs[i].id == id)
				rc = show_kr(ctx, &snap, &as, i, json);
	} else {
		long i = okr_snapshot_objective_index(&snap, id);
		if (i >= 0)
			rc = show_objective(ctx, &snap, &as, i, json);
	}
	okr_assessments_free(&as);
	okr_snapshot_free(&snap);
	return rc;
}
