/*
 * pq_load.c — libpq loaded at the first connection to a server (pq_load.h
 * says why): dlopen of its stable soname, then every function the engine
 * calls looked up once.
 *
 * Loading takes 5 ms (the dynamic loader binds some twenty libraries), a
 * quarter of a whole `okr checkin` on a server.  main() knows the target
 * from --db or $OKR_DB before it reads the configuration, and asks for the
 * load then (okr_store_preload): it runs on a thread of its own while the
 * main one reads okr.conf and the catalogue, and pq_load waits for it.  One
 * pthread_once makes the load happen once whoever comes first.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#include "okr/i18n.h"
#include "pq_load.h"

pq_api pq;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static enum { LOADED = 1, MISSING, TOO_OLD } state;

static void load(void)
{
	void *h = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
	state = h ? LOADED : MISSING;
#define PQ_LOOKUP(f) \
	if (state == LOADED && !(*(void **)(&pq.p_##f) = dlsym(h, #f))) \
		state = TOO_OLD;
	PQ_FUNCS(PQ_LOOKUP)
#undef PQ_LOOKUP
}

bool pq_load(char *err, size_t len)
{
	pthread_once(&once, load);
	/* in the language the main thread has set by now */
	if (state != LOADED)
		snprintf(err, len, "%s", state == TOO_OLD ? _("the installed libpq is older than version 14, which okr needs")
			 : _("PostgreSQL support needs libpq5 (version 14 or later): apt-get install libpq5"));
	return state == LOADED;
}

static void *load_thread(void *arg)
{
	(void)arg;
	pthread_once(&once, load);
	return NULL;
}

void pq_preload(void)
{
	pthread_t t;
	pthread_attr_t a;
	if (pthread_attr_init(&a) != 0)
		return;
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	/* Without a thread, pq_load does the work when it is asked. */
	(void)pthread_create(&t, &a, load_thread, NULL);
	pthread_attr_destroy(&a);
}
