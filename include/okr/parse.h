/*
 * parse.h — strict readers for what people type: numbers, dates, typed IDs.
 * Each accepts the whole string or nothing; none depends on the locale.
 */
#ifndef OKR_PARSE_H
#define OKR_PARSE_H

#include <stddef.h>
#include "okr/model.h"

/* A finite decimal number: optional sign, digits, optional fraction and
 * exponent, surrounding blanks allowed.  Refuses "", "12abc", "NaN", "inf",
 * "1e999" (overflow), "0x10" and the locale's decimal comma. */
bool okr_parse_number(const char *s, double *out);
/* Whether s is a number written with a decimal comma ("3,5", "-0,75"):
 * refused like any other bad number, but with its own message, because in
 * Vietnamese and many other locales that is how people write it. */
bool okr_number_has_decimal_comma(const char *s);

/* An integer in [lo, hi]. */
bool okr_parse_int(const char *s, long lo, long hi, long *out);

/* YYYY-MM-DD, a real calendar date. */
bool okr_parse_date(const char *s, okr_day *out);
/* Writes YYYY-MM-DD (11 bytes with the NUL). */
void okr_format_date(okr_day d, char out[static 11]);

okr_day okr_day_of(okr_time t);            /* UTC day containing t */
okr_time okr_day_start(okr_day d);         /* 00:00 UTC of day d */

/* O12, K34, KPI3 (case-insensitive).  Returns ID_NONE for anything else. */
okr_id_kind okr_parse_id(const char *s, int64_t *id);
/* Writes the typed ID into buf (at least 24 bytes). */
const char *okr_format_id(okr_id_kind kind, int64_t id, char *buf, size_t len);

/* daily, weekly, monthly: the word okr.conf, the CLI and exports use (shown
 * to people through _()). */
const char *okr_frequency_name(okr_frequency f);

enum { OKR_VALUE_DECIMALS_MAX = 6 };

/* A value as it was entered: at least `decimals` places (a key result's own
 * decimals), more when the value has them, up to OKR_VALUE_DECIMALS_MAX, no
 * trailing zeros beyond the minimum.  The one formatter for every number a
 * person typed (check-ins, targets, KPI samples), in every front end. */
const char *okr_format_value(double v, int decimals, char *buf, size_t len);
/* A computed number (a forecast, a rate) rounded to exactly `decimals`. */
const char *okr_format_rounded(double v, int decimals, char *buf, size_t len);

#endif
