/*
 * kr_values.c — the history of a key result's value, wherever it comes from
 * (SPEC §2: a key result that tracks a KPI takes its value from the KPI's
 * latest sample, so its history is the KPI's samples).
 */
#include <stdlib.h>

#include "okr/util.h"
#include "store_int.h"

okr_result okr_store_kr_values(okr_store *s, const okr_kr *kr, size_t limit, okr_checkin **out, size_t *n)
{
	if (!kr->kpi_id)
		return okr_store_checkins(s, kr->id, limit, out, n);
	okr_sample *v;
	size_t nv;
	okr_result r = okr_store_samples(s, kr->kpi_id, limit, &v, &nv);
	if (r)
		return r;
	okr_checkin *c = okr_xmalloc((nv + 1) * sizeof *c);
	for (size_t i = 0; i < nv; i++) {
		/* The strings move over: the samples' array is freed, not its strings. */
		c[i] = (okr_checkin){ .id = v[i].id, .kr_id = kr->id, .author = v[i].author, .value = v[i].value,
				      .confidence = -1, .note = v[i].note, .at = v[i].at, .uid = v[i].uid };
	}
	free(v);
	*out = c;
	*n = nv;
	return OKR_OK;
}
