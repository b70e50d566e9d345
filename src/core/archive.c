/*
 * archive.c — see archive.h.  Every count is said with ngettext so that a
 * translation can put the number where its language wants it.
 */
#include <stdio.h>
#include <string.h>

#include "okr/archive.h"
#include "okr/i18n.h"

static void add(char *buf, size_t len, const char *s)
{
	size_t n = strlen(buf);
	if (n < len)
		snprintf(buf + n, len - n, "%s", s);
}

static const char *kept(const okr_archive_effect *e, char *buf, size_t len)
{
	char ci[96], co[96];
	snprintf(ci, sizeof ci, ngettext("%zu check-in", "%zu check-ins", e->checkins), e->checkins);
	snprintf(co, sizeof co, ngettext("%zu comment", "%zu comments", e->comments), e->comments);
	snprintf(buf, len, _("%s and %s are kept"), ci, co);
	return buf;
}

const char *okr_archive_effect_text(const okr_archive_effect *e, char *buf, size_t len)
{
	char part[256], k[200];
	if (e->kind == 'K') {
		snprintf(buf, len, _("Archive K%lld? It leaves O%lld, whose progress is then computed without it; "
				     "its %s; it can be brought back."), (long long)e->id, (long long)e->objective_id,
			 kept(e, k, sizeof k));
		return buf;
	}
	snprintf(buf, len, _("Archive O%lld? "), (long long)e->id);
	if (e->krs)
		snprintf(part, sizeof part, ngettext("Its key result goes with it; ", "Its %zu key results go with it; ",
						     e->krs), e->krs);
	else
		snprintf(part, sizeof part, "%s", _("It has no key results; "));
	add(buf, len, part);
	snprintf(part, sizeof part, _("%s; it can be brought back."), kept(e, k, sizeof k));
	add(buf, len, part);
	if (e->children) {
		snprintf(part, sizeof part, ngettext(" %zu objective aligned to it moves to the top level.",
						     " %zu objectives aligned to it move to the top level.", e->children),
			 e->children);
		add(buf, len, part);
	}
	return buf;
}
