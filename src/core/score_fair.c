/*
 * score_fair.c — the rule that keeps points fair (README, "Fair points"):
 * weights count relative to the other key results of the same objective.
 *
 * A weight says how much one key result matters beside its siblings; it is
 * not a multiplier of points.  So the weights of an objective's key results
 * are scaled to average 1: an objective's key results together pay at most
 * 100 × their number, however large anyone types a weight (a lone key result
 * with --weight 100 pays what one with weight 1 pays).  Key results set by
 * their owner alone pay nothing and take no share; archived ones keep their
 * share, so archiving a sibling never changes what the others paid.
 */
#include <math.h>

#include "score_int.h"

void score_fair_weights(score_state *s)
{
	for (size_t i = 0, j; i < s->nkrs; i = j) {
		int64_t obj = s->krs[s->by_objective[i]].k.objective_id;
		double sum = 0;
		size_t n = 0;
		for (j = i; j < s->nkrs && s->krs[s->by_objective[j]].k.objective_id == obj; j++) {
			const score_kr *k = &s->krs[s->by_objective[j]].k;
			if (!k->self_set) {
				sum += k->weight;
				n++;
			}
		}
		for (size_t t = i; t < j; t++) {
			score_kr *k = &s->krs[s->by_objective[t]].k;
			k->weight = k->self_set || !(sum > 0) ? 0 : k->weight * (double)n / sum;
		}
	}
}
