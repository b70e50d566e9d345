/*
 * fuzz_keys.c — key names from okr.conf and the key map: any text is
 * judged without a crash by both, and a key's canonical name parses back to
 * the same key.  The two do not yet agree on every name (the first runs of
 * this harness found "f12", which only the key map takes, and a lone
 * combining mark, which only the config check takes); that is left to the
 * key map's owner, so only the names both take are compared.
 */
#include "fuzz.h"
#include "okr/config.h"
#include "okr/keymap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *name = fuzz_text(data, size);
	int key = keymap_parse_key(name);
	bool valid = okr_key_name_valid(name);
	if (valid && key >= 0) {
		char buf[KEYMAP_NAME_MAX];
		keymap_key_name(key, buf, sizeof buf);
		FUZZ_CHECK(keymap_parse_key(buf) == key);
	}
	free(name);
	return 0;
}
