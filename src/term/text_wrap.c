/*
 * text_wrap.c — text broken into lines of a width (see text.h): by display
 * columns and whole clusters, as text.c measures them.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/text.h"
#include "okr/util.h"

typedef struct {
	size_t start, end;  /* byte offsets into the sanitised text */
	int width;
	bool space, wide;
} cluster;

typedef struct {
	char **v;
	size_t n, cap;
} line_list;

static void lines_push(line_list *l, const char *s, size_t n)
{
	char *copy = okr_xmalloc(n + 1);
	memcpy(copy, s, n);
	copy[n] = '\0';
	okr_xgrow(&l->v, &l->cap, l->n + 2, sizeof(char *));
	l->v[l->n++] = copy;
	l->v[l->n] = NULL;
}

/* Split one line of text (no newline in it) into clusters. */
static size_t split_clusters(const char *s, size_t len, cluster **out, size_t *cap)
{
	size_t n = 0, i = 0;

	while (i < len) {
		uint32_t cp;
		int w;
		size_t start = i;
		i = (size_t)(text_cluster_end(s + i, s + len, &w, &cp) - s);
		okr_xgrow(out, cap, n + 1, sizeof(cluster));
		(*out)[n++] = (cluster){ start, i, w, cp == ' ', w == 2 };
	}
	return n;
}

static void emit(line_list *l, const char *s, const cluster *c, size_t from, size_t to,
                 int cols)
{
	while (to > from && c[to - 1].space)
		to--;
	if (to == from + 1 && c[from].width > cols) {
		char tmp[4];
		lines_push(l, tmp, text_encode(TEXT_ELLIPSIS, tmp));
		return;
	}
	lines_push(l, s + (to > from ? c[from].start : 0),
	           to > from ? c[to - 1].end - c[from].start : 0);
}

/*
 * Greedy: fill the line cluster by cluster remembering the last place a
 * break is allowed (at a space, or on either side of a wide character);
 * on overflow break there, or hard-break before the cluster that overflowed.
 * Spaces at a break are dropped; a paragraph's own indentation is kept.
 */
static void wrap_paragraph(line_list *l, const char *s, const cluster *c, size_t n,
                           int cols)
{
	size_t i = 0;

	if (n == 0) {
		lines_push(l, "", 0);
		return;
	}
	while (i < n) {
		size_t j = i, brk_end = 0, brk_next = 0;
		bool have_brk = false, content = false;
		int w = 0;

		while (j < n && w + c[j].width <= cols) {
			if (c[j].space && content) {
				brk_end = j;
				brk_next = j + 1;
				have_brk = true;
			} else if (j > i && (c[j].wide || c[j - 1].wide) && !c[j - 1].space) {
				brk_end = brk_next = j;
				have_brk = true;
			}
			content = content || !c[j].space;
			w += c[j].width;
			j++;
		}
		if (j == n) {
			emit(l, s, c, i, n, cols);
			return;
		}
		if (c[j].space || (j > i && (c[j].wide || c[j - 1].wide))) {
			emit(l, s, c, i, j, cols);
			i = j;
		} else if (have_brk) {
			emit(l, s, c, i, brk_end, cols);
			i = brk_next;
		} else {
			if (j == i)
				j++;    /* one cluster wider than the line */
			emit(l, s, c, i, j, cols);
			i = j;
		}
		while (i < n && c[i].space)
			i++;
	}
}

size_t text_wrap(const char *s, int cols, char ***lines)
{
	line_list l = { NULL, 0, 0 };
	cluster *c = NULL;
	size_t ccap = 0;
	char *clean;

	*lines = NULL;
	if (cols <= 0)
		return 0;
	clean = text_sanitize_flags(s, TEXT_KEEP_NEWLINES | TEXT_TABS_TO_SPACE);
	for (const char *p = clean; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		size_t n = split_clusters(p, len, &c, &ccap);
		wrap_paragraph(&l, p, c, n, cols);
		p += len + (nl ? 1 : 0);
	}
	free(c);
	free(clean);
	*lines = l.v;
	return l.n;
}

void text_lines_free(char **lines, size_t n)
{
	if (!lines)
		return;
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}
