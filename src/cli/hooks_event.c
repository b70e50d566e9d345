/*
 * hooks_event.c — the JSON a hook reads on standard input, and the store
 * listener that turns events into hook runs.  One object per event:
 *
 *   {"event": "checkin", "at": "2026-11-30T10:00:00Z", "person": "an",
 *    "kr": {"id": "K3", "title": …, "owner": …, "unit": …, "start": …, "target": …},
 *    "objective": {"id": "O1", "title": …},
 *    "value": 640, "confidence": 7, "note": …, "progress": 0.64, "before": 0.5,
 *    "checkin": 812}
 *
 * A celebration has the same fields and "mark" (0.7 or 1); a closed cycle
 * has "cycle": {"id", "name"}.  Field names never change with the language.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "okr/cli.h"
#include "okr/hooks.h"
#include "okr/parse.h"
#include "okr/util.h"

static const char *const event_names[] = { "checkin", "celebration", "cycle_closed" };

static void put_time(json_out *j, const char *key, okr_time t)
{
	char buf[32];
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	json_str(j, key, buf);
}

static void put_kr(json_out *j, const okr_event *ev)
{
	char id[24];
	json_obj(j, "kr");
	json_str(j, "id", okr_format_id(ID_KR, ev->kr.id, id, sizeof id));
	json_str(j, "title", ev->kr.title);
	json_str(j, "owner", ev->kr.owner);
	json_str(j, "unit", ev->kr.unit);
	if (ev->kr.type == KR_METRIC)
		json_num(j, "start", ev->kr.start);
	if (ev->kr.type != KR_MILESTONE)
		json_num(j, "target", ev->kr.target);
	json_end_obj(j);
	json_obj(j, "objective");
	json_str(j, "id", okr_format_id(ID_OBJECTIVE, ev->kr.objective_id, id, sizeof id));
	json_str(j, "title", ev->objective);
	json_end_obj(j);
	json_num(j, "value", ev->value);
	json_confidence(j, "confidence", ev->confidence);
	json_str(j, "note", ev->note);
	json_num(j, "progress", ev->progress);
	json_num(j, "before", ev->before);
	json_int(j, "checkin", ev->checkin_id);
	if (ev->kind == OKR_EVENT_CELEBRATION)
		json_num(j, "mark", ev->mark);
}

char *hooks_event_json(const okr_event *ev)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return okr_xstrdup("{}\n");
	json_out j;
	json_begin(&j, f);
	json_obj(&j, NULL);
	json_str(&j, "event", event_names[ev->kind]);
	put_time(&j, "at", ev->at);
	json_str(&j, "person", ev->who);
	if (ev->kind == OKR_EVENT_CYCLE_CLOSED) {
		json_obj(&j, "cycle");
		json_int(&j, "id", ev->cycle_id);
		json_str(&j, "name", ev->cycle);
		json_end_obj(&j);
	} else {
		put_kr(&j, ev);
	}
	json_end_obj(&j);
	json_finish(&j);
	fclose(f);
	return buf ? buf : okr_xstrdup("{}\n");
}

static void on_event(void *ctx, const okr_event *ev)
{
	const okr_config *cfg = ctx;
	const char *cmd = ev->kind == OKR_EVENT_CHECKIN ? cfg->hooks.checkin
			: ev->kind == OKR_EVENT_CELEBRATION ? cfg->hooks.celebration : cfg->hooks.cycle_closed;
	if (!cmd[0])
		return;
	char *json = hooks_event_json(ev);
	hooks_spawn(cfg, event_names[ev->kind], cmd, json);
	free(json);
}

/* A hook that runs okr (to comment, or check in something else) must not
 * start the hooks again: inside one, $OKR_HOOK_EVENT is set and okr runs
 * none, so a hook can never call itself for ever. */
void hooks_attach(const okr_config *cfg, okr_store *s)
{
	const char *inside = getenv("OKR_HOOK_EVENT");
	if (inside && *inside)
		return;
	if (s && (cfg->hooks.checkin[0] || cfg->hooks.celebration[0] || cfg->hooks.cycle_closed[0]))
		okr_store_on_event(s, on_event, (void *)cfg);
}
