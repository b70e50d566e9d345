/*
 * commands.c — the table of commands.  Adding one is a new cmd_*.c file that
 * defines its run function and one line here.
 */
#include <string.h>

#include "okr/cli.h"
#include "okr/i18n.h"

int cmd_tui(cli_ctx *, int, char **);
int cmd_init(cli_ctx *, int, char **);
int cmd_demo(cli_ctx *, int, char **);
int cmd_cycle(cli_ctx *, int, char **);
int cmd_objective(cli_ctx *, int, char **);
int cmd_kr(cli_ctx *, int, char **);
int cmd_checkin(cli_ctx *, int, char **);
int cmd_kpi(cli_ctx *, int, char **);
int cmd_comment(cli_ctx *, int, char **);
int cmd_kudos(cli_ctx *, int, char **);
int cmd_list(cli_ctx *, int, char **);
int cmd_show(cli_ctx *, int, char **);
int cmd_person(cli_ctx *, int, char **);
int cmd_team(cli_ctx *, int, char **);
int cmd_help(cli_ctx *, int, char **);
int cmd_due(cli_ctx *, int, char **);
int cmd_due_without_db(cli_ctx *, int, char **);
int cmd_grade(cli_ctx *, int, char **);
int cmd_export(cli_ctx *, int, char **);
int cmd_import(cli_ctx *, int, char **);
int cmd_board(cli_ctx *, int, char **);
int cmd_status(cli_ctx *, int, char **);
int cmd_review(cli_ctx *, int, char **);
int cmd_complete(cli_ctx *, int, char **);
int cmd_describe(cli_ctx *, int, char **);
int cmd_digest(cli_ctx *, int, char **);
int cmd_settings(cli_ctx *, int, char **);
int cmd_log(cli_ctx *, int, char **);

const cli_command cli_commands[] = {
	{ "tui", "", N_("the full-screen view (the default)"), CLI_DB_SELF, cmd_tui },
	{ "init", "[--shared]", N_("create the database (--shared: for a Unix group)"), CLI_DB_SELF, cmd_init },
	{ "demo", "", N_("create a demo database: a SaaS team, OKRs, KPIs, history"), CLI_DB_SELF, cmd_demo },
	{ "cycle", "add NAME --start YYYY-MM-DD --end YYYY-MM-DD | edit CYCLE [--name NAME] [--start YYYY-MM-DD] [--end YYYY-MM-DD] | list | current NAME | close CYCLE [--grade KR=SCORE[:NOTE]]... [--force]"
	  " | plan NEXT --from CURRENT [--only ID,...] [--dry-run] [--json]",
	  N_("manage cycles; plan copies objectives and key results into the next one"),
	  CLI_DB_WRITE, cmd_cycle },
	{ "objective", "add TITLE [--parent O1] [--team T] [--owner P] [--cycle C] [--aspirational] [--description D] [--weight W]"
	  " | edit ID [--title T] [--description D] [--owner P] [--team T] [--parent ID|none]"
	  " [--aspirational|--committed] [--weight W] [--if-version N] | archive ID [--if-version N] [--yes]"
	  " | unarchive ID", N_("add, edit, archive objectives (archive asks first; --yes for scripts)"),
	  CLI_DB_WRITE, cmd_objective },
	{ "kr", "add OBJECTIVE TITLE (--target N [--start N] [--unit U] | --at-least N | --at-most N | --milestone)"
	  " [--owner P] [--weight W] [--due DATE] [--every F] | edit KR [--title T] [--owner P] [--target N]"
	  " [--start N] [--unit U] [--at-least N|--at-most N] [--weight W] [--due DATE] [--every F] [--if-version N]"
	  " | archive KR [--if-version N] [--yes] | unarchive KR | approve KR",
	  N_("add, edit, archive, approve key results (archive asks first; --yes for scripts)"), CLI_DB_WRITE, cmd_kr },
	{ "checkin", "KR VALUE [--confidence 0-10] [-m NOTE] [--id UID] [--quiet]", N_("check in a key result"), CLI_DB_WRITE,
	  cmd_checkin },
	{ "kpi", "add NAME --target N (--at-least|--at-most) --source TEXT --every daily|weekly|monthly"
	  " [--timeframe TEXT] [--unit U] [--owner P] | push NAME VALUE [-m NOTE] [--id UID] | link KR KPI"
	  " | link KR --unlink | list [--json]", N_("KPIs and their values"),
	  CLI_DB_WRITE, cmd_kpi },
	{ "comment", "ID TEXT", N_("comment on an objective or key result"), CLI_DB_WRITE, cmd_comment },
	{ "kudos", "PERSON TEXT [--kr ID]", N_("recognise a teammate"), CLI_DB_WRITE, cmd_kudos },
	{ "list", "[--cycle C] [--team T] [--mine] [--unapproved] [--archived] [--people|--teams|--kpis] [--json]",
	  N_("list objectives and key results"), CLI_DB_READ, cmd_list },
	{ "show", "ID|PERSON [--points] [--json]", N_("show one objective, key result, KPI or person with its history"), CLI_DB_READ,
	  cmd_show },
	{ "person", "add LOGIN [--name NAME] [--role R] | role LOGIN member|lead|admin | name LOGIN NAME | opt-out yes|no",
	  N_("manage people"), CLI_DB_WRITE, cmd_person },
	{ "team", "add NAME [--parent TEAM] | join TEAM [LOGIN]", N_("manage teams"), CLI_DB_WRITE, cmd_team },
	{ "settings", "[show] [--json] | set KEY VALUE | import FILE",
	  N_("the team's settings: scoring rules, thresholds, time zone (leads change them)"), CLI_DB_WRITE,
	  cmd_settings },
	{ "due", "[--brief] [--team T] [--json]",
	  N_("what you owe: quiet key results, overdue KPI values, grades to give (--brief: one line for a "
	     "login shell; --team: who in a team is behind this week)"), CLI_DB_READ, cmd_due,
	  cmd_due_without_db },
	{ "grade", "KR SCORE [-m NOTE]", N_("grade a key result 0.0–1.0 (cycle close: okr cycle close C)"),
	  CLI_DB_WRITE, cmd_grade },
	{ "export", "--format md|csv|json [--cycle C] [--team T] [--table TABLE] [--bom]", N_("a review report, or everything for another tool"),
	  CLI_DB_READ, cmd_export },
	{ "import", "FILE [--dry-run] [--json]", N_("read an okr export (JSON or CSV) into the database"), CLI_DB_SELF,
	  cmd_import },
	{ "help", "[COMMAND]", N_("this list, or one command's usage"), CLI_DB_NONE, cmd_help },
	{ "board", "[--window week|cycle|all] [--teams] [--all] [--json] [--once]",
	  N_("the leaderboard: the top and your neighbourhood"), CLI_DB_READ, cmd_board },
	{ "status", "[--window week|cycle|all]", N_("one line for tmux status-right: rank, points, team"),
	  CLI_DB_READ, cmd_status },
	{ "review", "[--team T] [--cycle C] [--mine]", N_("review one key result at a time: check-ins, grades, a summary"),
	  CLI_DB_READ, cmd_review },
	{ "log", "[ID] [--person P] [--since YYYY-MM-DD] [--limit N] [--json]",
	  N_("who changed what and when: the audit trail, newest first"), CLI_DB_READ, cmd_log },
	{ "digest", "[--week DATE] [--team T] [--format md|text|json]",
	  N_("what moved in a week: check-ins, status changes, kudos, badges, movers, what is due — for cron"),
	  CLI_DB_READ, cmd_digest },
	/* For the shells' completion scripts and the man page generator: hidden. */
	{ "__complete", "WORD...", "", CLI_DB_NONE, cmd_complete },
	{ "__describe", "commands|forms|options|config", "", CLI_DB_NONE, cmd_describe },
	{ 0 }
};

const cli_command *cli_find(const char *name)
{
	for (const cli_command *c = cli_commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}
