/*
 * csv_text.c — text in okr's CSV files without raw control bytes, restored
 * exactly by okr's import.
 *
 * A CSV file is opened in spreadsheets and shown with cat; an ESC, a BEL, a
 * C1 control, a bidi override or a stray byte that is not UTF-8 must not
 * reach either raw.  Such a field is written as "'\" and then the text with
 * those characters as \u{1b} (a stray byte as \x{9b}) and every backslash
 * doubled.  The leading quote makes a spreadsheet show the cell as text; a
 * field that itself begins with '\ is written the same way, so the import can
 * tell the two apart.  Tab and line breaks are ordinary text and stay.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exchange.h"
#include "okr/text.h"
#include "okr/util.h"

static bool unsafe_at(const char *s, size_t len, size_t *n, uint32_t *cp)
{
	*n = text_decode(s, len, cp);
	bool stray = *cp == 0xFFFD && *n == 1;
	return stray || (text_cp_is_unsafe(*cp) && *cp != '\t' && *cp != '\n' && *cp != '\r');
}

static bool needs_escape(const char *s)
{
	if (s[0] == '\'' && s[1] == '\\')
		return true;
	for (size_t len = strlen(s), i = 0, n; i < len; i += n) {
		uint32_t cp;
		if (unsafe_at(s + i, len - i, &n, &cp))
			return true;
	}
	return false;
}

char *csv_text_encode(const char *s)
{
	if (!s)
		return NULL;
	if (!needs_escape(s))
		return okr_xstrdup(s);
	okr_buf b;
	okr_buf_init(&b);
	okr_buf_add(&b, "'\\");
	for (size_t len = strlen(s), i = 0, n; i < len; i += n) {
		uint32_t cp;
		if (!unsafe_at(s + i, len - i, &n, &cp))
			okr_buf_addn(&b, s + i, n);
		else if (cp == 0xFFFD && n == 1)
			okr_buf_printf(&b, "\\x{%02x}", (unsigned char)s[i]);
		else
			okr_buf_printf(&b, "\\u{%x}", (unsigned)cp);
		if (n == 1 && s[i] == '\\')
			okr_buf_addc(&b, '\\');
	}
	char *out = okr_buf_take(&b);
	okr_buf_free(&b);
	return out;
}

/* The number in "{hex}" at p, and where it ends (after the brace), or NULL. */
static const char *braced_hex(const char *p, unsigned long *v)
{
	if (*p != '{')
		return NULL;
	char *end;
	*v = strtoul(p + 1, &end, 16);
	return end > p + 1 && *end == '}' && end - p <= 9 ? end + 1 : NULL;
}

void csv_text_decode(char *s)
{
	if (s[0] != '\'' || s[1] != '\\')
		return;
	char *w = s;
	for (const char *p = s + 2; *p;) {
		unsigned long v;
		const char *next;
		if (p[0] == '\\' && p[1] == '\\') {
			*w++ = '\\';
			p += 2;
		} else if (p[0] == '\\' && p[1] == 'x' && (next = braced_hex(p + 2, &v)) && v <= 0xFF) {
			*w++ = (char)v;
			p = next;
		} else if (p[0] == '\\' && p[1] == 'u' && (next = braced_hex(p + 2, &v)) && v <= 0x10FFFF &&
			   !(v >= 0xD800 && v <= 0xDFFF)) {
			/* Never longer than its escape: "\u{1b}" is 6 bytes for 1. */
			w += text_encode((uint32_t)v, w);
			p = next;
		} else {
			*w++ = *p++;
		}
	}
	*w = '\0';
}
