/*
 * cmd_due_team.c — okr due --team T [--json]: a lead's view of the weekly
 * rhythm (SPEC §12): who in the team has not checked in this week and which
 * of its key results are quiet or at risk, from core/rhythm.c — the same
 * list as the TUI's rhythm view.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/cli.h"
#include "okr/text.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/rhythm.h"
#include "okr/score.h"
#include "okr/text.h"

static const char *status_word(okr_status s)
{
	return s == STATUS_OUTDATED ? "quiet" : s == STATUS_OFF_TRACK ? "off track" : "at risk";
}

static void put_last(json_out *j, okr_time t)
{
	char day[11];
	if (!t) {
		json_null(j, "last");
		return;
	}
	okr_format_date(okr_day_of(t), day);
	json_str(j, "last", day);
}

static void print_json(const okr_snapshot *snap, const okr_rhythm *r, const char *team, okr_time week,
		       int week_offset)
{
	json_out j;
	char id[24], day[11];
	json_begin(&j, stdout);
	json_obj(&j, NULL);
	json_str(&j, "team", team);
	okr_format_date(okr_day_of(week + (okr_time)week_offset * 60), day);
	json_str(&j, "week", day);
	json_int(&j, "behind", (int64_t)r->behind);
	json_arr(&j, "people");
	for (size_t i = 0; i < r->npeople; i++) {
		const okr_rhythm_person *p = &r->people[i];
		json_obj(&j, NULL);
		json_str(&j, "login", snap->people[p->person].login);
		json_str(&j, "name", snap->people[p->person].name);
		json_bool(&j, "checked_in", p->checked_in);
		put_last(&j, p->last);
		json_int(&j, "krs", (int64_t)p->nkrs);
		json_int(&j, "flagged", (int64_t)p->nflagged);
		json_end_obj(&j);
	}
	json_end_arr(&j);
	json_arr(&j, "krs");
	for (size_t i = 0; i < r->nkrs; i++) {
		const okr_kr *k = &snap->krs[r->krs[i].kr];
		json_obj(&j, NULL);
		json_str(&j, "id", okr_format_id(ID_KR, k->id, id, sizeof id));
		json_str(&j, "title", k->title);
		json_str(&j, "owner", k->owner);
		json_str(&j, "status", status_word(r->krs[i].status));
		put_last(&j, k->last_at);
		json_end_obj(&j);
	}
	json_end_arr(&j);
	json_end_obj(&j);
	json_finish(&j);
}

static void print_person(const okr_snapshot *snap, const okr_rhythm_person *p)
{
	char day[11];
	printf("  @");
	cli_put(stdout, snap->people[p->person].login, 12);
	printf(" ");
	cli_put(stdout, snap->people[p->person].name, 24);
	if (p->last) {
		okr_format_date(okr_day_of(p->last), day);
		printf(_("  last check-in %s"), day);
	} else {
		printf(_("  no check-in yet"));
	}
	printf(ngettext(", %zu key result", ", %zu key results", p->nkrs), p->nkrs);
	putchar('\n');
}

static void print_human(const okr_snapshot *snap, const okr_rhythm *r, const char *team, okr_time week,
			int week_offset)
{
	char day[11], id[24];
	okr_format_date(okr_day_of(week + (okr_time)week_offset * 60), day);
	printf(_("Team "));
	cli_put(stdout, team, -1);
	printf(_(", week of %s: "), day);
	printf(ngettext("%zu of %zu has not checked in\n", "%zu of %zu have not checked in\n", r->behind),
	       r->behind, r->npeople);
	int section = -1;
	for (size_t i = 0; i < r->npeople; i++) {
		const okr_rhythm_person *p = &r->people[i];
		int now = p->nkrs && !p->checked_in ? 0 : p->nkrs ? 1 : 2;
		if (now != section) {
			static const char *const heads[] = { N_("Not checked in this week"), N_("Checked in"),
							     N_("No open key results") };
			printf("\n%s\n", _(heads[now]));
			section = now;
		}
		print_person(snap, p);
	}
	if (!r->nkrs)
		return;
	printf("\n%s\n", _("Key results quiet or at risk"));
	int sw = 9;   /* the widest status word shown, in display columns */
	for (size_t i = 0; i < r->nkrs; i++) {
		int w = text_width(_(status_word(r->krs[i].status)));
		sw = w > sw ? w : sw;
	}
	for (size_t i = 0; i < r->nkrs; i++) {
		const okr_kr *k = &snap->krs[r->krs[i].kr];
		/* Padded in display columns: a translated status word ("落后")
		 * is fewer columns than bytes, and printf pads by bytes. */
		printf("  %-6s ", okr_format_id(ID_KR, k->id, id, sizeof id));
		cli_cell(stdout, _(status_word(r->krs[i].status)), sw, TEXT_ALIGN_LEFT);
		printf(" @");
		cli_put(stdout, k->owner, 12);
		printf(" ");
		cli_put(stdout, k->title, 40);
		if (k->last_at) {
			okr_format_date(okr_day_of(k->last_at), day);
			printf(_("  last %s"), day);
		} else {
			printf(_("  never checked in"));
		}
		putchar('\n');
	}
}

int cli_due_team(cli_ctx *ctx, const char *team, bool json)
{
	okr_snapshot snap;
	okr_result res = okr_store_snapshot(ctx->store, 0, false, &snap);
	if (res)
		return cli_store_fail(ctx, res);
	bool known = false;
	for (size_t i = 0; i < snap.nteams; i++)
		known |= !strcmp(snap.teams[i].name, team);
	if (!known) {
		okr_snapshot_free(&snap);
		return cli_fail(OKR_E_NOTFOUND, _("no team '%s' — `okr list --teams` shows them"), team);
	}
	okr_time now = okr_now(), week = okr_rhythm_week_start(now, ctx->cfg.week_offset_minutes, ctx->cfg.game.week_start);
	okr_assessments as;
	okr_assess(&snap, ctx->cfg.rollup, &ctx->cfg.status, now, &as);
	okr_rhythm r;
	okr_rhythm_compute(&snap, &as, team, week, &r);
	if (json)
		print_json(&snap, &r, team, week, ctx->cfg.week_offset_minutes);
	else
		print_human(&snap, &r, team, week, ctx->cfg.week_offset_minutes);
	okr_rhythm_free(&r);
	okr_assessments_free(&as);
	okr_snapshot_free(&snap);
	return 0;
}
