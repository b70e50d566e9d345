/*
 * common.c — what every command shares: reading values people type, and
 * printing errors and database text safely.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "okr/cli.h"
#include "okr/fold.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/text.h"
#include "okr/util.h"

/* Messages quote what was typed and what the database holds (a name, a
 * title), so the whole message goes through the text module: an escape
 * sequence in an argument or a record is shown, never acted on by the
 * terminal (SPEC §5, §9).  Newlines and tabs of the message itself stay. */
static void say(FILE *f, const char *prefix, const char *suffix, const char *fmt, va_list ap)
{
	okr_buf b;
	okr_buf_init(&b);
	okr_buf_vprintf(&b, fmt, ap);
	char *safe = text_sanitize_flags(b.s, TEXT_KEEP_NEWLINES | TEXT_TABS_TO_SPACE);
	fprintf(f, "%s%s%s", prefix, safe, suffix);
	free(safe);
	okr_buf_free(&b);
}

int cli_fail(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say(stderr, "okr: ", "\n", fmt, ap);
	va_end(ap);
	return code;
}

int cli_store_fail(cli_ctx *ctx, int code)
{
	return cli_fail(code, "%s", okr_store_error(ctx->store));
}

int cli_run_sub(cli_ctx *ctx, const char *command, const cli_sub *subs, int argc, char **argv)
{
	const char *sub = argc > 0 ? argv[0] : "";
	for (const cli_sub *c = subs; c->name; c++)
		if (!strcmp(sub, c->name))
			return c->run(ctx, argc - 1, argv + 1);
	return cli_usage_fail(command, sub);
}

int cli_if_version(const cli_opt *opts, const cli_args *a, int64_t *version)
{
	const char *s = cli_opt_get(opts, a, "if-version");
	long n = 0;
	*version = 0;
	if (s && !okr_parse_int(s, 1, 2000000000L, &n))
		return cli_fail(OKR_E_USAGE, _("--if-version takes the version number that `okr show` printed"));
	*version = n;
	return 0;
}

int cli_added(cli_ctx *ctx, okr_id_kind kind, int64_t id)
{
	char idbuf[24];
	cli_made(ctx, kind, id);
	printf("%s\n", okr_format_id(kind, id, idbuf, sizeof idbuf));
	return 0;
}

int cli_on_id(cli_ctx *ctx, const char *cmd, const char *usage, const cli_opt *opts, okr_id_kind kind,
	      okr_result (*write)(okr_store *s, int64_t id), int argc, char **argv)
{
	cli_args a;
	int64_t id;
	int rc;
	if ((rc = cli_parse(cmd, usage, opts, argc, argv, 1, 1, &a)) || (rc = cli_id(a.pos[0], kind, NULL, &id)))
		return rc;
	okr_result r = write(ctx->store, id);
	return r ? cli_store_fail(ctx, r) : 0;
}

/* The same for a line on stdout that quotes a path or argument. */
void cli_say(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say(stdout, "", "", fmt, ap);
	va_end(ap);
}

/* Quote what the person typed, made safe for the terminal. */
static char *shown(const char *s)
{
	return text_fit(s ? s : "", 40, NULL);
}

int cli_number(const char *what, const char *s, double *out)
{
	if (okr_parse_number(s, out) && fabs(*out) <= 1e15)
		return OKR_OK;
	char *q = shown(s);
	if (okr_number_has_decimal_comma(s)) {
		/* The number as it should be written, to copy. */
		char fixed[64];
		okr_strlcpy(fixed, q, sizeof fixed);
		char *comma = strchr(fixed, ',');
		if (comma)
			*comma = '.';
		int r = cli_fail(OKR_E_USAGE, _("'%s' is not a usable number for %s — write a plain decimal number "
						"with a decimal point: %s, not %s"), q, what, fixed, q);
		free(q);
		return r;
	}
	int r = cli_fail(OKR_E_USAGE, _("'%s' is not a usable number for %s — write a plain decimal number "
					"such as 42, -3 or 0.75 (at most 1e15; no units, NaN or inf)"), q, what);
	free(q);
	return r;
}

int cli_confidence(const char *s, int *out)
{
	long v;
	if (okr_parse_int(s, 0, 10, &v)) {
		*out = (int)v;
		return OKR_OK;
	}
	char *q = shown(s);
	int r = cli_fail(OKR_E_USAGE, _("'%s' is not a confidence — give a whole number from 0 (no chance) "
					"to 10 (certain)"), q);
	free(q);
	return r;
}

int cli_date(const char *what, const char *s, okr_day *out)
{
	if (okr_parse_date(s, out))
		return OKR_OK;
	char *q = shown(s);
	int r = cli_fail(OKR_E_USAGE, _("'%s' is not a date for %s — write it as YYYY-MM-DD, e.g. 2026-10-01"),
			 q, what);
	free(q);
	return r;
}

int cli_frequency(const char *s, int *out)
{
	if (okr_wire_find(&okr_frequencies, s, out))
		return OKR_OK;
	char *q = shown(s);
	int r = cli_fail(OKR_E_USAGE, _("'%s' is not a frequency — use daily, weekly or monthly"), q);
	free(q);
	return r;
}

int cli_id(const char *s, okr_id_kind want, okr_id_kind *kind, int64_t *id)
{
	okr_id_kind k = okr_parse_id(s, id);
	if (kind)
		*kind = k;
	if (k != ID_NONE && (want == ID_NONE || k == want))
		return OKR_OK;
	char *q = shown(s);
	const char *hint = want == ID_OBJECTIVE ? _("an objective ID such as O12")
		: want == ID_KR ? _("a key result ID such as K34")
		: want == ID_KPI ? _("a KPI ID such as KPI3")
		: _("an ID such as O12, K34 or KPI3");
	int r = cli_fail(k == ID_NONE ? OKR_E_USAGE : OKR_E_USAGE,
			 _("'%s' is not %s — `okr list` shows the IDs"), q, hint);
	free(q);
	return r;
}

const char *cli_team_pick(const okr_snapshot *snap, const char *typed)
{
	const char *found = NULL;
	size_t n = 0;
	for (size_t i = 0; i < snap->nteams; i++)
		if (!strcmp(snap->teams[i].name, typed))
			return snap->teams[i].name;
	for (size_t i = 0; i < snap->nteams; i++)
		if (okr_fold_equal(snap->teams[i].name, typed)) {
			found = snap->teams[i].name;
			n++;
		}
	return n == 1 ? found : NULL;
}

int cli_cycle(cli_ctx *ctx, const char *name, okr_cycle *out)
{
	okr_result r = name ? okr_store_cycle_by_name(ctx->store, name, out)
			    : okr_store_current_cycle(ctx->store, out);
	return r ? cli_store_fail(ctx, r) : OKR_OK;
}

/* A terminal whose locale is not UTF-8 gets titles, names and bars as
 * ASCII of the same width (text_ascii.c) instead of mojibake; a pipe gets
 * the bytes as they are, whatever the locale, for the tools reading it. */
static bool ascii_terminal(FILE *f)
{
	return !okr_i18n_utf8() && isatty(fileno(f));
}

static void put_owned(FILE *f, char *t)
{
	if (ascii_terminal(f)) {
		char *a = text_ascii(t);
		free(t);
		t = a;
	}
	fputs(t, f);
	free(t);
}

void cli_put(FILE *f, const char *s, int cols)
{
	put_owned(f, cols < 0 ? text_sanitize(s ? s : "") : text_pad(s ? s : "", cols, TEXT_ALIGN_LEFT));
}

void cli_cell(FILE *f, const char *s, int cols, int align)
{
	int w = text_width(s ? s : "");
	put_owned(f, text_pad(s ? s : "", w > cols ? w : cols, align));
}

void cli_bar(FILE *f, double p, int cols)
{
	if (!isfinite(p) || p < 0)
		p = 0;
	if (p > 1)
		p = 1;
	int full = (int)lround(p * cols);
	for (int i = 0; i < cols; i++)
		fputs(ascii_terminal(f) ? (i < full ? "#" : ".") : i < full ? "█" : "░", f);
}

/* A retried write (`--id`) that was already stored: said on stdout, exit 0,
 * so a script's log shows the retry was recognised rather than lost. */
void cli_already_recorded(const char *id)
{
	char *safe = text_sanitize(id ? id : "");
	printf(_("already recorded (--id %s): nothing added\n"), safe);
	free(safe);
}
