/*
 * hooks.h — commands named in okr.conf that okr runs after an event commits
 * (SPEC §12): a new check-in, a celebration (a key result over 0.7 or 1.0),
 * a closed cycle.  The event is one JSON object on the command's standard
 * input.
 *
 * Guarantees: the caller never waits for a hook (it runs in its own session,
 * detached by a double fork, with no file of the caller's open); a hook still
 * running after hooks.timeout seconds is killed with its process group; what
 * it prints (at most HOOKS_OUTPUT_MAX bytes a run), its exit status and every
 * failure to start it are appended to the log file.  Hooks come only from the
 * person's or the host's okr.conf, never from the shared database.  A hook
 * runs with $OKR_HOOK_EVENT set to its event, and okr runs no hooks while
 * that is set, so a hook that runs okr cannot set itself off again.
 */
#ifndef OKR_HOOKS_H
#define OKR_HOOKS_H

#include <stddef.h>
#include "okr/config.h"
#include "okr/store.h"

enum { HOOKS_OUTPUT_MAX = 64 * 1024, HOOKS_LOG_ROTATE = 1024 * 1024 };

/* Listen to s's events and run the hooks cfg names (nothing when it names
 * none).  cfg must outlive s. */
void hooks_attach(const okr_config *cfg, okr_store *s);

/* The log file cfg names, or $XDG_STATE_HOME/okr/hooks.log
 * (~/.local/state/okr/hooks.log). */
void hooks_log_path(const okr_config *cfg, char *out, size_t len);

/* The event as the JSON object a hook reads; malloc'd. */
char *hooks_event_json(const okr_event *ev);

/* Start cmd detached with json on its standard input; returns at once.
 * false (and a line in the log when it can be written) if it could not. */
bool hooks_spawn(const okr_config *cfg, const char *event, const char *cmd, const char *json);

#endif
