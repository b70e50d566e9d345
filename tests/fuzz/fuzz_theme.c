/*
 * fuzz_theme.c — theme files: any text either loads or is refused with a
 * message, and a refused theme leaves the default in place.
 */
#include "fuzz.h"
#include "okr/theme.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	theme t;
	char err[1024] = "";
	if (!theme_load_string(&t, text, "fuzz.theme", err, sizeof err))
		FUZZ_CHECK(err[0] != '\0');
	free(text);
	return 0;
}
