/*
 * audit.c — see audit.h.  The store records an action name and a short
 * detail (a value written with %.17g, a name); this is the one place that
 * turns them into words, so `okr log` and the TUI's history say the same.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/audit.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/util.h"

const char *okr_audit_kind_name(char kind)
{
	switch (kind) {
	case 'O': return "objective";
	case 'K': return "kr";
	case 'P': return "kpi";
	case 'C': return "cycle";
	case 'U': return "person";
	case 'T': return "team";
	case 'D': return "kudos";
	default: return "database";
	}
}

const char *okr_audit_ref(const okr_audit_entry *e, char *buf, size_t len)
{
	switch (e->kind) {
	case 'O': return okr_format_id(ID_OBJECTIVE, e->entity_id, buf, len);
	case 'K': return okr_format_id(ID_KR, e->entity_id, buf, len);
	case 'P': return okr_format_id(ID_KPI, e->entity_id, buf, len);
	case 'U':
		snprintf(buf, len, "@%s", e->title);
		return buf;
	case 'C':
	case 'T':
		okr_strlcpy(buf, e->title, len);
		return buf;
	default:
		okr_strlcpy(buf, "", len);
		return buf;
	}
}

/* A value the store wrote with %.17g, as a person would have typed it:
 * the shortest form that reads back the same ("0.1", not 0.10000000000000001). */
static const char *value_text(const char *s, char *buf, size_t len)
{
	double v;
	if (!okr_parse_number(s, &v)) {
		okr_strlcpy(buf, s, len);
		return buf;
	}
	for (int d = 0; d <= 17; d++) {
		snprintf(buf, len, "%.*f", d, v);
		double back;
		if (okr_parse_number(buf, &back) && back == v)
			break;
	}
	return buf;
}

/* The actions said in words of their own, with the detail (a name, a
 * grade) where the words have a %s. */
static const struct {
	const char *action, *words;
	bool detail;
} said[] = {
	{ "grade", N_("graded %s"), true },
	{ "archive", N_("archived"), false },
	{ "unarchive", N_("brought back from the archive"), false },
	{ "link", N_("linked to %s"), true },
	{ "comment", N_("commented"), false },
	{ "kudos", N_("gave kudos to @%s"), true },
	{ "current", N_("made it the current cycle"), false },
	{ "close", N_("closed the cycle"), false },
	{ "register", N_("first used okr"), false },
	{ "rename", N_("renamed to %s"), true },
	{ "role", N_("given the role %s"), true },
	{ "join", N_("@%s joined the team"), true },
	{ "import", N_("imported %s"), true },
};

const char *okr_audit_what(const okr_audit_entry *e, char *buf, size_t len)
{
	const char *a = e->action, *d = e->detail;
	char v[64];
	if (!strcmp(a, "checkin")) {
		const char *eq = strstr(d, " = ");
		snprintf(buf, len, _("checked in %s"), value_text(eq ? eq + 3 : d, v, sizeof v));
		return buf;
	}
	if (!strcmp(a, "push")) {
		snprintf(buf, len, _("pushed the value %s"), value_text(d, v, sizeof v));
		return buf;
	}
	if (!strcmp(a, "add")) {
		okr_strlcpy(buf, e->kind == 'U' ? _("added as a person") : _("added"), len);
		return buf;
	}
	if (!strcmp(a, "edit")) {
		if (e->kind == 'C' && *d)
			snprintf(buf, len, _("edited: %s"), d);
		else
			okr_strlcpy(buf, _("edited"), len);
		return buf;
	}
	if (!strcmp(a, "opt-out")) {
		okr_strlcpy(buf, !strcmp(d, "hidden") ? _("left the public leaderboard")
			    : _("came back to the public leaderboard"), len);
		return buf;
	}
	for (size_t i = 0; i < sizeof said / sizeof said[0]; i++) {
		if (strcmp(a, said[i].action))
			continue;
		if (said[i].detail)
			snprintf(buf, len, _(said[i].words), d);
		else
			okr_strlcpy(buf, _(said[i].words), len);
		return buf;
	}
	snprintf(buf, len, *d ? "%s %s" : "%s", a, d);
	return buf;
}

void okr_audit_free(okr_audit_entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].who);
		free(v[i].action);
		free(v[i].title);
		free(v[i].detail);
	}
	free(v);
}
