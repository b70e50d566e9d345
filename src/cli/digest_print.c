/*
 * digest_print.c — okr digest as Markdown (the default: mail and chat render
 * it), plain text, or JSON for scripts.  Every text from the database is
 * sanitised (and, in Markdown, escaped); JSON keys never change with the
 * language.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/parse.h"
#include "export.h"
#include "digest.h"

typedef struct {
	FILE *f;
	digest_format fmt;
	const digest *d;
} out;

static void put(const out *o, const char *s)
{
	if (o->fmt == DIGEST_MD)
		export_md_escape(o->f, s);
	else
		cli_put(o->f, s, -1);
}

static void heading(const out *o, const char *title, size_t n)
{
	fprintf(o->f, o->fmt == DIGEST_MD ? "\n## %s (%zu)\n%s" : "\n%s (%zu)\n", title, n, n ? "\n" : "");
}

static void item(const out *o)
{
	fputs(o->fmt == DIGEST_MD ? "- " : "  ", o->f);
}

static void kr_head(const out *o, const okr_kr *k)
{
	char id[24];
	fprintf(o->f, "%s ", okr_format_id(ID_KR, k->id, id, sizeof id));
	put(o, k->title);
	fputs(" — @", o->f);
	put(o, k->owner);
}

static void value_move(const out *o, const digest_kr *dk)
{
	const okr_kr *k = &o->d->snap->krs[dk->kr];
	char a[48], b[48];
	if (k->type == KR_MILESTONE)
		fprintf(o->f, "%s", dk->mv.value_to != 0 ? _("done") : _("not done"));
	else if (dk->mv.had_value)
		fprintf(o->f, "%s → %s", okr_format_value(dk->mv.value_from, k->decimals, a, sizeof a),
			okr_format_value(dk->mv.value_to, k->decimals, b, sizeof b));
	else
		fprintf(o->f, "— → %s", okr_format_value(dk->mv.value_to, k->decimals, b, sizeof b));
	if (k->unit[0] && k->type != KR_MILESTONE) {
		fputc(' ', o->f);
		put(o, k->unit);
	}
	fprintf(o->f, " (%.0f %% → %.0f %%)", dk->mv.from * 100, dk->mv.to * 100);
}

static void checkins(const out *o)
{
	size_t n = 0;
	for (size_t i = 0; i < o->d->nkrs; i++)
		n += o->d->krs[i].mv.checkins > 0;
	heading(o, _("Check-ins and progress"), n);
	for (size_t i = 0; i < o->d->nkrs; i++) {
		const digest_kr *dk = &o->d->krs[i];
		if (!dk->mv.checkins)
			continue;
		item(o);
		kr_head(o, &o->d->snap->krs[dk->kr]);
		fputs(": ", o->f);
		value_move(o, dk);
		fprintf(o->f, ngettext(", %zu check-in", ", %zu check-ins", dk->mv.checkins), dk->mv.checkins);
		if (dk->mv.last && dk->mv.last->note[0]) {
			fputs(" — “", o->f);
			put(o, dk->mv.last->note);
			fputs("”", o->f);
		}
		fputc('\n', o->f);
	}
}

static void statuses(const out *o, bool risky_only)
{
	size_t n = 0;
	for (size_t i = 0; i < o->d->nkrs; i++) {
		const okr_digest_move *m = &o->d->krs[i].mv;
		n += risky_only ? okr_digest_turned_risky(m) : m->status_from != m->status_to;
	}
	heading(o, risky_only ? _("Turned at risk") : _("Status changes"), n);
	for (size_t i = 0; i < o->d->nkrs; i++) {
		const okr_digest_move *m = &o->d->krs[i].mv;
		if (risky_only ? !okr_digest_turned_risky(m) : m->status_from == m->status_to)
			continue;
		item(o);
		kr_head(o, &o->d->snap->krs[o->d->krs[i].kr]);
		fprintf(o->f, ": %s → %s\n", okr_label(&okr_statuses, m->status_from), okr_label(&okr_statuses, m->status_to));
	}
}

static void kudos(const out *o)
{
	heading(o, _("Kudos"), o->d->nkudos);
	for (size_t i = 0; i < o->d->nkudos; i++) {
		const okr_kudos *k = &o->d->kudos[i];
		item(o);
		fputc('@', o->f);
		put(o, k->from);
		fputs(" → @", o->f);
		put(o, k->to);
		fputs(": ", o->f);
		put(o, k->text);
		fputc('\n', o->f);
	}
}

static void badges(const out *o)
{
	heading(o, _("New badges"), o->d->nbadges);
	for (size_t i = 0; i < o->d->nbadges; i++) {
		item(o);
		fputc('@', o->f);
		put(o, o->d->snap->people[o->d->badges[i].person].login);
		fprintf(o->f, ": %s — %s\n", _(score_badge_title(o->d->badges[i].badge)),
			_(score_badge_why(o->d->badges[i].badge)));
	}
}

static bool shown_mover(const out *o, const score_row *r)
{
	long p = digest_person(o->d, r->id);
	return !r->hidden && r->rank && (r->movement || r->move == SCORE_MOVE_NEW) && r->score > 0 && p >= 0 && digest_member(o->d, (size_t)p);
}

static void movers(const out *o)
{
	size_t n = 0;
	for (size_t i = 0; i < o->d->board.n; i++)
		n += shown_mover(o, &o->d->board.rows[i]);
	heading(o, _("Leaderboard movers"), n);
	for (size_t i = 0; i < o->d->board.n; i++) {
		const score_row *r = &o->d->board.rows[i];
		if (!shown_mover(o, r))
			continue;
		char mv[16];
		item(o);
		fputc('@', o->f);
		put(o, o->d->snap->people[digest_person(o->d, r->id)].login);
		fprintf(o->f, _(": #%d %s, %.0f pts\n"), r->rank, score_move_text(r, mv, sizeof mv), r->score);
	}
}

static void due_next(const out *o)
{
	heading(o, _("Due next"), o->d->ndue);
	for (size_t i = 0; i < o->d->ndue; i++) {
		char what[256];
		okr_due_summary(&o->d->due[i].due, what, sizeof what);
		item(o);
		fputc('@', o->f);
		put(o, o->d->snap->people[o->d->due[i].person].login);
		fprintf(o->f, ": %s\n", what);
	}
}

static void header(const out *o)
{
	char a[11], b[11];
	okr_format_date(okr_day_of(o->d->from), a);
	okr_format_date(okr_day_of(o->d->from) + 6, b);
	fprintf(o->f, o->fmt == DIGEST_MD ? "# " : "");
	fprintf(o->f, _("okr digest — week of %s to %s"), a, b);
	if (o->d->team) {
		fputs(" · ", o->f);
		put(o, o->d->team);
	}
	fputc('\n', o->f);
}

void digest_json(const digest *d, FILE *f);   /* digest_json.c */

void digest_print(const digest *d, digest_format fmt, FILE *f)
{
	if (fmt == DIGEST_JSON) {
		digest_json(d, f);
		return;
	}
	out o = { f, fmt, d };
	header(&o);
	checkins(&o);
	statuses(&o, false);
	statuses(&o, true);
	kudos(&o);
	badges(&o);
	movers(&o);
	due_next(&o);
}
