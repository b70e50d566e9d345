/*
 * fuzz_import.c — a whole import file, JSON or CSV, read and checked as
 * `okr import` does before anything is written: problems are counted and
 * said, and nothing leaks or crashes.
 */
#include "fuzz.h"
#include "../../src/cli/import.h"

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
	x_file_free(&f);
	free(text);
	return 0;
}
