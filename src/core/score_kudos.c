/*
 * score_kudos.c — whether a kudos earns points, decided in one place.
 *
 * The ledger (score.c, fold_kudos) and the giver's feedback right after
 * giving (okr_store_kudos_verdict, then "kudos sent — it earns nothing this
 * time because …" in the TUI and the CLI) both ask score_kudos_decide, so
 * what a person is told is what the leaderboard counts.
 */
#include <stdio.h>
#include <stdlib.h>

#include "okr/i18n.h"
#include "okr/score.h"
#include "okr/util.h"

score_reason score_kudos_decide(bool to_self, bool pair_paid_this_week, int paid_this_week, int allowance)
{
	if (to_self)
		return SCORE_R_KUDOS_SELF;
	if (pair_paid_this_week)
		return SCORE_R_KUDOS_REPEAT;
	if (paid_this_week >= allowance)
		return SCORE_R_KUDOS_ALLOWANCE;
	return SCORE_R_KUDOS_GIVEN;
}

/* The giver's kudos of one week replayed in order, as the ledger folds them:
 * only kudos that were paid count towards the allowance and the pairs. */
score_reason score_kudos_verdict(const okr_game_rules *rules, int64_t from_id, const int64_t *to_ids, size_t n)
{
	score_reason why = SCORE_R_KUDOS_GIVEN;
	bool *paid = okr_xcalloc(n ? n : 1, sizeof *paid);
	int npaid = 0;
	for (size_t i = 0; i < n; i++) {
		bool pair = false;
		for (size_t j = 0; j < i && !pair; j++)
			pair = paid[j] && to_ids[j] == to_ids[i];
		why = score_kudos_decide(to_ids[i] == from_id, pair, npaid, rules->kudos_allowance);
		paid[i] = why == SCORE_R_KUDOS_GIVEN;
		npaid += paid[i];
	}
	free(paid);
	return why;
}

void score_kudos_note(score_reason why, const char *to_login, int allowance, int given_xp, char *buf, size_t len)
{
	switch (why) {
	case SCORE_R_KUDOS_REPEAT:
		snprintf(buf, len, _("kudos sent to @%s — it earns no points: you already gave @%s kudos this week "
				     "(one a week per person counts)"), to_login, to_login);
		break;
	case SCORE_R_KUDOS_ALLOWANCE:
		snprintf(buf, len, ngettext("kudos sent to @%s — it earns no points: only %d kudos a week counts "
					    "and you have given it", "kudos sent to @%s — it earns no points: only %d "
					    "kudos a week count and you have given them", (unsigned long)allowance),
			 to_login, allowance);
		break;
	default:
		snprintf(buf, len, _("kudos sent to @%s (+%d XP for you)"), to_login, given_xp);
		break;
	}
}
