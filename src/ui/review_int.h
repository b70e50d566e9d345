/*
 * review_int.h — the state the review files share (review.c keys and data,
 * review_draw.c the screen, review_grade.c grades and closing a cycle).
 */
#ifndef OKR_UI_REVIEW_INT_H
#define OKR_UI_REVIEW_INT_H

#include "okr/review.h"
#include "ui_int.h"

typedef enum { INPUT_NONE, INPUT_JUMP, INPUT_GRADE } review_input;

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
	 * (ours or a teammate's) when the data version moves. */
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

	review_input input;
	editor jump, score, note;
	int jump_first, score_first, note_first;
	int field;             /* grade input: 0 score, 1 note */
	char input_error[256];
	int64_t auto_graded;   /* grading: the input was opened for this KR */

	int sum_top;           /* summary scroll */
	size_t ungraded;       /* grading: key results without a grade, read before the frame */
	WINDOW *win;
	int cy, cx;
	bool want_cursor;
};

/* review.c */
const okr_kr *review_kr(ui *u, size_t *index);
void review_load_detail(ui *u);

/* review_grade.c */
unsigned review_grade_open(ui *u);
unsigned review_grade_key(ui *u, int key);
/* review.c: the keys, and the input fields' (Esc, Enter, Tab) from the
 * form's keymap */
unsigned review_key(ui *u, int key, okr_action a);
okr_action review_input_action(const ui *u, int key);
/* review_draw.c */
void review_draw(ui *u);
bool review_cursor(ui *u);
unsigned review_close_cycle(ui *u);
size_t review_ungraded(ui *u);
/* Days before the reviewed cycle's last day (0: closing is not early). */
int review_days_early(ui *u, char end[11]);

/* review_draw.c */
/* The summary as lines, kept whole (width 0): the screen cuts them, stdout
 * gets them as they are. */
void review_summary_lines(ui *u, ui_lines *ls);

#endif
