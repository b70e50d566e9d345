/*
 * cmd_people.c — okr person add|role|name|opt-out and okr team add|join.
 */
#include <stdio.h>
#include <string.h>

#include "okr/cli.h"
#include "okr/i18n.h"

int cmd_person(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "name", 'n', true }, { "role", 'r', true }, { 0 } };
	const char *sub = argc > 0 ? argv[0] : "";
	cli_args a;
	int rc;
	okr_result r;
	if (!strcmp(sub, "add")) {
		if ((rc = cli_parse("person", "add LOGIN [--name NAME] [--role R]", opts, argc - 1,
				    argv + 1, 1, 1, &a)))
			return rc;
		const char *want = cli_opt_get(opts, &a, "role");
		int role = ROLE_MEMBER;
		if (want && !okr_wire_find(&okr_roles, want, &role))
			return cli_fail(OKR_E_USAGE, _("a role is member, lead or admin"));
		r = okr_store_person_add_as(ctx->store, a.pos[0], cli_opt_get(opts, &a, "name"), (okr_role)role);
	} else if (!strcmp(sub, "role")) {
		if ((rc = cli_parse("person", "role LOGIN member|lead|admin", NULL, argc - 1, argv + 1, 2, 2, &a)))
			return rc;
		int role;
		if (!okr_wire_find(&okr_roles, a.pos[1], &role))
			return cli_fail(OKR_E_USAGE, _("a role is member, lead or admin"));
		r = okr_store_person_set_role(ctx->store, a.pos[0], (okr_role)role);
	} else if (!strcmp(sub, "name")) {
		if ((rc = cli_parse("person", "name LOGIN NAME", NULL, argc - 1, argv + 1, 2, 2, &a)))
			return rc;
		r = okr_store_person_set_name(ctx->store, a.pos[0], a.pos[1]);
	} else if (!strcmp(sub, "opt-out")) {
		if ((rc = cli_parse("person", "opt-out yes|no", NULL, argc - 1, argv + 1, 1, 1, &a)))
			return rc;
		bool yes = !strcmp(a.pos[0], "yes");
		if (!yes && strcmp(a.pos[0], "no"))
			return cli_fail(OKR_E_USAGE, _("opt-out takes yes (hide me from the leaderboard) or no (show me)"));
		r = okr_store_person_set_opt_out(ctx->store, ctx->login, yes);
		a.pos[0] = (char *)ctx->login;
	} else {
		return cli_usage_fail("person", sub);
	}
	cli_made_named(ctx, 'P', a.pos[0]);
	return r ? cli_store_fail(ctx, r) : 0;
}

int cmd_team(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "parent", 'p', true }, { 0 } };
	const char *sub = argc > 0 ? argv[0] : "";
	cli_args a;
	int rc;
	okr_result r;
	if (!strcmp(sub, "add")) {
		if ((rc = cli_parse("team", "add NAME [--parent TEAM]", opts, argc - 1, argv + 1, 1, 1, &a)))
			return rc;
		r = okr_store_team_add(ctx->store, a.pos[0], cli_opt_get(opts, &a, "parent"));
		cli_made_named(ctx, 'T', a.pos[0]);
	} else if (!strcmp(sub, "join")) {
		if ((rc = cli_parse("team", "join TEAM [LOGIN]", NULL, argc - 1, argv + 1, 1, 2, &a)))
			return rc;
		r = okr_store_team_join(ctx->store, a.pos[0], a.npos > 1 ? a.pos[1] : ctx->login);
		cli_made_named(ctx, 'P', a.npos > 1 ? a.pos[1] : ctx->login);
	} else {
		return cli_usage_fail("team", sub);
	}
	return r ? cli_store_fail(ctx, r) : 0;
}
