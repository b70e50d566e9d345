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
#include "board_int.h"
#include "ui_int.h"
#include "views.h"

/* The one file static of the full-screen view: a signal handler may only
 * set a volatile sig_atomic_t (C11 7.14.1.1), and it cannot be handed a
 * pointer to struct ui, so the SIGWINCH flag lives here and the loop reads
 * it.  Everything else a screen or the application holds is in struct ui
 * or in the screen's own struct. */
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
	theme_apply(u->paint, &u->theme, u->colors);
	app_message(u, false, _("theme %s"), name);
	return DIRTY_ALL;
}

static void resize(ui *u)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	layout_apply(u);
	screen_resize(u);
	u->dirty |= DIRTY_ALL;
}

static unsigned handle_key(ui *u, int key)
{
	if (key == KEYMAP_KEY(KEY_RESIZE)) {
		/* curses has resized its screens already (resizeterm queues
		 * this key): lay out now, before the keys that follow, which
		 * were typed at the new size.  Calling resizeterm again here
		 * would queue another KEY_RESIZE, for ever. */
		layout_apply(u);
		screen_resize(u);
		return DIRTY_ALL;
	}
	return screen_key(u, key);
}

static void read_keys(ui *u, WINDOW *in)
{
	wint_t ch;
	int rc;
	while ((rc = wget_wch(in, &ch)) != ERR) {
		int key = keymap_key_from_wch(rc, (uint32_t)ch);
		u->dirty |= key == mouse_key(u) ? mouse_event(u, in) : handle_key(u, key);
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
		draw_text(u, stdscr, y + i, x, lines[i], COLS - x, THEME_MESSAGE, 0);
	}
	wnoutrefresh(stdscr);
	(void)u;
}

bool app_reload(ui *u, bool live)
{
	if (!u->no_panes)
		return data_load(u, live);
	screen_data_changed(u, live);   /* the board reads what it shows itself */
	return true;
}

/* One frame: only the dirty parts are drawn again, each into its own window,
 * and one doupdate() sends the difference to the terminal.  The loop calls
 * this, and so does the wait for another writer (statusbar_on_wait): the
 * only two places a frame is made, and both make it here. */
void app_frame(ui *u)
{
	if (!u->dirty)
		return;
	if (u->dirty & DIRTY_LAYOUT)
		layout_apply(u);
	if (u->too_small && !u->no_panes) {
		draw_too_small(u);
		curs_set(0);
		doupdate();
		u->dirty = 0;
		return;
	}
	bool cursor = screen_render(u);
	curs_set(cursor ? 1 : 0);
	doupdate();
	u->dirty = 0;
}

/* Whom the open store acts for is "me" from now on (on a server, the role
 * it connected as rather than the account). */
static int opened(ui *u)
{
	okr_strlcpy(u->login, okr_store_login(u->store), sizeof u->login);
	u->ctx_login = u->ctx->login;
	u->ctx->login = u->login;
	return 0;
}

/* Read-write, else (a read-only file or directory) read-only with a mark. */
static int open_store(ui *u)
{
	char err[1024], err2[1024];
	okr_ctx *ctx = u->ctx;
	okr_result r = okr_store_open(ctx->db_path, 0, ctx->login, &u->store, err, sizeof err);
	if (r == OKR_OK)
		return opened(u);
	if (okr_store_open(ctx->db_path, OKR_OPEN_READONLY, ctx->login, &u->store, err2, sizeof err2) == OKR_OK) {
		u->readonly = true;
		okr_strlcpy(u->ro_reason, err, sizeof u->ro_reason);
		return opened(u);
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
	if (u->ctx_login)   /* u->login goes with u */
		u->ctx->login = u->ctx_login;
	screen_close_all(u);
	layout_free(u);
	data_detail_free(&u->det);
	if (u->no_panes) {
		u->ctx->store = u->store;   /* main's, which a lost file made us open again */
	} else if (u->store) {
		board_leave(u);
		okr_store_close(u->store);
	}
	board_delete(u->board);
	views_free(u->views);
	data_free(&u->d);
	free(u->flash);
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
		if (u->dirty) {
			screen_prepare(u);
			app_frame(u);
		}
		if (u->board && u->board->pending) {
			/* The first frame is on screen; now the scores, which on a
			 * large history take a moment (the board says so meanwhile). */
			u->board->pending = false;
			u->board->started = true;
			board_reload(u, false);
			u->dirty |= DIRTY_BOARD | DIRTY_HEADER;
			continue;
		}
		if (u->health_pending && !u->no_panes) {
			u->dirty |= reopen_health(u);
			continue;
		}
		long long now = app_ms();
		long long wait = next_check - now;
		if (u->flash_until && u->flash_until - now < wait)
			wait = u->flash_until - now;
		long long party = u->no_panes ? 0 : celebrate_deadline(u);
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
			u->dirty |= reopen_check(u) | screen_check(u);
		if (check && okr_store_data_version(u->store) != u->data_version && app_reload(u, true))
			u->last_change = okr_now();
		if (u->flash_until && now >= u->flash_until) {
			u->flash_until = 0;
			u->dirty |= DIRTY_PANES;
		}
		if (!u->no_panes)
			u->dirty |= celebrate_tick(u, app_ms());
	}
}

/* What the application opens with: the panes, the review alone, or the
 * live board.  Everything else (loop, keys, help, watcher) is the same. */
typedef struct {
	const ui_review_request *rq;
	bool board;
	int window;
	bool teams;
} ui_first;

static int run_ui(okr_ctx *ctx, const ui_first *first);

int ui_main(okr_ctx *ctx, int argc, char **argv)
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
	return run_ui(ctx, &(ui_first){ 0 });
}

int ui_review_main(okr_ctx *ctx, const ui_review_request *rq)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s\n", _("okr: the review needs a terminal — in scripts use `okr export --format md` "
					  "for a review report, or `okr list`"));
		return OKR_E_USAGE;
	}
	return run_ui(ctx, &(ui_first){ .rq = rq });
}

int ui_board_main(okr_ctx *ctx, int window, bool teams)
{
	int rc = run_ui(ctx, &(ui_first){ .board = true, .window = window, .teams = teams });
	return rc;
}

/* `okr` and `okr review`: the store opened here (read-only when it must
 * be), the first snapshot, the panes at the bottom of the stack. */
static int start_panes(ui *u, const ui_first *first)
{
	int rc = open_store(u);
	if (rc)
		return rc;
	okr_store_on_wait(u->store, statusbar_on_wait, u);
	hooks_attach(u->cfg, u->store);
	if (u->readonly)
		app_message(u, true, _("read-only: %s"), u->ro_reason);
	else if (okr_store_warning(u->store)[0])
		app_message(u, true, "%s", okr_store_warning(u->store));
	u->cycle_id = first->rq ? first->rq->cycle_id : 0;
	u->board = board_new(u->cfg);
	u->views = views_new();
	screen_push(u, app_main_screen(u));
	if (!data_load(u, false)) {
		fprintf(stderr, "okr: %s\n", okr_store_error(u->store));
		return OKR_E_DB;
	}
	u->live = okr_store_wait_fd(u->store) >= 0;
	u->health_pending = true;
	if (!first->rq && !u->msg[0])
		view_due_banner(u);
	return 0;
}

/* `okr board`: main opened the store (it only reads); no panes, no header,
 * no hooks; the board is the bottom screen. */
static int start_board(ui *u, const ui_first *first)
{
	u->store = u->ctx->store;
	u->no_panes = true;
	u->readonly = true;
	ui_screen *b = board_view_open(u, first->window, first->teams);
	if (!b)
		return OKR_E_DB;
	screen_push(u, b);
	u->live = okr_store_wait_fd(u->store) >= 0;   /* watching from now on */
	return 0;
}

/* curses, with our SIGWINCH handler installed first so that curses leaves
 * the signal to us (the handler only sets a flag the loop reads). */
static SCREEN *start_curses(ui *u, const ui_first *first)
{
	struct sigaction sa = { .sa_handler = on_winch };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGWINCH, &sa, NULL);
	char why[512];
	const char *problem = ui_term_problem(first->board ? "board" : first->rq ? "review" : "tui", why, sizeof why);
	SCREEN *scr = problem ? NULL : newterm(NULL, stdout, stdin);
	if (!scr && first->board && !problem) {
		const char *term = getenv("TERM");
		fprintf(stderr, "okr: ");
		fprintf(stderr, _("cannot use the terminal type '%s' — set TERM to one this system "
				  "knows, e.g. TERM=xterm-256color, or use `okr board --once`"), term ? term : "");
		fputc('\n', stderr);
		return NULL;
	}
	if (!scr) {
		fprintf(stderr, "%s\n", problem ? problem : _("okr: cannot start the full-screen view on this terminal"));
		return NULL;
	}
	u->ascii = !okr_i18n_utf8();
	if (!okr_i18n_utf8())
		app_message(u, true, "%s", _("not a UTF-8 locale: drawn in ASCII, other text shows as ? — "
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
		u->colors = COLORS;
	theme_apply(u->paint, &u->theme, u->colors);
	return scr;
}

/* The full-screen view, the review screen alone, or the live board.  The
 * state is one struct ui for the whole run, on the heap (it is large). */
static int run_ui(okr_ctx *ctx, const ui_first *first)
{
	ui *u = okr_xcalloc(1, sizeof *u);
	theme_colors paint = { 0 };
	u->paint = &paint;
	u->ctx = ctx;
	u->cfg = ctx->cfg;
	u->focus = PANE_OBJECTIVES;
	u->show_detail = u->show_board = true;
	char err[1024];
	if (!theme_load_named(&u->theme, u->cfg->theme, err, sizeof err)) {
		if (first->board)
			fprintf(stderr, "okr: %s\n", err);
		else
			fprintf(stderr, "okr: %s: %s\n", ctx->config_path, err);
		free(u);
		return OKR_E_USAGE;
	}
	setup_keys(u);
	int rc = first->board ? start_board(u, first) : start_panes(u, first);
	SCREEN *scr = rc ? NULL : start_curses(u, first);
	if (!scr) {
		ui_free(u);
		free(u);
		return rc ? rc : OKR_E_USAGE;
	}
	/* Keys are read from a pad: wget_wch on a window would refresh it,
	 * and stdscr would paint over the panes. */
	WINDOW *in = newpad(1, 1);
	keypad(in, TRUE);
	nodelay(in, TRUE);
	u->dirty = DIRTY_ALL | DIRTY_LAYOUT;
	mouse_start(u);
	if (!first->rq || review_start(u, first->rq))
		run(u, in);
	delwin(in);
	endwin();
	mouse_stop(u);
	if (first->rq)
		review_print_summary(u);
	ui_free(u);
	free(u);
	delscreen(scr);
	return 0;
}
