/*
 * app.c — the full-screen view: start-up, the one wait point, the frame.
 *
 * Everything happens in one loop (STYLE habit 6): draw what is dirty and
 * call doupdate() once, then poll() on the keyboard and the change watcher
 * with a timeout, then handle what woke us.  The SIGWINCH handler only sets
 * a flag; the data_version check after a doorbell (or the slow timer, for
 * writers that do not ring) is the only way new data comes in.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "okr/hooks.h"
#include "okr/i18n.h"
#include "okr/text.h"
#include "okr/ui.h"
#include "okr/util.h"
#include "ui_int.h"
#include "views.h"

static volatile sig_atomic_t got_winch;

static void on_winch(int sig)
{
	(void)sig;
	got_winch = 1;
}

long long app_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void app_message(ui *u, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	u->msg_error = error;
	u->dirty |= DIRTY_FOOTER;
}

bool app_refuse_readonly(ui *u)
{
	if (u->readonly)
		app_message(u, true, _("read-only: %s"), u->ro_reason);
	return u->readonly;
}

unsigned app_set_theme(ui *u, const char *name)
{
	theme t;
	char err[512];
	if (!theme_load_named(&t, name, err, sizeof err)) {
		size_t n;
		char **names = theme_list(&n);
		okr_buf b;
		okr_buf_init(&b);
		for (size_t i = 0; i < n; i++)
			okr_buf_printf(&b, "%s%s", i ? ", " : "", names[i]);
		app_message(u, true, _("no theme '%s' — themes: %s"), name, b.s);
		okr_buf_free(&b);
		theme_list_free(names);
		return DIRTY_FOOTER;
	}
	u->theme = t;
	okr_strlcpy(u->cfg->theme, name, sizeof u->cfg->theme);
	theme_apply(&u->theme, u->colors);
	app_message(u, false, _("theme %s"), name);
	return DIRTY_ALL;
}

static unsigned next_theme(ui *u)
{
	size_t n;
	char **names = theme_list(&n);
	size_t at = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], u->cfg->theme) == 0)
			at = (i + 1) % n;
	char name[64];
	okr_strlcpy(name, n ? names[at] : "default", sizeof name);
	theme_list_free(names);
	return app_set_theme(u, name);
}

static unsigned toggle_slot(ui *u, ui_slot which, int pane)
{
	if (u->wide) {
		bool *shown = which == SLOT_DETAIL ? &u->show_detail : &u->show_board;
		*shown = !*shown;
		if (*shown)
			u->focus = pane;
		else if (u->focus == pane)
			u->focus = PANE_KRS;
	} else {
		u->slot = u->slot == which ? SLOT_KRS : which;
		if (u->slot == SLOT_KRS && u->focus == pane)
			u->focus = PANE_KRS;
		else if (u->slot == which)
			u->focus = pane;
	}
	return DIRTY_ALL | DIRTY_LAYOUT;
}

static const char *filter_name(ui_filter f)
{
	return f == FILTER_MINE ? _("mine") : f == FILTER_TEAM ? _("my team") : _("all");
}

/* The store decides who may approve; the TUI says what it said. */
static unsigned approve(ui *u)
{
	const okr_kr *k = data_sel_kr(u);
	if (!k) {
		app_message(u, true, "%s", _("select a key result to approve"));
		return DIRTY_FOOTER;
	}
	if (app_refuse_readonly(u))
		return DIRTY_FOOTER;
	int64_t id = k->id;
	if (okr_store_kr_approve(u->store, id) != OKR_OK) {
		app_message(u, true, "%s", okr_store_error(u->store));
		return DIRTY_FOOTER;
	}
	if (data_load(u, true))
		u->last_change = okr_now();
	app_message(u, false, _("K%lld approved: its progress now earns points"), (long long)id);
	return DIRTY_ALL;
}

unsigned app_action(ui *u, okr_action a)
{
	switch (a) {
	case ACT_QUIT: u->quit = true; return 0;
	case ACT_HELP: u->overlay = OVERLAY_HELP; u->help_top = 0; return DIRTY_OVERLAY;
	case ACT_NEXT_PANE: layout_cycle_focus(u, 1); return DIRTY_ALL;
	case ACT_PREV_PANE: layout_cycle_focus(u, -1); return DIRTY_ALL;
	case ACT_SEARCH: return cmdline_open(u, PROMPT_SEARCH);
	case ACT_SEARCH_NEXT: return cmdline_search_step(u, 1, true);
	case ACT_SEARCH_PREV: return cmdline_search_step(u, -1, true);
	case ACT_COMMAND: return cmdline_open(u, PROMPT_COMMAND);
	case ACT_CHECKIN: return form_open(u, FORM_CHECKIN);
	case ACT_ADD_OBJECTIVE: return form_open(u, FORM_ADD_OBJECTIVE);
	case ACT_ADD_KR: return form_open(u, FORM_ADD_KR);
	case ACT_EDIT: return form_open(u, FORM_EDIT);
	case ACT_COMMENT: return form_open(u, FORM_COMMENT);
	case ACT_KUDOS: return form_open(u, FORM_KUDOS);
	case ACT_CYCLE:
		u->overlay = OVERLAY_CYCLES;
		u->cycle_sel = 0;
		for (size_t i = 0; i < u->d.snap.ncycles; i++)
			if (u->d.snap.cycles[i].id == u->cycle_id)
				u->cycle_sel = i;
		return DIRTY_OVERLAY;
	case ACT_FILTER:
		u->filter = (u->filter + 1) % 3;
		data_rebuild_rows(u);
		app_message(u, false, _("showing: %s"), filter_name(u->filter));
		return DIRTY_ALL;
	case ACT_DETAIL: return toggle_slot(u, SLOT_DETAIL, PANE_DETAIL);
	case ACT_BOARD: return toggle_slot(u, SLOT_BOARD, PANE_BOARD);
	case ACT_REFRESH: clearok(curscr, TRUE); return DIRTY_ALL;
	case ACT_THEME: return next_theme(u);
	case ACT_BOARD_WINDOW:
	case ACT_BOARD_TEAMS: return board_action(u, a);
	case ACT_KPIS: return views_toggle(u, VIEW_KPIS);
	case ACT_DUE: return views_toggle(u, VIEW_DUE);
	case ACT_RHYTHM: return views_toggle(u, VIEW_RHYTHM);
	case ACT_PLAN_CYCLE: return views_toggle(u, VIEW_PLAN);
	case ACT_LOG: return view_log_open_selected(u);
	case ACT_PEOPLE: return views_toggle(u, VIEW_PEOPLE);
	case ACT_ARCHIVE: return archive_open(u);
	case ACT_UNDO: return archive_undo(u);
	case ACT_UNARCHIVE:
		app_message(u, false, "%s", _("give the ID of what to bring back: :unarchive O3"));
		return DIRTY_FOOTER;
	case ACT_REVIEW: return review_open(u, false);
	case ACT_CLOSE_CYCLE: return review_open(u, true);
	case ACT_APPROVE: return approve(u);
	default: break;
	}
	ui_pane *p = &u->panes[u->focus];
	return p->ops->key ? p->ops->key(u, a) : 0;
}

static void resize(ui *u)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	layout_apply(u);
	u->dirty |= DIRTY_ALL;
}

/* A key while nothing modal is open: an action by the key map. */
static unsigned handle_key(ui *u, int key)
{
	if (key == KEYMAP_KEY(KEY_RESIZE)) {
		/* curses has resized its screens already (resizeterm queues
		 * this key): lay out now, before the keys that follow, which
		 * were typed at the new size.  Calling resizeterm again here
		 * would queue another KEY_RESIZE, for ever. */
		layout_apply(u);
		return DIRTY_ALL;
	}
	if (u->prompt)
		return cmdline_key(u, key);
	okr_action a = keymap_lookup(&u->keys, key);
	switch (u->overlay) {
	case OVERLAY_FORM: return form_key(u, key);
	case OVERLAY_HELP: return help_key(u, key, a);
	case OVERLAY_CYCLES: return cmdline_cycles_key(u, key, a);
	case OVERLAY_CONFIRM: return archive_key(u, key);
	default: break;
	}
	if (u->msg[0]) {
		u->msg[0] = '\0';
		u->dirty |= DIRTY_FOOTER;
	}
	if (u->review)
		return review_key(u, key, a);
	if (views_active()) {   /* a full-body view (KPIs, due) has the keys first */
		unsigned vd = views_key(u, key, a);
		if (vd != VIEWS_PASS)
			return vd;
	}
	if (a == ACT_NONE) {
		char name[KEYMAP_NAME_MAX];
		if (key != 27)
			app_message(u, false, _("%s does nothing here — press ? for help"),
				    keymap_key_name(key, name, sizeof name));
		return DIRTY_FOOTER;
	}
	return app_action(u, a);
}

static void read_keys(ui *u, WINDOW *in)
{
	wint_t ch;
	int rc;
	while ((rc = wget_wch(in, &ch)) != ERR) {
		int key = keymap_key_from_wch(rc, (uint32_t)ch);
		u->dirty |= key == mouse_key() ? mouse_event(u, in) : handle_key(u, key);
		if (u->quit)
			return;
	}
}

static void draw_too_small(ui *u)
{
	char msg[128];
	snprintf(msg, sizeof msg, _("terminal too small (need %d×%d)"), UI_MIN_COLS, UI_MIN_LINES);
	werase(stdscr);
	/* Word-wrapped and centred, so that even 10×5 reads the whole message
	 * instead of "terminal …". */
	char lines[8][128];
	int n = 0;
	for (char *save = NULL, *word = strtok_r(msg, " ", &save); word && n < 8;
	     word = strtok_r(NULL, " ", &save)) {
		if (n && text_width(lines[n - 1]) + 1 + text_width(word) <= COLS) {
			size_t len = strlen(lines[n - 1]);
			snprintf(lines[n - 1] + len, sizeof lines[0] - len, " %s", word);
		} else {
			okr_strlcpy(lines[n++], word, sizeof lines[0]);
		}
	}
	int y = LINES > n ? (LINES - n) / 2 : 0;
	for (int i = 0; i < n && y + i < LINES; i++) {
		int w = text_width(lines[i]);
		int x = COLS > w ? (COLS - w) / 2 : 0;
		draw_text(stdscr, y + i, x, lines[i], COLS - x, THEME_MESSAGE, 0);
	}
	wnoutrefresh(stdscr);
	(void)u;
}

/* The overlay's size for what it shows now, clamped to the screen. */
static void overlay_size(ui *u, int *hp, int *wp)
{
	int h = LINES - 2, w = COLS - 4;
	if (u->overlay == OVERLAY_FORM)
		form_size(u, &h, &w);
	else if (u->overlay == OVERLAY_CYCLES) {
		h = (int)u->d.snap.ncycles + 3;
		w = 66;
	} else if (u->overlay == OVERLAY_CONFIRM)
		archive_size(u, &h, &w);
	if (h > LINES - 2)
		h = LINES - 2;
	if (w > COLS)
		w = COLS;
	*hp = h;
	*wp = w;
}

/* An overlay that changes size (a form's error line comes or goes, a key
 * result's type hides fields) would leave its old border on the cells it no
 * longer covers: everything beneath is drawn again in that frame. */
static void overlay_resized(ui *u)
{
	if (u->overlay == OVERLAY_NONE || !u->overlay_win || !u->dirty)
		return;
	int h, w;
	overlay_size(u, &h, &w);
	if (h != getmaxy(u->overlay_win) || w != getmaxx(u->overlay_win))
		u->dirty |= DIRTY_ALL;
}

static void draw_overlay(ui *u)
{
	int h, w;
	overlay_size(u, &h, &w);
	if (h < 1 || w < 1)
		return;
	if (u->overlay_win)
		delwin(u->overlay_win);
	u->overlay_win = newwin(h, w, (LINES - h) / 2, (COLS - w) / 2);
	if (!u->overlay_win)
		return;
	wbkgdset(u->overlay_win, ' ' | (chtype)theme_attr(THEME_NORMAL));
	werase(u->overlay_win);
	if (u->overlay == OVERLAY_HELP)
		help_draw(u, u->overlay_win, h, w);
	else if (u->overlay == OVERLAY_FORM)
		form_draw(u, u->overlay_win, h, w);
	else if (u->overlay == OVERLAY_CONFIRM)
		archive_draw(u, u->overlay_win, h, w);
	else
		cmdline_draw_cycles(u, u->overlay_win, h, w);
	wnoutrefresh(u->overlay_win);
}

/* One frame: only the dirty parts are drawn again, each into its own window,
 * and one doupdate() sends the difference to the terminal. */
static void render(ui *u)
{
	overlay_resized(u);
	if (u->dirty & DIRTY_LAYOUT)
		layout_apply(u);
	if (u->too_small) {
		draw_too_small(u);
		curs_set(0);
		doupdate();
		u->dirty = 0;
		return;
	}
	if (u->review)
		review_draw(u);   /* in place of the panes and the header */
	else if (u->dirty & (DIRTY_PANES | DIRTY_DETAIL))
		data_detail_load(u);
	bool view = !u->review && views_draw(u);   /* a full-body view covers the panes */
	for (int i = 0; i < PANE_COUNT && !view; i++) {
		ui_pane *p = &u->panes[i];
		if (u->review || !p->shown || !p->win || !(u->dirty & (1u << i)))
			continue;
		wbkgdset(p->win, ' ' | (chtype)theme_attr(THEME_NORMAL));
		werase(p->win);
		p->ops->draw(u, p->win, p->h, p->w, u->focus == i);
		wnoutrefresh(p->win);
	}
	if ((u->dirty & DIRTY_HEADER) && !u->review) {
		statusbar_draw_header(u);
		celebrate_draw(u);
	}
	if (u->dirty & DIRTY_FOOTER)
		statusbar_draw_footer(u);
	bool cursor = u->prompt != PROMPT_NONE;
	if (u->overlay != OVERLAY_NONE && u->dirty) {
		draw_overlay(u);
		cursor = u->overlay == OVERLAY_FORM;
	}
	if (u->overlay == OVERLAY_FORM)
		form_cursor(u);
	else if (u->prompt)
		statusbar_draw_footer(u);   /* the footer window last: the cursor is its */
	else if (u->review && review_cursor(u))
		cursor = true;
	curs_set(cursor || u->overlay == OVERLAY_FORM ? 1 : 0);
	doupdate();
	u->dirty = 0;
}

/* Read-write, else (a read-only file or directory) read-only with a mark. */
static int open_store(ui *u)
{
	char err[1024], err2[1024];
	cli_ctx *ctx = u->ctx;
	okr_result r = okr_store_open(ctx->db_path, 0, ctx->login, &u->store, err, sizeof err);
	if (r == OKR_OK)
		return 0;
	if (okr_store_open(ctx->db_path, OKR_OPEN_READONLY, ctx->login, &u->store, err2, sizeof err2) == OKR_OK) {
		u->readonly = true;
		okr_strlcpy(u->ro_reason, err, sizeof u->ro_reason);
		return 0;
	}
	fprintf(stderr, "okr: %s\n", err);
	return r;
}

static int setup_keys(ui *u)
{
	char err[512];
	const okr_binding *bad = NULL;

	keymap_init(&u->keys);
	if (!keymap_apply(&u->keys, u->cfg->bindings, u->cfg->nbindings, &bad, err, sizeof err)) {
		app_message(u, true, _("%s: key binding '%s': %s"), u->ctx->config_path, bad->action, err);
		return -1;
	}
	return 0;
}

static void ui_free(ui *u)
{
	review_free(u);
	form_free(u);
	layout_free(u);
	data_detail_free(&u->det);
	board_leave(u);
	data_free(&u->d);
	pane_board_free();
	views_free();
	editor_free(&u->pe);
	free(u->flash);
	okr_store_close(u->store);
}

/* The loop: the only place that waits. */
static void run(ui *u, WINDOW *in)
{
	long long next_check = app_ms() + u->cfg->refresh_ms;
	while (!u->quit) {
		if (got_winch) {
			got_winch = 0;
			resize(u);
		}
		if (u->dirty)
			render(u);
		if (u->board_pending) {
			/* The first frame is on screen; now the scores, which on a
			 * large history take a moment (the board says so meanwhile). */
			u->board_pending = false;
			u->board_started = true;
			board_reload(u, false);
			u->dirty |= DIRTY_BOARD | DIRTY_HEADER;
			continue;
		}
		if (u->health_pending) {
			u->dirty |= reopen_health(u);
			continue;
		}
		long long now = app_ms();
		long long wait = next_check - now;
		if (u->flash_until && u->flash_until - now < wait)
			wait = u->flash_until - now;
		long long party = celebrate_deadline();
		if (party && party - now < wait)
			wait = party - now;
		int news = okr_store_wait_fd(u->store);
		struct pollfd fds[2] = { { .fd = STDIN_FILENO, .events = POLLIN },
					 { .fd = news, .events = POLLIN } };
		int n = poll(fds, news >= 0 ? 2 : 1, wait < 0 ? 0 : (int)wait);
		if (n < 0 && errno != EINTR)
			break;
		if (n > 0 && (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)))
			/* The terminal went away (an SSH connection dropped, the tmux
			 * server killed).  A hung-up pty also reports POLLIN, with
			 * reads that return nothing: waiting for keys then spins, so
			 * any hang-up ends the loop (SIGHUP may not reach us: it goes
			 * to the terminal's session, which need not be ours). */
			break;
		/* A resize that came with keys is applied first: the keys were
		 * typed at the new layout. */
		if (got_winch) {
			got_winch = 0;
			resize(u);
		}
		if (n > 0 && (fds[0].revents & POLLIN))
			read_keys(u, in);
		bool check = false;
		if (n > 0 && news >= 0 && (fds[1].revents & POLLIN))
			check = okr_store_wait_ack(u->store);
		now = app_ms();
		if (now >= next_check) {
			check = true;
			next_check = now + u->cfg->refresh_ms;
		}
		if (check)
			u->dirty |= reopen_check(u);
		if (check && okr_store_data_version(u->store) != u->data_version && data_load(u, true)) {
			u->last_change = okr_now();
			view_log_reload(u);
			u->dirty |= DIRTY_ALL;
		}
		if (u->flash_until && now >= u->flash_until) {
			u->flash_until = 0;
			u->dirty |= DIRTY_PANES;
		}
		u->dirty |= celebrate_tick(u, app_ms());
	}
}

static int run_ui(cli_ctx *ctx, const ui_review_request *rq);

int ui_main(cli_ctx *ctx, int argc, char **argv)
{
	if (argc > 0) {
		fprintf(stderr, _("okr: the full-screen view takes no arguments ('%s') — see `okr --help`\n"), argv[0]);
		return OKR_E_USAGE;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s\n", _("okr: the full-screen view needs a terminal — in scripts use "
					  "`okr list`, `okr show ID` or `okr status`"));
		return OKR_E_USAGE;
	}
	return run_ui(ctx, NULL);
}

int ui_review_main(cli_ctx *ctx, const ui_review_request *rq)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s\n", _("okr: the review needs a terminal — in scripts use `okr export --format md` "
					  "for a review report, or `okr list`"));
		return OKR_E_USAGE;
	}
	return run_ui(ctx, rq);
}

/* The full-screen view, or (rq) the review screen alone. */
static int run_ui(cli_ctx *ctx, const ui_review_request *rq)
{
	static ui u;
	memset(&u, 0, sizeof u);
	u.ctx = ctx;
	u.cfg = &ctx->cfg;
	u.focus = PANE_OBJECTIVES;
	u.show_detail = u.show_board = true;
	char err[1024];
	if (!theme_load_named(&u.theme, u.cfg->theme, err, sizeof err)) {
		fprintf(stderr, "okr: %s: %s\n", ctx->config_path, err);
		return OKR_E_USAGE;
	}
	int rc = open_store(&u);
	if (rc)
		return rc;
	setup_keys(&u);
	okr_store_on_wait(u.store, statusbar_on_wait, &u);
	hooks_attach(u.cfg, u.store);
	if (u.readonly)
		app_message(&u, true, _("read-only: %s"), u.ro_reason);
	else if (okr_store_warning(u.store)[0])
		app_message(&u, true, "%s", okr_store_warning(u.store));
	editor_init(&u.pe, 200);
	u.cycle_id = rq ? rq->cycle_id : 0;
	if (!data_load(&u, false)) {
		fprintf(stderr, "okr: %s\n", okr_store_error(u.store));
		ui_free(&u);
		return OKR_E_DB;
	}
	u.live = okr_store_wait_fd(u.store) >= 0;
	u.health_pending = true;
	if (!rq && !u.msg[0])
		view_due_banner(&u);

	/* Our handler before curses starts, so that curses leaves SIGWINCH to
	 * us: the handler only sets a flag that the loop reads. */
	struct sigaction sa = { .sa_handler = on_winch };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGWINCH, &sa, NULL);

	const char *problem = ui_term_problem(rq ? "review" : "tui");
	SCREEN *scr = problem ? NULL : newterm(NULL, stdout, stdin);
	if (!scr) {
		fprintf(stderr, "%s\n", problem ? problem : _("okr: cannot start the full-screen view on this terminal"));
		ui_free(&u);
		return OKR_E_USAGE;
	}
	draw_set_ascii(!okr_i18n_utf8());
	if (!okr_i18n_utf8())
		app_message(&u, true, "%s", _("not a UTF-8 locale: drawn in ASCII, other text shows as ? — "
					      "set LANG=C.UTF-8"));
	set_term(scr);
	set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	curs_set(0);
	/* NO_COLOR: not even start_color(), which would make curses paint
	 * pair 0 as white on black instead of the terminal's own colours. */
	const char *nc = getenv("NO_COLOR");
	if (!(nc && *nc) && has_colors() && start_color() == OK)
		u.colors = COLORS;
	theme_apply(&u.theme, u.colors);
	/* Keys are read from a pad: wget_wch on a window would refresh it,
	 * and stdscr would paint over the panes. */
	WINDOW *in = newpad(1, 1);
	keypad(in, TRUE);
	nodelay(in, TRUE);
	u.dirty = DIRTY_ALL | DIRTY_LAYOUT;
	mouse_start(&u);
	if (!rq || review_start(&u, rq))
		run(&u, in);
	delwin(in);
	endwin();
	mouse_stop();
	if (rq)
		review_print_summary(&u);
	ui_free(&u);
	delscreen(scr);
	return 0;
}
