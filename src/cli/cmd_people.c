/*
 * cmd_people.c — okr person add|role|name|opt-out and okr team add|join.
 */
#include <stdio.h>
#include <string.h>

#include "okr/cli.h"
#include "okr/i18n.h"

static const cli_opt person_opts[] = { { "name", 'n', true }, { "role", 'r', true }, { 0 } };

/* A role as typed: member, lead or admin. */
static int read_role(const char *s, okr_role *role)
{
	int v;
	if (!okr_wire_find(&okr_roles, s, &v))
		return cli_fail(OKR_E_USAGE, _("a role is member, lead or admin"));
	*role = (okr_role)v;
	return 0;
}

/* The end of every person or team command: what it changed, for --json,
 * and the store's refusal if it refused. */
static int changed(cli_ctx *ctx, char what, const char *name, okr_result r)
{
	cli_made_named(ctx, what, name);
	return r ? cli_store_fail(ctx, r) : 0;
}

static int person_add(cli_ctx *ctx, int argc, char **argv)
{
	cli_args a;
	okr_role role = ROLE_MEMBER;
	const char *rs;
	int rc;
	if ((rc = cli_parse("person", "add LOGIN [--name NAME] [--role member|lead|admin]", person_opts, argc, argv,
			    1, 1, &a)))
		return rc;
	if ((rs = cli_opt_get(person_opts, &a, "role")) && (rc = read_role(rs, &role)))
		return rc;
	okr_result r = okr_store_person_add_as(ctx->store, a.pos[0], cli_opt_get(person_opts, &a, "name"), role);
	return changed(ctx, 'P', a.pos[0], r);
}

static int person_role(cli_ctx *ctx, int argc, char **argv)
{
	cli_args a;
	okr_role role = ROLE_MEMBER;
	int rc;
	if ((rc = cli_parse("person", "role LOGIN member|lead|admin", NULL, argc, argv, 2, 2, &a)) ||
	    (rc = read_role(a.pos[1], &role)))
		return rc;
	return changed(ctx, 'P', a.pos[0], okr_store_person_set_role(ctx->store, a.pos[0], role));
}

static int person_name(cli_ctx *ctx, int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse("person", "name LOGIN NAME", NULL, argc, argv, 2, 2, &a);
	if (rc)
		return rc;
	return changed(ctx, 'P', a.pos[0], okr_store_person_set_name(ctx->store, a.pos[0], a.pos[1]));
}

static int person_opt_out(cli_ctx *ctx, int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse("person", "opt-out yes|no", NULL, argc, argv, 1, 1, &a);
	if (rc)
		return rc;
	bool yes = !strcmp(a.pos[0], "yes");
	if (!yes && strcmp(a.pos[0], "no"))
		return cli_fail(OKR_E_USAGE, _("opt-out takes yes (hide me from the leaderboard) or no (show me)"));
	return changed(ctx, 'P', ctx->login, okr_store_person_set_opt_out(ctx->store, ctx->login, yes));
}

int cmd_person(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", person_add }, { "role", person_role }, { "name", person_name }, { "opt-out", person_opt_out },
		{ NULL, NULL },
	};
	return cli_run_sub(ctx, "person", subs, argc, argv);
}

static int team_add(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "parent", 'p', true }, { 0 } };
	cli_args a;
	int rc = cli_parse("team", "add NAME [--parent TEAM]", opts, argc, argv, 1, 1, &a);
	if (rc)
		return rc;
	return changed(ctx, 'T', a.pos[0], okr_store_team_add(ctx->store, a.pos[0], cli_opt_get(opts, &a, "parent")));
}

static int team_join(cli_ctx *ctx, int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse("team", "join TEAM [LOGIN]", NULL, argc, argv, 1, 2, &a);
	if (rc)
		return rc;
	const char *who = a.npos > 1 ? a.pos[1] : ctx->login;
	return changed(ctx, 'P', who, okr_store_team_join(ctx->store, a.pos[0], who));
}

int cmd_team(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = { { "add", team_add }, { "join", team_join }, { NULL, NULL } };
	return cli_run_sub(ctx, "team", subs, argc, argv);
}
