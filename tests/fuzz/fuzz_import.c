/*
 * fuzz_import.c — a whole import file, JSON or CSV, as `okr import
 * --dry-run` takes it: read and checked, and when that finds nothing wrong,
 * loaded into a real (temporary) database and rolled back.  Problems are
 * counted and said, the dry run leaves the database as it was, and nothing
 * leaks or crashes.
 */
#include <unistd.h>

#include "fuzz.h"
#include "okr/dump.h"
#include "okr/store.h"
#include "../../src/cli/import.h"

static okr_store *db;
static char dir[64];

/* One database for the whole run, made on first use and removed at exit. */
static void cleanup(void)
{
	okr_store_close(db);
	const char *ext[] = { "", "-wal", "-shm", "-bell" };
	for (int i = 0; i < 4; i++) {
		char p[128];
		snprintf(p, sizeof p, "%s/fuzz.db%s", dir, ext[i]);
		unlink(p);
	}
	rmdir(dir);
}

static okr_store *store(void)
{
	if (db)
		return db;
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%.40s/okr-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	char path[128], err[512];
	if (!mkdtemp(dir))
		abort();
	snprintf(path, sizeof path, "%s/fuzz.db", dir);
	if (okr_store_open(path, OKR_OPEN_CREATE, "fuzz", &db, err, sizeof err) != OKR_OK) {
		fprintf(stderr, "fuzz_import: %s\n", err);
		abort();
	}
	atexit(cleanup);
	return db;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	x_file f;
	import_errors e;
	memset(&e, 0, sizeof e);
	x_file_init(&f);
	import_read(text, size, &f, &e);
	for (size_t i = 0; i < e.n && i < IMPORT_MAX_ERRORS; i++)
		FUZZ_CHECK(e.msg[i][0] != '\0');
	if (e.n == 0) {
		okr_store *s = store();
		int64_t before = okr_store_data_version(s);
		okr_load_report rep;
		okr_result r = okr_store_load(s, &f.d, true, &rep);
		if (r != OKR_OK)
			FUZZ_CHECK(okr_store_error(s)[0] != '\0');
		okr_load_report_free(&rep);
		FUZZ_CHECK(okr_store_data_version(s) == before);   /* a dry run writes nothing */
	}
	x_file_free(&f);
	free(text);
	return 0;
}
