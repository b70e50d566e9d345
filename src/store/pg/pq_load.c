/*
 * pq_load.c — libpq loaded at the first connection to a server (pq_load.h
 * says why): dlopen of its stable soname, then every function the engine
 * calls looked up once.
 */
#include <dlfcn.h>
#include <stdio.h>

#include "okr/i18n.h"
#include "pq_load.h"

pq_api pq;

bool pq_load(char *err, size_t len)
{
	static int state;   /* 0 not tried, 1 loaded, -1 missing */
	static char why[256];
	if (state == 0) {
		void *h = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
		state = h ? 1 : -1;
#define PQ_LOOKUP(f) \
		if (state == 1 && !(*(void **)(&pq.p_##f) = dlsym(h, #f))) \
			state = -1;
		PQ_FUNCS(PQ_LOOKUP)
#undef PQ_LOOKUP
		if (state < 0)
			snprintf(why, sizeof why, "%s", h ? _("the installed libpq is older than version 14, which okr needs")
				 : _("PostgreSQL support needs libpq5 (version 14 or later): apt-get install libpq5"));
	}
	if (state < 0)
		snprintf(err, len, "%s", why);
	return state > 0;
}
