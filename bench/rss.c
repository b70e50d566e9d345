/*
 * rss.c — the peak resident memory of a command, for machines without GNU time.
 *
 *   rss COMMAND [ARG...]      prints "max_rss_kb=N exit=S" to stderr; the
 *                             command's own output goes where it would
 */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: rss COMMAND [ARG...]\n");
		return 2;
	}
	pid_t pid = fork();
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		perror(argv[1]);
		_exit(127);
	}
	int st;
	struct rusage ru;
	if (pid < 0 || wait4(pid, &st, 0, &ru) < 0) {
		perror("rss");
		return 1;
	}
	int code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	fprintf(stderr, "max_rss_kb=%ld exit=%d\n", ru.ru_maxrss, code);
	return code;
}
