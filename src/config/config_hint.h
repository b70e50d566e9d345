/*
 * config_hint.h — the parts of an okr.conf error message that tell a person
 * what to do: the text near a syntax error, the value that was found, the
 * setting they probably meant.  Internal to src/config.
 */
#ifndef OKR_CONFIG_HINT_H
#define OKR_CONFIG_HINT_H

#include <stdbool.h>
#include <stddef.h>
#include <libconfig.h>

/* The syntax error message is public: okr_config_syntax_message in
 * okr/config.h, as theme files use it too. */

/* The value of s as a person would write it: 5, 0.5, true, "fast" (made
 * printable and cut short), a group, a list; typed: as typed alone in a
 * form, text without the quotes (fast). */
void config_hint_value(char *out, size_t len, const config_setting_t *s, bool typed);

/* Of names[0..n) (reached by stride bytes from names, each a const char *),
 * the one closest to name if it is close enough to be a likely typo, else
 * NULL. */
const char *config_hint_nearest(const char *name, const void *names, size_t n, size_t stride);

#endif
