/*
 * fuzz_text.c — the text module every byte from the database passes through
 * before a terminal: sanitised text holds no control character or invalid
 * UTF-8, and fitting, padding and wrapping never exceed the columns asked.
 */
#include "fuzz.h"
#include "okr/text.h"

static void no_controls(const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		FUZZ_CHECK(!(n == 1 && cp == 0xFFFD && (unsigned char)s[i] >= 0x80));   /* valid UTF-8 */
		FUZZ_CHECK(cp >= 0x20 && cp != 0x7f && !text_cp_is_unsafe(cp));
		i += n;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int cols = data[0] % 48;
	char *s = fuzz_text(data + 1, size - 1);
	char *t = text_sanitize(s);
	no_controls(t);
	FUZZ_CHECK(text_width(t) >= 0);
	free(t);
	int w = -1;
	t = text_fit(s, cols, &w);
	no_controls(t);
	FUZZ_CHECK(text_width(t) <= cols && w == text_width(t));
	free(t);
	t = text_pad(s, cols, 0);
	FUZZ_CHECK(text_width(t) == cols);
	free(t);
	char **lines = NULL;
	size_t n = text_wrap(s, cols ? cols : 1, &lines);
	for (size_t i = 0; i < n; i++)
		FUZZ_CHECK(text_width(lines[i]) <= (cols ? cols : 1));
	text_lines_free(lines, n);
	free(s);
	return 0;
}
