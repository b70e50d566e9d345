/*
 * digest.c — see digest.h.
 */
#include <string.h>

#include "okr/digest.h"

/* k as it stood just before t: its latest value older than t. */
static okr_kr as_of(const okr_kr *k, const okr_checkin *hist, size_t n, okr_time t)
{
	okr_kr c = *k;
	c.has_value = false;
	c.current = 0;
	c.confidence = -1;
	c.last_at = 0;
	for (size_t i = 0; i < n; i++)
		if (hist[i].at < t) {
			c.has_value = true;
			c.current = hist[i].value;
			c.confidence = hist[i].confidence;
			c.last_at = hist[i].at;
			break;
		}
	return c;
}

void okr_digest_kr(const okr_kr *k, const okr_checkin *hist, size_t n, okr_day cycle_start, okr_day due,
		   okr_time from, okr_time to, const okr_status_rules *rules, okr_digest_move *out)
{
	memset(out, 0, sizeof *out);
	okr_kr a = as_of(k, hist, n, from), b = as_of(k, hist, n, to);
	out->had_value = a.has_value;
	out->value_from = a.current;
	out->value_to = b.current;
	out->from = okr_kr_progress_raw(&a);
	out->to = okr_kr_progress_raw(&b);
	/* The status as the week began is judged a moment before it, so that a
	 * week's first check-in does not count towards the start. */
	out->status_from = okr_kr_status(&a, cycle_start, due, from - 1, rules);
	out->status_to = okr_kr_status(&b, cycle_start, due, to - 1, rules);
	for (size_t i = 0; i < n; i++)
		if (hist[i].at >= from && hist[i].at < to) {
			if (!out->last)
				out->last = &hist[i];
			out->checkins++;
		}
}

static bool risky(okr_status s)
{
	return s == STATUS_AT_RISK || s == STATUS_OFF_TRACK;
}

bool okr_digest_turned_risky(const okr_digest_move *m)
{
	return risky(m->status_to) && !risky(m->status_from);
}
