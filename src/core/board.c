/*
 * board.c — the leaderboard's model (see board.h): names, the viewer's
 * rows and the time windows, from a snapshot and a score state.
 */
#include <stdio.h>
#include <string.h>

#include "okr/assess.h"
#include "okr/board.h"
#include "okr/i18n.h"
#include "okr/parse.h"

static const char *const window_words[] = { "week", "cycle", "all" };

int okr_board_window_parse(const char *s)
{
	for (int i = 0; i < 3; i++)
		if (strcmp(s, window_words[i]) == 0)
			return i;
	return -1;
}

const char *okr_board_window_word(score_window w)
{
	return window_words[w];
}

void okr_board_spans(const okr_board *b, int offset, score_window w, score_span *cur, score_span *prev)
{
	score_window_spans(b->now, offset, okr_board_week_start(b), w, okr_snapshot_cycle(&b->snap), cur, prev);
}

int okr_board_week_start(const okr_board *b)
{
	return b->st ? score_week_start(b->st) : 0;
}

const char *okr_board_window_label(const okr_board *bd, int offset, score_window w, char *buf, size_t len)
{
	char a[11], b[11];
	int ws = okr_board_week_start(bd);
	okr_day monday = score_week_first_day(score_week_of(bd->now, offset, ws), ws);
	const okr_cycle *cy = okr_snapshot_cycle(&bd->snap);
	if (w == SCORE_WINDOW_WEEK) {
		okr_format_date(monday, a);
		okr_format_date(monday + 6, b);
		snprintf(buf, len, _("this week, %s → %s"), a, b);
	} else if (w == SCORE_WINDOW_CYCLE && cy) {
		okr_format_date(cy->start, a);
		okr_format_date(cy->end, b);
		snprintf(buf, len, _("cycle %.40s, %s → %s"), cy->name, a, b);
	} else {
		snprintf(buf, len, "%s", _("all time"));
	}
	return buf;
}

const okr_person *okr_board_person(const okr_snapshot *snap, int64_t id)
{
	for (size_t i = 0; i < snap->npeople; i++)
		if (snap->people[i].id == id)
			return &snap->people[i];
	return NULL;
}

const okr_person *okr_board_login(const okr_snapshot *snap, const char *login)
{
	if (login[0] == '@')
		login++;
	for (size_t i = 0; i < snap->npeople; i++)
		if (strcmp(snap->people[i].login, login) == 0)
			return &snap->people[i];
	return NULL;
}

const char *okr_board_team(const okr_snapshot *snap, int64_t id)
{
	for (size_t i = 0; i < snap->nteams; i++)
		if (snap->teams[i].id == id)
			return snap->teams[i].name;
	return "?";
}

/* The store writes a person's teams as "A, B": a team matches as a whole
 * name, so that team "Ops" is not found inside "DevOps". */
bool okr_board_in_team(const okr_snapshot *snap, const char *teams, int64_t team)
{
	if (!teams)
		return false;
	const char *name = okr_board_team(snap, team);
	size_t n = strlen(name);
	for (const char *t = teams; n && (t = strstr(t, name)) != NULL; t += n)
		if ((t == teams || t[-1] == ' ' || t[-1] == ',') && (t[n] == '\0' || t[n] == ','))
			return true;
	return false;
}

bool okr_board_is_mine(const okr_board *b, bool teams, int64_t row_id)
{
	if (!teams)
		return row_id == b->me;
	const okr_person *me = okr_board_person(&b->snap, b->me);
	return me && okr_board_in_team(&b->snap, me->teams, row_id);
}
