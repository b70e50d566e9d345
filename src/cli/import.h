/*
 * import.h — reading an export back (src/cli/import_read.c).
 */
#ifndef OKR_CLI_IMPORT_H
#define OKR_CLI_IMPORT_H

#include <stdarg.h>
#include "exchange.h"

enum { IMPORT_MAX_ERRORS = 20, IMPORT_MSG = 512 };

typedef struct {
	char msg[IMPORT_MAX_ERRORS][IMPORT_MSG];
	size_t n;          /* all problems found (only the first IMPORT_MAX_ERRORS kept) */
} import_errors;

/* JSON when the text starts with '{', CSV otherwise; then the references
 * are checked.  The problems found are in e (none: f is ready to load). */
void import_read(const char *text, size_t len, x_file *f, import_errors *e);

#endif
