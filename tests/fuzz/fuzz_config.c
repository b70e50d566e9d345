/*
 * fuzz_config.c — okr.conf text through libconfig and okr's checks: never a
 * crash, and a refusal always says something.
 */
#include "fuzz.h"
#include "okr/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	okr_config cfg;
	char err[1024] = "";
	if (!okr_config_load_string(&cfg, text, "fuzz.conf", err, sizeof err))
		FUZZ_CHECK(err[0] != '\0');
	free(text);
	return 0;
}
