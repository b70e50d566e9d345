/*
 * cmd_import.c — okr import FILE [--dry-run]: an export (JSON or CSV) read
 * back into the database as one transaction, so a bad file changes nothing.
 *
 * Problems in the file are reported by line (CSV) or path (JSON) with what is
 * wrong, up to twenty at a time, and the exit code is 2.  The dry run makes
 * the same writes and rolls them back, so what it lists is exactly what a real
 * run would do; on a database that does not exist yet it works on a
 * scratch copy and leaves no file behind.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export.h"
#include "import.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/text.h"
#include "okr/util.h"

static const char usage[] = "FILE [--dry-run] [--json]   (FILE: an `okr export --format json|csv`; - reads stdin)";

static void fit(const char *s, int cols)
{
	char *t = text_fit(s, cols, NULL);
	fputs(t, stdout);
	free(t);
}

static const struct { const char *one, *many; } counted[LOAD_NKINDS] = {
	{ NP_("%zu cycle", "%zu cycles") }, { NP_("%zu team", "%zu teams") },
	{ NP_("%zu person", "%zu people") }, { NP_("%zu team membership", "%zu team memberships") },
	{ NP_("%zu KPI", "%zu KPIs") }, { NP_("%zu objective", "%zu objectives") },
	{ NP_("%zu key result", "%zu key results") }, { NP_("%zu check-in", "%zu check-ins") },
	{ NP_("%zu KPI value", "%zu KPI values") }, { NP_("%zu comment", "%zu comments") },
	{ NP_("%zu kudos", "%zu kudos") }, { NP_("%zu grade", "%zu grades") }
};

/* What a person recognises a record by, sanitised for the terminal. */
static void label(const okr_dump *d, okr_load_kind k, size_t i)
{
	char id[24];
	switch (k) {
	case LOAD_CYCLE: cli_put(stdout, d->cycles[i].name, -1); break;
	case LOAD_TEAM: cli_put(stdout, d->teams[i].name, -1); break;
	case LOAD_PERSON: cli_put(stdout, d->people[i].login, -1); break;
	case LOAD_KPI:
		printf("%s ", okr_format_id(ID_KPI, d->kpis[i].id, id, sizeof id));
		fit(d->kpis[i].name, 50);
		break;
	case LOAD_OBJECTIVE:
		printf("%s ", okr_format_id(ID_OBJECTIVE, d->objs[i].id, id, sizeof id));
		fit(d->objs[i].title, 50);
		break;
	case LOAD_KR:
		printf("%s ", okr_format_id(ID_KR, d->krs[i].id, id, sizeof id));
		fit(d->krs[i].title, 50);
		break;
	default: break;
	}
}

static void report(const x_file *f, const okr_load_report *rep, bool dry)
{
	static const okr_id_kind idk[LOAD_NKINDS] = { [LOAD_KPI] = ID_KPI, [LOAD_OBJECTIVE] = ID_OBJECTIVE,
						       [LOAD_KR] = ID_KR };
	for (int k = LOAD_CYCLE; k <= LOAD_KR; k++) {
		if (k == LOAD_MEMBER)
			continue;
		for (size_t i = 0; i < export_count(&f->d, k); i++) {
			const okr_load_item *it = &rep->items[k][i];
			int64_t was = k == LOAD_KPI ? f->d.kpis[i].id : k == LOAD_OBJECTIVE ? f->d.objs[i].id
				: k == LOAD_KR ? f->d.krs[i].id : 0;
			if (!dry && (!was || was == it->id))
				continue;   /* a real run names only what was renumbered */
			fputs("  ", stdout);
			cli_cell(stdout, it->created ? _("add") : _("keep"), 5, TEXT_ALIGN_LEFT);
			fputs(" ", stdout);
			cli_cell(stdout, _(okr_load_kind_name(k)), 10, TEXT_ALIGN_LEFT);
			fputs(" ", stdout);
			label(&f->d, k, i);
			if (was && it->id != was) {
				char id[24];
				printf(it->created ? _("  → now %s") : _("  (already there as %s)"),
				       okr_format_id(idk[k], it->id, id, sizeof id));
			}
			putchar('\n');
		}
	}
	printf(dry ? _("Would add") : _("Added"));
	bool any = false;
	for (int k = 0; k < LOAD_NKINDS; k++) {
		if (!rep->created[k] && !rep->kept[k])
			continue;
		/* TRANSLATORS: between the counts of "Added 1 cycle, 2 objectives." */
		fputs(any ? _(", ") : " ", stdout);
		printf(ngettext(counted[k].one, counted[k].many, rep->created[k]), rep->created[k]);
		if (rep->kept[k])
			printf(_(" (%zu already there)"), rep->kept[k]);
		any = true;
	}
	/* TRANSLATORS: the full stop that ends "Added 1 cycle, 2 objectives." */
	fputs(any ? _(".\n") : _(" nothing.\n"), stdout);
}

/* --json: what was (or would be) added and kept, by the export's record
 * names, and the IDs that were renumbered (docs/schema/import.schema.json). */
static void report_json(const x_file *f, const okr_load_report *rep, bool dry)
{
	static const okr_id_kind idk[LOAD_NKINDS] = { [LOAD_KPI] = ID_KPI, [LOAD_OBJECTIVE] = ID_OBJECTIVE,
						       [LOAD_KR] = ID_KR };
	json_out j;
	json_begin(&j, stdout);
	json_obj(&j, NULL);
	json_bool(&j, "dry_run", dry);
	json_obj(&j, "added");
	for (int k = 0; k < LOAD_NKINDS; k++)
		json_int(&j, x_records[k].plural, (int64_t)rep->created[k]);
	json_end_obj(&j);
	json_obj(&j, "kept");
	for (int k = 0; k < LOAD_NKINDS; k++)
		json_int(&j, x_records[k].plural, (int64_t)rep->kept[k]);
	json_end_obj(&j);
	json_arr(&j, "renumbered");
	for (int k = LOAD_KPI; k <= LOAD_KR; k++)
		for (size_t i = 0; i < export_count(&f->d, k); i++) {
			int64_t was = k == LOAD_KPI ? f->d.kpis[i].id : k == LOAD_OBJECTIVE ? f->d.objs[i].id
				: f->d.krs[i].id;
			int64_t now = rep->items[k][i].id;
			if (!was || was == now)
				continue;
			char a[24], b[24];
			json_obj(&j, NULL);
			json_str(&j, "from", okr_format_id(idk[k], was, a, sizeof a));
			json_str(&j, "to", okr_format_id(idk[k], now, b, sizeof b));
			json_end_obj(&j);
		}
	json_end_arr(&j);
	json_end_obj(&j);
	json_finish(&j);
}

/* A dry run is a transaction rolled back; on a database that does not
 * exist yet it runs on an empty scratch one that vanishes with the handle. */
static int open_db(cli_ctx *ctx, bool dry, bool existed)
{
	char err[1024];
	int flags = dry ? (existed ? 0 : OKR_OPEN_SCRATCH) : OKR_OPEN_CREATE;
	okr_result r = cli_open(ctx, flags, err, sizeof err);
	return r ? cli_fail(r, "%s", err) : 0;
}

/* The problems found in the file, and that nothing was imported: exit 2. */
static int problems(const char *path, const import_errors *e)
{
	for (size_t i = 0; i < e->n && i < IMPORT_MAX_ERRORS; i++) {
		char *shown = text_sanitize(e->msg[i]);
		cli_fail(OKR_E_USAGE, "%s: %s", path, shown);
		free(shown);
	}
	if (e->n > IMPORT_MAX_ERRORS)
		cli_fail(OKR_E_USAGE, ngettext("… and %zu more problem", "… and %zu more problems",
					       e->n - IMPORT_MAX_ERRORS), e->n - IMPORT_MAX_ERRORS);
	cli_fail(OKR_E_USAGE, _("nothing was imported — fix the file and run the import again"));
	return OKR_E_USAGE;
}

static int load(cli_ctx *ctx, import_stream *st, bool dry, bool json, const import_errors *e)
{
	okr_load_report rep;
	x_file *f = &st->first;
	okr_result r = okr_store_load_stream(ctx->store, &f->d, import_stream_next, st, dry, &rep);
	int rc = 0;
	if (r && e->n) {
		rc = problems(st->path, e);
	} else if (r) {
		const x_file *at = st->in_parts ? &st->part : f;
		if (rep.fail_index >= 0)
			rc = cli_fail(r, _("%s: %s: %s — nothing was imported"), st->path,
				      at->where[rep.fail_kind][rep.fail_index], okr_store_error(ctx->store));
		else
			rc = cli_fail(r, _("%s — nothing was imported"), okr_store_error(ctx->store));
	} else if (json) {
		report_json(f, &rep, dry);
	} else {
		if (dry)
			cli_say(_("Dry run of importing %s into %s — nothing was written:\n"), st->path, ctx->db_path);
		report(f, &rep, dry);
	}
	okr_load_report_free(&rep);
	return rc;
}

int cmd_import(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "dry-run", 'n', false }, { "json", 0, false }, { 0 } };
	cli_args a;
	int rc = cli_parse("import", usage, opts, argc, argv, 1, 1, &a);
	if (rc)
		return rc;
	bool dry = cli_opt_get(opts, &a, "dry-run") != NULL, is_json = false;
	char err[1024];
	import_errors *e = okr_xcalloc(1, sizeof *e);
	import_stream st;
	if (!import_stream_open(&st, a.pos[0], e, &is_json, err, sizeof err)) {
		import_stream_close(&st);
		free(e);
		return cli_fail(OKR_E_USAGE, "%s", err);
	}
	/* Read as it comes, JSON or CSV: the first part now, the rest inside
	 * the store's transaction. */
	import_stream_first(&st);
	if (e->n) {
		rc = problems(a.pos[0], e);
		import_stream_close(&st);
		free(e);
		return rc;
	}
	bool existed = okr_store_exists(ctx->db_path);
	if (!(rc = open_db(ctx, dry, existed)))
		rc = load(ctx, &st, dry, cli_opt_get(opts, &a, "json") != NULL, e);
	import_stream_close(&st);
	free(e);
	if (rc && !existed && !dry && ctx->store) {
		/* A failed import into a new database leaves none behind. */
		okr_store_discard(ctx->store);
		ctx->store = NULL;
	}
	return rc;
}
