/*
 * cmd_kr.c — okr kr add|edit|archive|unarchive|approve.  Archiving asks
 * first (archive_confirm.c) unless --yes.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "okr/cli.h"
#include "okr/i18n.h"
#include "okr/parse.h"

static const cli_opt opts[] = {
	{ "target", 0, true }, { "start", 0, true }, { "unit", 'u', true }, { "at-least", 0, true },
	{ "at-most", 0, true }, { "milestone", 0, false }, { "owner", 'o', true }, { "weight", 'w', true },
	{ "due", 0, true }, { "every", 0, true }, { "title", 0, true }, { "if-version", 0, true },
	{ "yes", 'y', false }, { "force", 0, false }, { 0 }
};

static const char usage_add[] = "add OBJECTIVE TITLE (--target N [--start N] [--unit U] | --at-least N | "
				"--at-most N | --milestone) [--owner P] [--weight W] [--due DATE] [--every F]";
static const char usage_edit[] = "edit KR [--title T] [--owner P] [--target N] [--start N] [--unit U] "
				 "[--at-least N|--at-most N] [--weight W] [--due DATE] [--every F] [--if-version N]";

/* Decimals the person wrote: "0.5" → 1, so values show as typed. */
static int typed_decimals(const char *s)
{
	const char *dot = s ? strchr(s, '.') : NULL;
	if (!dot)
		return 0;
	int n = 0;
	for (const char *p = dot + 1; *p >= '0' && *p <= '9'; p++)
		n++;
	return n > 4 ? 4 : n;
}

static int read_opts(const cli_args *a, okr_kr_in *in, bool adding)
{
	const char *v;
	int rc, kinds = 0, dec = -1;
	if ((v = cli_opt_get(opts, a, "target"))) {
		kinds++;
		in->type = KR_METRIC;
		if ((rc = cli_number("--target", v, &in->target)))
			return rc;
		dec = typed_decimals(v);
	}
	const char *names[] = { "at-least", "at-most" };
	for (int i = 0; i < 2; i++)
		if ((v = cli_opt_get(opts, a, names[i]))) {
			kinds++;
			in->type = KR_THRESHOLD;
			in->dir = i ? DIR_AT_MOST : DIR_AT_LEAST;
			if ((rc = cli_number(i ? "--at-most" : "--at-least", v, &in->target)))
				return rc;
			dec = typed_decimals(v);
		}
	if (cli_opt_get(opts, a, "milestone")) {
		kinds++;
		in->type = KR_MILESTONE;
	}
	if (kinds > 1)
		return cli_fail(OKR_E_USAGE, _("give only one of --target, --at-least, --at-most, --milestone"));
	if (adding && kinds == 0)
		return cli_fail(OKR_E_USAGE, _("say how the key result is measured: --target N (from --start, "
					       "default 0), --at-least N, --at-most N, or --milestone"));
	if ((v = cli_opt_get(opts, a, "start"))) {
		if (adding && in->type != KR_METRIC)
			return cli_fail(OKR_E_USAGE, _("--start goes with --target (a metric key result)"));
		if ((rc = cli_number("--start", v, &in->start)))
			return rc;
		if (typed_decimals(v) > dec)
			dec = typed_decimals(v);
	}
	if (dec >= 0)
		in->decimals = dec;
	in->unit = cli_opt_get(opts, a, "unit");
	in->owner = cli_opt_get(opts, a, "owner");
	if (cli_opt_get(opts, a, "title"))
		in->title = cli_opt_get(opts, a, "title");
	if ((v = cli_opt_get(opts, a, "weight")) && (rc = cli_number("--weight", v, &in->weight)))
		return rc;
	if ((v = cli_opt_get(opts, a, "due")) && (rc = cli_date("--due", v, &in->due)))
		return rc;
	if ((v = cli_opt_get(opts, a, "every")) && (rc = cli_frequency(v, &in->every)))
		return rc;
	return 0;
}

static int kr_add(cli_ctx *ctx, int argc, char **argv)
{
	cli_args a;
	okr_kr_in in = okr_kr_in_none();
	int64_t id;
	int rc;
	if ((rc = cli_parse("kr", usage_add, opts, argc, argv, 2, 2, &a)))
		return rc;
	if ((rc = cli_id(a.pos[0], ID_OBJECTIVE, NULL, &in.objective_id)))
		return rc;
	in.title = a.pos[1];
	if ((rc = read_opts(&a, &in, true)))
		return rc;
	okr_result r = okr_store_kr_add(ctx->store, &in, &id);
	return r ? cli_store_fail(ctx, r) : cli_added(ctx, ID_KR, id);
}

/* edit and archive: both name the version they read. */
static int kr_change(cli_ctx *ctx, bool edit, int argc, char **argv)
{
	cli_args a;
	okr_kr_in in = okr_kr_in_none();
	int64_t id, version;
	int rc;
	if ((rc = cli_parse("kr", edit ? usage_edit : "archive KR [--if-version N] [--yes]", opts, argc, argv, 1, 1,
			    &a)))
		return rc;
	if ((rc = cli_id(a.pos[0], ID_KR, NULL, &id)) || (rc = cli_if_version(opts, &a, &version)))
		return rc;
	if (edit) {
		if ((rc = read_opts(&a, &in, false)))
			return rc;
		if (cli_opt_get(opts, &a, "milestone"))
			return cli_fail(OKR_E_USAGE, _("a key result's type cannot change — archive it and add "
						       "a new one"));
	}
	if (!edit && (rc = cli_confirm_archive(ctx, 'K', id,
					       cli_opt_get(opts, &a, "yes") || cli_opt_get(opts, &a, "force"))))
		return rc;
	okr_result r = edit ? okr_store_kr_edit(ctx->store, id, version, &in)
			    : okr_store_kr_archive(ctx->store, id, version);
	cli_made(ctx, ID_KR, id);
	return r ? cli_store_fail(ctx, r) : 0;
}

static int kr_edit(cli_ctx *ctx, int argc, char **argv)
{
	return kr_change(ctx, true, argc, argv);
}

static int kr_archive(cli_ctx *ctx, int argc, char **argv)
{
	return kr_change(ctx, false, argc, argv);
}

static int kr_approve(cli_ctx *ctx, int argc, char **argv)
{
	cli_args a;
	int64_t id;
	char idbuf[24];
	int rc;
	if ((rc = cli_parse("kr", "approve KR", opts, argc, argv, 1, 1, &a)) || (rc = cli_id(a.pos[0], ID_KR, NULL, &id)))
		return rc;
	okr_result r = okr_store_kr_approve(ctx->store, id);
	if (r)
		return cli_store_fail(ctx, r);
	printf(_("%s approved: its progress now earns points\n"), okr_format_id(ID_KR, id, idbuf, sizeof idbuf));
	return 0;
}

static int kr_unarchive(cli_ctx *ctx, int argc, char **argv)
{
	return cli_on_id(ctx, "kr", "unarchive KR", opts, ID_KR, okr_store_kr_unarchive, argc, argv);
}

int cmd_kr(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", kr_add }, { "edit", kr_edit }, { "archive", kr_archive }, { "approve", kr_approve },
		{ "unarchive", kr_unarchive }, { NULL, NULL },
	};
	return cli_run_sub(ctx, "kr", subs, argc, argv);
}
