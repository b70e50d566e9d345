/*
 * fuzz_json.c — the JSON reader behind `okr import`: any bytes are parsed
 * or refused with a message, and what it parses is freed whole.
 */
#include "fuzz.h"
#include "okr/jsonp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jsonp_value v;
	char err[256] = "";
	if (jsonp_parse((const char *)data, size, &v, err, sizeof err))
		jsonp_free(&v);
	else
		FUZZ_CHECK(err[0] != '\0');
	return 0;
}
