/*
 * cmd_objective.c — okr objective add|edit|archive|unarchive.  Archiving
 * asks first (archive_confirm.c) unless --yes.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "okr/cli.h"
#include "okr/i18n.h"
#include "okr/parse.h"

static const cli_opt opts[] = {
	{ "parent", 'p', true }, { "team", 't', true }, { "owner", 'o', true }, { "cycle", 'c', true },
	{ "aspirational", 0, false }, { "committed", 0, false }, { "description", 'd', true },
	{ "weight", 'w', true }, { "title", 0, true }, { "if-version", 0, true }, { "yes", 'y', false },
	{ "force", 0, false }, { 0 }
};

static const char usage_add[] = "add TITLE [--parent O1] [--team T] [--owner P] [--cycle C] "
				"[--aspirational] [--description D] [--weight W]";
static const char usage_edit[] = "edit ID [--title T] [--description D] [--owner P] [--team T] "
				 "[--parent ID|none] [--aspirational|--committed] [--weight W] [--if-version N]";

/* The options shared by add and edit, into an okr_objective_in. */
static int read_common(cli_ctx *ctx, const cli_args *a, okr_objective_in *in)
{
	const char *v;
	int rc;
	in->owner = cli_opt_get(opts, a, "owner");
	in->team = cli_opt_get(opts, a, "team");
	in->description = cli_opt_get(opts, a, "description");
	in->title = cli_opt_get(opts, a, "title") ? cli_opt_get(opts, a, "title") : in->title;
	if (cli_opt_get(opts, a, "aspirational"))
		in->kind = OBJ_ASPIRATIONAL;
	if (cli_opt_get(opts, a, "committed"))
		in->kind = OBJ_COMMITTED;
	if ((v = cli_opt_get(opts, a, "weight")) && (rc = cli_number("--weight", v, &in->weight)))
		return rc;
	if ((v = cli_opt_get(opts, a, "parent"))) {
		if (!strcmp(v, "none") || !*v)
			in->parent_id = 0;
		else if ((rc = cli_id(v, ID_OBJECTIVE, NULL, &in->parent_id)))
			return rc;
	}
	if ((v = cli_opt_get(opts, a, "cycle"))) {
		okr_cycle c;
		if ((rc = cli_cycle(ctx, v, &c)))
			return rc;
		in->cycle_id = c.id;
		okr_cycle_free(&c);
	}
	return 0;
}

static int obj_add(cli_ctx *ctx, int argc, char **argv)
{
	cli_args a;
	okr_objective_in in = okr_objective_in_none();
	int64_t id;
	int rc;
	if ((rc = cli_parse("objective", usage_add, opts, argc, argv, 1, 1, &a)))
		return rc;
	in.title = a.pos[0];
	if ((rc = read_common(ctx, &a, &in)))
		return rc;
	okr_result r = okr_store_objective_add(ctx->store, &in, &id);
	return r ? cli_store_fail(ctx, r) : cli_added(ctx, ID_OBJECTIVE, id);
}

/* edit and archive: both name the version they read. */
static int obj_change(cli_ctx *ctx, bool edit, int argc, char **argv)
{
	cli_args a;
	okr_objective_in in = okr_objective_in_none();
	int64_t id, version;
	int rc;
	if ((rc = cli_parse("objective", edit ? usage_edit : "archive ID [--if-version N] [--yes]", opts,
			    argc, argv, 1, 1, &a)))
		return rc;
	if ((rc = cli_id(a.pos[0], ID_OBJECTIVE, NULL, &id)) || (rc = cli_if_version(opts, &a, &version)))
		return rc;
	bool yes = cli_opt_get(opts, &a, "yes") || cli_opt_get(opts, &a, "force");
	if (!edit && (rc = cli_confirm_archive(ctx, 'O', id, yes)))
		return rc;
	if (edit && (rc = read_common(ctx, &a, &in)))
		return rc;
	okr_result r = edit ? okr_store_objective_edit(ctx->store, id, version, &in)
			    : okr_store_objective_archive(ctx->store, id, version);
	cli_made(ctx, ID_OBJECTIVE, id);
	return r ? cli_store_fail(ctx, r) : 0;
}

static int obj_edit(cli_ctx *ctx, int argc, char **argv)
{
	return obj_change(ctx, true, argc, argv);
}

static int obj_archive(cli_ctx *ctx, int argc, char **argv)
{
	return obj_change(ctx, false, argc, argv);
}

static int obj_unarchive(cli_ctx *ctx, int argc, char **argv)
{
	return cli_on_id(ctx, "objective", "unarchive ID", opts, ID_OBJECTIVE, okr_store_objective_unarchive, argc,
			 argv);
}

int cmd_objective(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", obj_add }, { "edit", obj_edit }, { "archive", obj_archive }, { "unarchive", obj_unarchive },
		{ NULL, NULL },
	};
	return cli_run_sub(ctx, "objective", subs, argc, argv);
}
