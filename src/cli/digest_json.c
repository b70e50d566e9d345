/*
 * digest_json.c — okr digest --format json: the same sections as the
 * Markdown, with IDs, logins, numbers and dates (YYYY-MM-DD) for scripts.
 */
#include <stdio.h>

#include "okr/parse.h"
#include "digest.h"

static void date(json_out *j, const char *key, okr_time t)
{
	char day[11];
	okr_format_date(okr_day_of(t), day);
	json_str(j, key, day);
}

static const char *status_key(okr_status s)
{
	return s == STATUS_NONE ? "none" : okr_status_name(s);
}

static void krs(json_out *j, const digest *d)
{
	char id[24];
	json_arr(j, "key_results");
	for (size_t i = 0; i < d->nkrs; i++) {
		const digest_kr *dk = &d->krs[i];
		const okr_kr *k = &d->snap->krs[dk->kr];
		if (!dk->mv.checkins && dk->mv.status_from == dk->mv.status_to)
			continue;
		json_obj(j, NULL);
		json_str(j, "id", okr_format_id(ID_KR, k->id, id, sizeof id));
		json_str(j, "title", k->title);
		json_str(j, "owner", k->owner);
		json_int(j, "checkins", (int64_t)dk->mv.checkins);
		json_num_or_null(j, "value_from", dk->mv.value_from, dk->mv.had_value);
		json_num(j, "value_to", dk->mv.value_to);
		json_num(j, "progress_from", dk->mv.from);
		json_num(j, "progress_to", dk->mv.to);
		json_str(j, "status_from", status_key(dk->mv.status_from));
		json_str(j, "status_to", status_key(dk->mv.status_to));
		json_bool(j, "turned_at_risk", okr_digest_turned_risky(&dk->mv));
		if (dk->mv.last)
			json_str(j, "note", dk->mv.last->note);
		json_end_obj(j);
	}
	json_end_arr(j);
}

static void social(json_out *j, const digest *d)
{
	json_arr(j, "kudos");
	for (size_t i = 0; i < d->nkudos; i++) {
		json_obj(j, NULL);
		json_str(j, "from", d->kudos[i].from);
		json_str(j, "to", d->kudos[i].to);
		json_str(j, "text", d->kudos[i].text);
		date(j, "at", d->kudos[i].at);
		json_end_obj(j);
	}
	json_end_arr(j);
	json_arr(j, "badges");
	for (size_t i = 0; i < d->nbadges; i++) {
		json_obj(j, NULL);
		json_str(j, "person", d->snap->people[d->badges[i].person].login);
		json_str(j, "badge", score_badge_slug(d->badges[i].badge));
		date(j, "at", d->badges[i].at);
		json_end_obj(j);
	}
	json_end_arr(j);
}

static void board(json_out *j, const digest *d)
{
	json_arr(j, "movers");
	for (size_t i = 0; i < d->board.n; i++) {
		const score_row *r = &d->board.rows[i];
		long p = digest_person(d, r->id);
		if (r->hidden || !r->rank || !r->movement || r->score <= 0 || p < 0 || !digest_member(d, (size_t)p))
			continue;
		json_obj(j, NULL);
		json_str(j, "person", d->snap->people[p].login);
		json_int(j, "rank", r->rank);
		json_int(j, "movement", r->movement);
		json_num(j, "points", r->score);
		json_end_obj(j);
	}
	json_end_arr(j);
	json_arr(j, "due");
	for (size_t i = 0; i < d->ndue; i++) {
		size_t n[3] = { 0 };
		for (size_t k = 0; k < d->due[i].due.n; k++)
			n[d->due[i].due.items[k].kind]++;
		json_obj(j, NULL);
		json_str(j, "person", d->snap->people[d->due[i].person].login);
		json_int(j, "checkins", (int64_t)n[DUE_CHECKIN]);
		json_int(j, "kpis", (int64_t)n[DUE_KPI]);
		json_int(j, "grades", (int64_t)n[DUE_GRADE]);
		json_end_obj(j);
	}
	json_end_arr(j);
}

void digest_json(const digest *d, FILE *f)
{
	json_out j;
	json_begin(&j, f);
	json_obj(&j, NULL);
	date(&j, "week", d->from);
	if (d->team)
		json_str(&j, "team", d->team);
	else
		json_null(&j, "team");
	krs(&j, d);
	social(&j, d);
	board(&j, d);
	json_end_obj(&j);
	json_finish(&j);
}
