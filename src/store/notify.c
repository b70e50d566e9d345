/*
 * notify.c — events for listeners such as hooks (store.h okr_store_on_event).
 *
 * A write queues what it did while it runs; the queue is emptied when the
 * transaction rolls back or starts again after BUSY, and handed to the
 * listener only once COMMIT has succeeded, so a hook never hears of a
 * check-in that was not kept, nor twice of one that was retried.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/progress.h"
#include "okr/util.h"
#include "store_int.h"

okr_result okr_store_on_event(okr_store *s, void (*fn)(void *ctx, const okr_event *ev), void *ctx)
{
	s->on_event = fn;
	s->on_event_ctx = ctx;
	return OKR_OK;
}

static void event_free(okr_event *ev)
{
	free(ev->who);
	free(ev->objective);
	free(ev->note);
	free(ev->cycle);
	okr_kr_free(&ev->kr);
	memset(ev, 0, sizeof *ev);
}

void store_event_add(okr_store *s, okr_event *ev)
{
	okr_xgrow(&s->events, &s->cap_events, s->nevents + 1, sizeof *s->events);
	s->events[s->nevents++] = *ev;
	memset(ev, 0, sizeof *ev);
}

void store_events_drop(okr_store *s)
{
	for (size_t i = 0; i < s->nevents; i++)
		event_free(&s->events[i]);
	s->nevents = 0;
}

void store_events_deliver(okr_store *s)
{
	/* The listener may write (and so queue) again: hand out a private copy. */
	okr_event *v = s->events;
	size_t n = s->nevents;
	s->events = NULL;
	s->nevents = s->cap_events = 0;
	for (size_t i = 0; i < n; i++) {
		if (s->on_event)
			s->on_event(s->on_event_ctx, &v[i]);
		event_free(&v[i]);
	}
	free(v);
}
