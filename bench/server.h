/*
 * server.h — the benchmarks' own look at a database on a PostgreSQL server.
 *
 * The drivers (concur.c, crash.c) check what arrived independently of the
 * store: with the sqlite3 library for a file, and for a server with psql,
 * run here without a shell (the target is the same string as --db).
 */
#ifndef OKR_BENCH_SERVER_H
#define OKR_BENCH_SERVER_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static inline bool bench_on_server(const char *target)
{
	return !strncmp(target, "postgres", 8) || strstr(target, "dbname=") || strstr(target, "host=") ||
	       strstr(target, "service=");
}

/* psql's unaligned output of sql on target (malloc'd), or NULL if it failed. */
static inline char *bench_psql(const char *target, const char *sql)
{
	int fd[2];
	if (pipe(fd) != 0)
		return NULL;
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		execlp("psql", "psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-d", target, "-c", sql,
		       (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	size_t n = 0, cap = 4096;
	char *out = malloc(cap);
	ssize_t got;
	while (out && (got = read(fd[0], out + n, cap - n - 1)) > 0) {
		n += (size_t)got;
		if (cap - n < 2) {
			char *bigger = realloc(out, cap *= 2);
			if (!bigger) {
				free(out);
				out = NULL;
			}
			out = bigger;
		}
	}
	close(fd[0]);
	int st;
	waitpid(pid, &st, 0);
	if (!out || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		free(out);
		return NULL;
	}
	out[n] = '\0';
	return out;
}

#endif
