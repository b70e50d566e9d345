/*
 * parse.c — see parse.h.
 *
 * The program calls setlocale(LC_ALL, "") so that ncursesw speaks UTF-8, and
 * that also hands LC_NUMERIC to the user: under de_DE strtod stops at "1.5"
 * and printf writes "1,5".  Numbers typed into okr, written to its database
 * and exported must not change meaning with the terminal's locale, so the
 * grammar is checked here by hand and the one step that needs correct
 * rounding (decimal text ↔ binary double) runs with the "C" locale switched
 * in for this thread only (uselocale, POSIX 2008).
 */
#include <inttypes.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/util.h"

enum { SECONDS_PER_DAY = 86400 };
/* Longer than any number a person types: text beyond it is refused rather
 * than copied to the heap. */
enum { NUMBER_MAX = 512 };

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static char ascii_upper(char c)
{
	return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

/* The "C" locale, made once.  A race between two first callers costs one
 * leaked locale object, never a wrong answer; okr draws from one thread. */
static locale_t c_locale(void)
{
	static locale_t loc = (locale_t)0;
	if (loc == (locale_t)0)
		loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	return loc;
}

/* Trim blanks: [*b, *e) is what is left. */
static void trim(const char *s, const char **b, const char **e)
{
	const char *p = s, *q = s + strlen(s);
	while (p < q && is_blank(*p))
		p++;
	while (q > p && is_blank(q[-1]))
		q--;
	*b = p;
	*e = q;
}

/* The strict grammar: [sign] (digits [. digits*] | . digits) [e [sign] digits].
 * Anything strtod would also take (hex, inf, nan, a locale's radix) fails. */
static bool number_grammar(const char *p, const char *e)
{
	if (p < e && (*p == '+' || *p == '-'))
		p++;
	size_t int_digits = 0, frac_digits = 0;
	while (p < e && is_digit(*p)) {
		p++;
		int_digits++;
	}
	if (p < e && *p == '.') {
		p++;
		while (p < e && is_digit(*p)) {
			p++;
			frac_digits++;
		}
	}
	if (int_digits + frac_digits == 0)
		return false;
	if (p < e && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < e && (*p == '+' || *p == '-'))
			p++;
		if (p == e || !is_digit(*p))
			return false;
		while (p < e && is_digit(*p))
			p++;
	}
	return p == e;
}

bool okr_number_has_decimal_comma(const char *s)
{
	const char *comma = s ? strchr(s, ',') : NULL;
	if (!comma || strchr(comma + 1, ',') || comma == s || !comma[1])
		return false;
	char buf[64];
	size_t n = strlen(s);
	if (n >= sizeof buf)
		return false;
	memcpy(buf, s, n + 1);
	buf[comma - s] = '.';
	double v;
	return okr_parse_number(buf, &v);
}

bool okr_parse_number(const char *s, double *out)
{
	if (!s)
		return false;
	const char *b, *e;
	trim(s, &b, &e);
	size_t n = (size_t)(e - b);
	if (n == 0 || n >= NUMBER_MAX || !number_grammar(b, e))
		return false;

	char tmp[NUMBER_MAX];
	memcpy(tmp, b, n);
	tmp[n] = '\0';

	locale_t c = c_locale();
	if (c == (locale_t)0)
		return false;
	locale_t old = uselocale(c);
	char *end;
	double v = strtod(tmp, &end);
	uselocale(old);

	/* Underflow to zero or a subnormal is the nearest value there is and is
	 * kept; only an overflow to infinity is refused. */
	if (end != tmp + n || !isfinite(v))
		return false;
	if (v == 0)
		v = 0;   /* "-0" is stored and shown as 0 */
	if (out)
		*out = v;
	return true;
}

bool okr_parse_int(const char *s, long lo, long hi, long *out)
{
	if (!s)
		return false;
	const char *p, *e;
	trim(s, &p, &e);
	bool neg = false;
	if (p < e && (*p == '+' || *p == '-'))
		neg = *p++ == '-';
	if (p == e)
		return false;
	/* Accumulate toward the negative side, which has room for LONG_MIN. */
	long v = 0;
	for (; p < e; p++) {
		if (!is_digit(*p))
			return false;
		int d = *p - '0';
		if (v < (LONG_MIN + d) / 10)
			return false;
		v = v * 10 - d;
	}
	if (!neg) {
		if (v == LONG_MIN)
			return false;
		v = -v;
	}
	if (v < lo || v > hi)
		return false;
	if (out)
		*out = v;
	return true;
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar.  The year
 * is taken to start on 1 March so that the leap day is the last day of its
 * year; then a 400-year era has a fixed length and everything is integer
 * arithmetic.  Only called with y >= 0, so division truncates like floor. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	if (m <= 2)
		y--;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;                        /* 0..399 */
	int64_t mp = (m + 9) % 12;                          /* March = 0 */
	int64_t doy = (153 * mp + 2) / 5 + d - 1;           /* 0..365 */
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* 0..146096 */
	return era * 146097 + doe - 719468;  /* 719468: 0000-03-01 → 1970-01-01 */
}

/* The inverse of days_from_civil. */
static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(int y, int m)
{
	static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : len[m - 1];
}

static bool fixed_digits(const char *p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!is_digit(p[i]))
			return false;
		v = v * 10 + (p[i] - '0');
	}
	*out = v;
	return true;
}

bool okr_parse_date(const char *s, okr_day *out)
{
	int y, m, d;
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	if (!fixed_digits(s, 4, &y) || !fixed_digits(s + 5, 2, &m) ||
	    !fixed_digits(s + 8, 2, &d))
		return false;
	if (y < 1970 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return false;
	if (out)
		*out = (okr_day)days_from_civil(y, m, d);
	return true;
}

static void put_digits(char *p, int v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* Days whose year has no four-digit form are written as question marks so that
 * the output is always ten characters and never mistaken for a real date. */
void okr_format_date(okr_day day, char out[static 11])
{
	int64_t y;
	int m, d;
	civil_from_days(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		memcpy(out, "\?\?\?\?-\?\?-\?\?", 11);   /* no trigraphs */
		return;
	}
	put_digits(out, (int)y, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	out[7] = '-';
	put_digits(out + 8, d, 2);
	out[10] = '\0';
}

okr_day okr_day_of(okr_time t)
{
	okr_time q = t / SECONDS_PER_DAY;
	if (t % SECONDS_PER_DAY < 0)
		q--;   /* floor, so 1969-12-31 23:59:59 is day -1 */
	return (okr_day)q;
}

okr_time okr_day_start(okr_day d)
{
	return (okr_time)d * SECONDS_PER_DAY;
}

okr_id_kind okr_parse_id(const char *s, int64_t *id)
{
	okr_id_kind kind = ID_NONE;
	const char *p = s;
	if (id)
		*id = 0;
	if (!s)
		return ID_NONE;
	if (ascii_upper(p[0]) == 'K' && ascii_upper(p[1]) == 'P' &&
	    ascii_upper(p[2]) == 'I') {
		kind = ID_KPI;
		p += 3;
	} else if (ascii_upper(p[0]) == 'K') {
		kind = ID_KR;
		p++;
	} else if (ascii_upper(p[0]) == 'O') {
		kind = ID_OBJECTIVE;
		p++;
	} else {
		return ID_NONE;
	}
	if (!is_digit(*p))
		return ID_NONE;
	int64_t v = 0;
	for (; *p; p++) {
		if (!is_digit(*p))
			return ID_NONE;
		int d = *p - '0';
		if (v > (INT64_MAX - d) / 10)
			return ID_NONE;
		v = v * 10 + d;
	}
	if (v < 1)
		return ID_NONE;
	if (id)
		*id = v;
	return kind;
}

const char *okr_format_id(okr_id_kind kind, int64_t id, char *buf, size_t len)
{
	const char *prefix = kind == ID_OBJECTIVE ? "O" : kind == ID_KR ? "K" :
			     kind == ID_KPI ? "KPI" : NULL;
	if (!buf || len == 0)
		return "";
	if (!prefix)
		buf[0] = '\0';
	else
		snprintf(buf, len, "%s%" PRId64, prefix, id);
	return buf;
}

/* printf's %f in the C locale whatever LC_NUMERIC says; "-0" loses its sign. */
static void format_fixed(double v, int decimals, char *buf, size_t len)
{
	locale_t c = c_locale();
	if (c) {
		locale_t old = uselocale(c);
		snprintf(buf, len, "%.*f", decimals, v);
		uselocale(old);
	} else {
		/* No C locale object (out of memory): mend the one thing
		 * LC_NUMERIC changes in %f, the radix, by hand. */
		char tmp[400];
		snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
		const char *radix = localeconv()->decimal_point;
		char *at = radix && *radix ? strstr(tmp, radix) : NULL;
		if (at) {
			*at = '.';
			size_t rl = strlen(radix);
			memmove(at + 1, at + rl, strlen(at + rl) + 1);
		}
		okr_strlcpy(buf, tmp, len);
	}

	/* Rounding can leave "-0" or "-0.00": a sign on nothing reads as a
	 * value below zero that is not there. */
	if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
		memmove(buf, buf + 1, strlen(buf));
}

static int clamp_decimals(int d)
{
	return d < 0 ? 0 : d > OKR_VALUE_DECIMALS_MAX ? OKR_VALUE_DECIMALS_MAX : d;
}

/* What both formatters show without formatting: nothing without a buffer,
 * and not a number as an em dash, the same mark as "no status".  NULL when
 * v is a number to format. */
static const char *unformatted(double v, char *buf, size_t len)
{
	if (!buf || len == 0)
		return "";
	if (!isfinite(v)) {
		okr_strlcpy(buf, "\xe2\x80\x94", len);
		return buf;
	}
	return NULL;
}

const char *okr_format_rounded(double v, int decimals, char *buf, size_t len)
{
	const char *plain = unformatted(v, buf, len);
	if (plain)
		return plain;
	format_fixed(v, clamp_decimals(decimals), buf, len);
	return buf;
}

/* Printed at the cap, then trailing zeros dropped back to the minimum: 0.8
 * with a minimum of 0 is "0.8", 3.75 with a minimum of 1 is "3.75", 5 with a
 * minimum of 2 is "5.00".  Six places hold every value a person types into a
 * key result; the digits beyond are binary noise (0.1 + 0.2). */
const char *okr_format_value(double v, int decimals, char *buf, size_t len)
{
	const char *plain = unformatted(v, buf, len);
	if (plain)
		return plain;
	int min = clamp_decimals(decimals);
	/* A double holds 15 significant digits: past them the places are
	 * noise, so a large value gets fewer (never fewer than its minimum). */
	int whole = fabs(v) >= 1 ? (int)floor(log10(fabs(v))) + 1 : 1;
	int places = 15 - whole < OKR_VALUE_DECIMALS_MAX ? 15 - whole : OKR_VALUE_DECIMALS_MAX;
	char tmp[400];
	format_fixed(v, places > min ? places : min, tmp, sizeof tmp);
	char *dot = strchr(tmp, '.');
	if (dot) {
		char *end = tmp + strlen(tmp);
		while (end > dot + 1 + min && end[-1] == '0')
			*--end = '\0';
		if (end == dot + 1)
			*dot = '\0';
	}
	okr_strlcpy(buf, tmp, len);
	return buf;
}

const char *okr_frequency_name(okr_frequency f)
{
	return okr_label_msgid(&okr_frequencies, f >= FREQ_DAILY && f <= FREQ_MONTHLY ? f : FREQ_WEEKLY);
}
