/*
 * cmd_log.c — okr log [ID] [--person P] [--since DATE] [--limit N] [--json]:
 * the audit trail, newest first — who changed what and when — for one
 * objective (with its key results), key result or KPI, or for everything.
 * The words come from core/audit.c, shared with the TUI's history view.
 * Times are UTC, like the rest of the command line's output.
 */
#include <stdio.h>
#include <string.h>

#include "okr/audit.h"
#include "okr/cli.h"
#include "okr/i18n.h"
#include "okr/parse.h"

static const char usage[] = "[ID] [--person P] [--since YYYY-MM-DD] [--limit N] [--json]";

static void when(okr_time t, char *buf, size_t len)
{
	char d[11];
	okr_format_date(okr_day_of(t), d);
	long s = (long)(((t % 86400) + 86400) % 86400);
	snprintf(buf, len, "%s %02ld:%02ld", d, s / 3600, s / 60 % 60);
}

/* The item named on the command line must exist: a typo is "not found",
 * not an empty history. */
static int item_of(cli_ctx *ctx, const char *arg, okr_audit_query *q)
{
	okr_id_kind kind;
	int rc = cli_id(arg, ID_NONE, &kind, &q->id);
	if (rc)
		return rc;
	okr_result r;
	if (kind == ID_OBJECTIVE) {
		okr_objective o;
		if (!(r = okr_store_objective(ctx->store, q->id, &o)))
			okr_objective_free(&o);
		q->kind = 'O';
	} else if (kind == ID_KR) {
		okr_kr k;
		if (!(r = okr_store_kr(ctx->store, q->id, &k)))
			okr_kr_free(&k);
		q->kind = 'K';
	} else {
		okr_kpi k;
		if (!(r = okr_store_kpi(ctx->store, q->id, &k)))
			okr_kpi_free(&k);
		q->kind = 'P';
	}
	return r ? cli_store_fail(ctx, r) : 0;
}

static int person_of(cli_ctx *ctx, const char *login, okr_audit_query *q)
{
	if (*login == '@')
		login++;
	okr_person p;
	okr_result r = okr_store_person(ctx->store, login, &p);
	if (r)
		return cli_store_fail(ctx, r);
	okr_person_free(&p);
	q->person = login;
	return 0;
}

static void print_json(const okr_audit_entry *v, size_t n)
{
	json_out j;
	char ref[64], what[512];
	json_begin(&j, stdout);
	json_arr(&j, NULL);
	for (size_t i = 0; i < n; i++) {
		json_obj(&j, NULL);
		json_int(&j, "at", v[i].at);
		json_str(&j, "person", v[i].who);
		json_str(&j, "action", v[i].action);
		json_str(&j, "kind", okr_audit_kind_name(v[i].kind));
		json_str(&j, "ref", okr_audit_ref(&v[i], ref, sizeof ref));
		json_str(&j, "title", v[i].title);
		json_str(&j, "detail", v[i].detail);
		json_str(&j, "what", okr_audit_what(&v[i], what, sizeof what));
		json_end_obj(&j);
	}
	json_end_arr(&j);
	json_finish(&j);
}

static void print_human(const okr_audit_entry *v, size_t n)
{
	if (!n) {
		printf(_("No changes recorded for this.\n"));
		return;
	}
	for (size_t i = 0; i < n; i++) {
		char at[32], who[300], ref[64], what[512];
		when(v[i].at, at, sizeof at);
		snprintf(who, sizeof who, "@%s", v[i].who);
		printf("%s  ", at);
		cli_put(stdout, who, 12);
		printf("  ");
		cli_put(stdout, okr_audit_ref(&v[i], ref, sizeof ref), 8);
		printf("  ");
		cli_put(stdout, okr_audit_what(&v[i], what, sizeof what), -1);
		if (*v[i].title && strchr("OKP", v[i].kind)) {
			printf("  · ");
			cli_put(stdout, v[i].title, -1);
		}
		putchar('\n');
	}
}

int cmd_log(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "person", 'p', true }, { "since", 0, true }, { "limit", 'n', true },
					{ "json", 0, false }, { 0 } };
	cli_args a;
	int rc = cli_parse("log", usage, opts, argc, argv, 0, 1, &a);
	if (rc)
		return rc;
	okr_audit_query q = { 0 };
	const char *v;
	if (a.npos && (rc = item_of(ctx, a.pos[0], &q)))
		return rc;
	if ((v = cli_opt_get(opts, &a, "person")) && (rc = person_of(ctx, v, &q)))
		return rc;
	if ((v = cli_opt_get(opts, &a, "since"))) {
		okr_day d;
		if ((rc = cli_date("--since", v, &d)))
			return rc;
		q.since = okr_day_start(d);
	}
	if ((v = cli_opt_get(opts, &a, "limit"))) {
		long l;
		if (!okr_parse_int(v, 1, 1000000, &l))
			return cli_fail(OKR_E_USAGE, _("--limit takes a whole number from 1 to 1000000, not '%s'"), v);
		q.limit = (size_t)l;
	}
	okr_audit_entry *e;
	size_t n;
	okr_result r = okr_store_audit_list(ctx->store, &q, &e, &n);
	if (r)
		return cli_store_fail(ctx, r);
	if (cli_opt_get(opts, &a, "json"))
		print_json(e, n);
	else
		print_human(e, n);
	okr_audit_free(e, n);
	return 0;
}
