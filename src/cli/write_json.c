/*
 * write_json.c — `--json` on every write command (SPEC §6): the command runs
 * as it always does, its human text silenced, and then the item it made or
 * changed is printed in the words of `okr show --json` (docs/schema), so a
 * script reads one vocabulary whether it wrote or read.  A command says what
 * it touched with cli_made(); this file does the rest, so no command needs
 * its own JSON writer.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "okr/cli.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/util.h"

int cmd_show(cli_ctx *ctx, int argc, char **argv);

void cli_made(cli_ctx *ctx, okr_id_kind kind, int64_t id)
{
	ctx->made_kind = kind;
	ctx->made_id = id;
	ctx->made_what = 0;
}

void cli_made_named(cli_ctx *ctx, char what, const char *name)
{
	ctx->made_kind = ID_NONE;
	ctx->made_what = what;
	okr_strlcpy(ctx->made_name, name, sizeof ctx->made_name);
}

bool cli_command_writes(const cli_command *c)
{
	return c->db == CLI_DB_WRITE || !strcmp(c->name, "init") || !strcmp(c->name, "demo");
}

bool cli_write_json_wanted(const cli_command *c, int *argc, char **argv)
{
	if (!cli_command_writes(c))
		return false;
	int at = -1;
	for (int i = 0; i < *argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--json"))
			at = i;
	if (at < 0)
		return false;
	/* `okr kpi list --json` is the command's own, and so is `okr settings
	 * --json`, whose sub-command word is optional ("[show] [--json]"): when
	 * argv names no sub-command, any form with a --json of its own counts. */
	cli_form f;
	bool named = false;
	for (int i = 0; *argc > 0 && cli_usage_form(c->args, i, &f); i++)
		named = named || (f.sub[0] && !strcmp(f.sub, argv[0]));
	for (int i = 0; cli_usage_form(c->args, i, &f); i++) {
		bool meant = !named || !strcmp(f.sub, argv[0]);
		if (!meant)
			continue;
		for (int k = 0; k < f.nopts; k++)
			if (!strcmp(f.opts[k].name, "--json"))
				return false;
	}
	/* Every --json goes, not only the last: `--json --json` (an alias
	 * plus a habit) must not leave one for the command to call unknown. */
	for (int i = at; i >= 0; i--) {
		if (strcmp(argv[i], "--json"))
			continue;
		memmove(argv + i, argv + i + 1, (size_t)(*argc - i) * sizeof *argv);
		(*argc)--;
	}
	return true;
}

void cli_json_cycle(json_out *j, const okr_cycle *c)
{
	char s[11], e[11];
	json_str(j, "name", c->name);
	okr_format_date(c->start, s);
	okr_format_date(c->end, e);
	json_str(j, "start", s);
	json_str(j, "end", e);
}

void cli_json_objective_head(json_out *j, const okr_objective *o)
{
	char id[24];
	json_str(j, "id", okr_format_id(ID_OBJECTIVE, o->id, id, sizeof id));
	json_str(j, "title", o->title);
	json_str(j, "description", o->description);
	json_str(j, "owner", o->owner);
	json_str(j, "team", o->team);
}

static void print_cycle(cli_ctx *ctx)
{
	okr_cycle c;
	if (okr_store_cycle_by_name(ctx->store, ctx->made_name, &c) != OKR_OK)
		return;
	json_out j;
	json_begin(&j, stdout);
	json_obj(&j, NULL);
	cli_json_cycle(&j, &c);
	json_end_obj(&j);
	json_finish(&j);
	okr_cycle_free(&c);
}

/* okr init and okr demo made a database: where it is, its schema, whether
 * it is shared, and the cycle it is in today when it has one (the demo's),
 * so a script can go on from there without parsing the human text. */
static void print_database(cli_ctx *ctx)
{
	json_out j;
	json_begin(&j, stdout);
	json_obj(&j, NULL);
	json_str(&j, "database", ctx->made_name);
	json_int(&j, "schema", okr_store_schema_version());
	json_bool(&j, "shared", ctx->made_shared);
	okr_cycle c;
	if (ctx->store && okr_store_current_cycle(ctx->store, &c) == OKR_OK) {
		json_obj(&j, "cycle");
		cli_json_cycle(&j, &c);
		json_end_obj(&j);
		okr_cycle_free(&c);
	}
	json_end_obj(&j);
	json_finish(&j);
}

static int print_made(cli_ctx *ctx)
{
	char id[32];
	char *argv[] = { id, "--json", NULL };
	if (ctx->made_kind != ID_NONE) {
		okr_format_id(ctx->made_kind, ctx->made_id, id, sizeof id);
		return cmd_show(ctx, 2, argv);
	}
	if (ctx->made_what == 'P') {
		okr_strlcpy(id, ctx->made_name, sizeof id);
		return cmd_show(ctx, 2, argv);
	}
	if (ctx->made_what == 'C') {
		print_cycle(ctx);
	} else if (ctx->made_what == 'D') {
		print_database(ctx);
	} else if (ctx->made_what == 'T') {
		json_out j;
		json_begin(&j, stdout);
		json_obj(&j, NULL);
		json_str(&j, "name", ctx->made_name);
		json_end_obj(&j);
		json_finish(&j);
	}
	return 0;
}

int cli_write_json_run(cli_ctx *ctx, const cli_command *c, int argc, char **argv)
{
	fflush(stdout);
	int saved = dup(STDOUT_FILENO);
	int null = open("/dev/null", O_WRONLY);
	if (saved < 0 || null < 0)
		return cli_fail(OKR_E_FAIL, _("cannot set the output aside for --json"));
	dup2(null, STDOUT_FILENO);
	close(null);
	int rc = c->run(ctx, argc, argv);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	return rc ? rc : print_made(ctx);
}
