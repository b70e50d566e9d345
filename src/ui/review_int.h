/*
 * review_int.h — the state the review files share (review.c keys and data,
 * review_draw.c the screen, review_grade.c grades and closing a cycle).
 */
#ifndef OKR_UI_REVIEW_INT_H
#define OKR_UI_REVIEW_INT_H

#include "okr/review.h"
#include "ui_int.h"

typedef struct ui_review ui_review;
/* The review is a screen on the stack (its base first), covering the body
 * and the header; the panes' state beneath is what its forms act on. */
struct ui_review {
	ui_screen base;
	okr_review r;
	bool grading;          /* :close-cycle: grade each, then close */
	bool standalone;       /* okr review: leaving the review ends okr */
	bool summary;          /* the summary is shown */
	bool closed;           /* grading: the cycle was closed here */
	bool early_asked;      /* grading: y once before the cycle's end; y again closes */
	int64_t cycle_id;
	char cycle_name[128];
	char scope[192];       /* what is reviewed, for the header */
	okr_time started;

	/* The values of each key result as last seen, to notice new check-ins
	 * (ours or a teammate's) when the data version moves.  A data version
	 * may be 0 (a server connection that has neither written nor heard of a
	 * commit yet), so whether they were seen at all is a flag of its own. */
	bool seen_once;
	int64_t synced;
	bool *has;
	double *cur;
	okr_time *last_at;

	/* The shown key result's history, loaded when it or the data changes. */
	int64_t det_id, det_version;
	okr_checkin *cis;
	size_t ncis;
	okr_comment *comments;
	size_t ncomments;
	okr_grade grade;
	bool has_grade;

	int sum_top;           /* summary scroll */
	size_t ungraded;       /* grading: key results without a grade, read before the frame */
	WINDOW *win;
};

/* review.c */
const okr_kr *review_kr(ui *u, size_t *index);
void review_load_detail(ui *u);

/* review.c: the review's keys; go to position i (closing an input) */
unsigned review_key(ui *u, int key, okr_action a);
unsigned review_go(ui *u, size_t i);

/* review_input.c: the grade and jump inputs, screens over the review's
 * foot; the rows the open one takes (0: none) */
unsigned review_grade_open(ui *u);
unsigned review_jump_open(ui *u);
void review_input_close(ui *u);
int review_input_rows(const ui *u);

/* review_grade.c: save the shown key result's grade (false: err says why) */
bool review_grade_save(ui *u, double score, const char *note, char *err, size_t len);
unsigned review_close_cycle(ui *u);
/* review_draw.c */
void review_draw(ui *u);
size_t review_ungraded(ui *u);
/* Days before the reviewed cycle's last day (0: closing is not early). */
int review_days_early(ui *u, char end[11]);

/* review_draw.c */
/* The summary as lines, kept whole (width 0): the screen cuts them, stdout
 * gets them as they are. */
void review_summary_lines(ui *u, ui_lines *ls);

#endif
