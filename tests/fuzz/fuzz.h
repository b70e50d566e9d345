/*
 * fuzz.h — what every libFuzzer harness in tests/fuzz shares: the input as a
 * NUL-terminated string (the parsers take C strings or text with a length),
 * and a check that aborts, so that the fuzzer records the input, when a
 * promise a function makes does not hold.
 */
#ifndef OKR_FUZZ_H
#define OKR_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline char *fuzz_text(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#define FUZZ_CHECK(cond)                                                          \
	do {                                                                      \
		if (!(cond)) {                                                    \
			fprintf(stderr, "%s:%d: promise broken: %s\n", __FILE__, \
				__LINE__, #cond);                                 \
			abort();                                                  \
		}                                                                 \
	} while (0)

#endif
