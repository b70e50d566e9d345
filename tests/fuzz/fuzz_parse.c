/*
 * fuzz_parse.c — the value, date and ID parsers people type into: a value
 * they accept is finite, and a date or ID they accept prints back as text
 * that parses to the same thing.
 */
#include <math.h>

#include "fuzz.h"
#include "okr/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_text(data, size);
	double v;
	if (okr_parse_number(s, &v))
		FUZZ_CHECK(isfinite(v));
	long n;
	if (okr_parse_int(s, -1000, 1000, &n))
		FUZZ_CHECK(n >= -1000 && n <= 1000);
	okr_day d, again;
	if (okr_parse_date(s, &d)) {
		char buf[11];
		okr_format_date(d, buf);
		FUZZ_CHECK(okr_parse_date(buf, &again) && again == d);
	}
	int64_t id, id2;
	okr_id_kind kind = okr_parse_id(s, &id);
	if (kind != ID_NONE) {
		char buf[24];
		okr_format_id(kind, id, buf, sizeof buf);
		FUZZ_CHECK(okr_parse_id(buf, &id2) == kind && id2 == id);
	}
	free(s);
	return 0;
}
