/*
 * score_text.c — the words, weeks and windows that every screen of the
 * scores shares, so that `okr show PERSON --points` and the TUI's person view
 * give the same explanation, and the TUI's board the same windows and
 * movement as `okr board`.  (Badge names and the team's calendar live here
 * too, next to the words that use them, keeping score.c to the rules.)
 */
#include <stdio.h>

#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/score.h"

/* ---- badges' names ---- */

static const char *const badge_slugs[] = {
#define X(name, slug, title, why) slug,
	SCORE_BADGES(X)
#undef X
};
static const char *const badge_titles[] = {
#define X(name, slug, title, why) title,
	SCORE_BADGES(X)
#undef X
};
static const char *const badge_whys[] = {
#define X(name, slug, title, why) why,
	SCORE_BADGES(X)
#undef X
};

const char *score_badge_slug(score_badge b) { return (unsigned)b < SCORE_NBADGES ? badge_slugs[b] : "?"; }
const char *score_badge_title(score_badge b) { return (unsigned)b < SCORE_NBADGES ? badge_titles[b] : "?"; }
const char *score_badge_why(score_badge b) { return (unsigned)b < SCORE_NBADGES ? badge_whys[b] : "?"; }

/* ---- time ---- */

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

okr_day score_day_of(okr_time t, int off)
{
	return (okr_day)floor_div(t + (int64_t)off * 60, 86400);
}

const char *score_local_time(okr_time t, int off, char *buf, size_t len)
{
	char d[11];
	okr_time l = t + (okr_time)off * 60;
	okr_format_date(score_day_of(t, off), d);
	long s = (long)(((l % 86400) + 86400) % 86400);
	snprintf(buf, len, "%s %02ld:%02ld", d, s / 3600, s / 60 % 60);
	return buf;
}

/* 1970-01-05 (day 4) was a Monday; week 0 began on the first day numbered
 * week_start (0 Monday … 6 Sunday) from then on. */
int64_t score_week_of(okr_time t, int off, int week_start)
{
	return floor_div((int64_t)score_day_of(t, off) - 4 - week_start, 7);
}

okr_day score_week_first_day(int64_t w, int week_start)
{
	return (okr_day)(w * 7 + 4 + week_start);
}

void score_window_spans(okr_time now, int offset, int week_start, score_window w, const okr_cycle *cy,
			score_span *cur, score_span *prev)
{
	okr_day monday = score_week_first_day(score_week_of(now, offset, week_start), week_start);
	if (w == SCORE_WINDOW_WEEK) {
		*cur = (score_span){ monday, monday + 7 };
		*prev = (score_span){ monday - 7, monday };
	} else if (w == SCORE_WINDOW_CYCLE && cy) {
		/* Movement in a long window: against the same window as it stood
		 * when this week began (a rank change "since Monday"). */
		*cur = (score_span){ cy->start, cy->end + 1 };
		*prev = (score_span){ cy->start, monday > cy->start ? monday : cy->start };
	} else {
		*cur = SCORE_SPAN_ALL;
		*prev = (score_span){ INT32_MIN, monday };
	}
}

void score_line_text(const score_line *l, const char *other, char *buf, size_t len)
{
	long long kr = (long long)l->kr_id;
	if (!other)
		other = "?";
	switch (l->reason) {
	case SCORE_R_CHECKIN:
		snprintf(buf, len, _("check-in with a note on K%lld (streak %d, +%d%%)"), kr, l->streak, l->percent);
		break;
	case SCORE_R_CHECKIN_NO_NOTE:
		snprintf(buf, len, _("check-in on K%lld without a note"), kr);
		break;
	case SCORE_R_CHECKIN_AGAIN:
		snprintf(buf, len, _("another note on K%lld this week (paid once a week)"), kr);
		break;
	case SCORE_R_PROGRESS:
		snprintf(buf, len, _("progress on K%lld: best %.0f%% → %.0f%% × weight %g"), kr, l->from * 100,
			 l->to * 100, l->weight);
		break;
	case SCORE_R_PROGRESS_NONE:
		snprintf(buf, len, _("K%lld at %.0f%%, not above its best %.0f%%"), kr, l->to * 100, l->from * 100);
		break;
	case SCORE_R_REACH_07:
		snprintf(buf, len, _("K%lld reached 0.7"), kr);
		break;
	case SCORE_R_REACH_10:
		snprintf(buf, len, _("K%lld reached 1.0"), kr);
		break;
	case SCORE_R_KUDOS_GIVEN:
		snprintf(buf, len, _("kudos to @%s"), other);
		break;
	case SCORE_R_KUDOS_RECEIVED:
		snprintf(buf, len, _("kudos from @%s"), other);
		break;
	case SCORE_R_KUDOS_REPEAT:
		snprintf(buf, len, _("kudos to @%s again this week (counted once a week)"), other);
		break;
	case SCORE_R_KUDOS_ALLOWANCE:
		snprintf(buf, len, _("kudos to @%s beyond this week's allowance"), other);
		break;
	case SCORE_R_KUDOS_SELF:
		snprintf(buf, len, "%s", _("kudos to yourself"));
		break;
	case SCORE_R_COMMENT:
		snprintf(buf, len, _("comment on K%lld of @%s"), kr, other);
		break;
	case SCORE_R_COMMENT_SHORT:
		snprintf(buf, len, _("comment on K%lld too short to count"), kr);
		break;
	case SCORE_R_COMMENT_CAP:
		snprintf(buf, len, _("comment on K%lld beyond this week's cap"), kr);
		break;
	case SCORE_R_BADGE:
		snprintf(buf, len, _("badge: %s"), _(score_badge_title(l->badge)));
		break;
	case SCORE_R_SELF_SET:
		snprintf(buf, len, _("K%lld was set by its owner alone: no points until a lead approves it "
				     "(`okr kr approve K%lld`)"), kr, kr);
		break;
	}
}

const char *score_move_text(const score_row *r, char *buf, size_t len)
{
	if (r->move == SCORE_MOVE_NEW)
		snprintf(buf, len, "%s", _("new"));
	else if (r->move != SCORE_MOVE_RANK)
		snprintf(buf, len, "%s", "");
	else if (r->movement > 0)
		snprintf(buf, len, "▲%d", r->movement);
	else if (r->movement < 0)
		snprintf(buf, len, "▼%d", -r->movement);
	else
		snprintf(buf, len, "–");
	return buf;
}
