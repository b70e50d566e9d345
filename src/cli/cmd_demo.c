/*
 * cmd_demo.c — okr demo: a new database holding the SaaS example of
 * shared/data/examples.md as a real team: company, marketing, product and
 * sales objectives aligned in a tree, seven people in four teams, the KPIs
 * with their four parts, eight weeks of check-ins with notes and changing
 * confidence, comments and kudos, in Vietnamese, Chinese and English.
 *
 * Everything goes through the store's public functions, each person acting
 * through their own handle, so the demo is also a test of the write paths.
 * Times are relative to okr_now(), so $OKR_NOW makes it repeatable.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "okr/cli.h"
#include "okr/i18n.h"
#include "okr/parse.h"

enum { DAY = 86400, WEEK = 7 * DAY, NPEOPLE = 7 };

static const struct { const char *login, *name, *team; okr_role role; } people[NPEOPLE] = {
	{ "lan", "Nguyễn Thị Lan", "Công ty", ROLE_LEAD },
	{ "minh", "Trần Văn Minh", "Marketing", ROLE_LEAD },
	{ "hoa", "Lê Thu Hoa", "Marketing", ROLE_MEMBER },
	{ "wei", "王伟", "Product", ROLE_LEAD },
	{ "jing", "李静", "Product", ROLE_MEMBER },
	{ "sarah", "Sarah Miller", "Sales", ROLE_LEAD },
	{ "tuan", "Phạm Anh Tuấn", "Sales", ROLE_MEMBER },
};

typedef struct {
	okr_store *as[NPEOPLE];
	okr_time now, start;
	char path[4096];
	const char *runner;
	int failed;
} demo;

static okr_store *who(demo *d, const char *login)
{
	for (int i = 0; i < NPEOPLE; i++)
		if (!strcmp(people[i].login, login))
			return d->as[i];
	return NULL;
}

/* Every step of the demo must succeed; the first failure is reported. */
static bool ok(demo *d, okr_store *s, okr_result r)
{
	if (r != OKR_OK && !d->failed) {
		d->failed = r;
		cli_fail(r, "%s", okr_store_error(s));
	}
	return r == OKR_OK;
}

static int64_t objective(demo *d, const char *owner, const char *team, int64_t parent, bool aspirational,
			 const char *title, const char *desc)
{
	okr_objective_in in = okr_objective_in_none();
	in.title = title;
	in.description = desc;
	in.owner = owner;
	in.team = team;
	in.parent_id = parent;
	in.kind = aspirational ? OBJ_ASPIRATIONAL : OBJ_COMMITTED;
	int64_t id = 0;
	ok(d, who(d, owner), okr_store_objective_add(who(d, owner), &in, &id));
	return id;
}

static int64_t kr(demo *d, int64_t obj, const char *by, const char *owner, okr_kr_type type, double start,
		  double target, const char *unit, const char *title)
{
	okr_kr_in in = okr_kr_in_none();
	in.objective_id = obj;
	in.title = title;
	in.owner = owner;
	in.type = type;
	in.start = start;
	in.target = target;
	in.unit = unit;
	if (type == KR_THRESHOLD)
		in.dir = DIR_AT_LEAST;
	int64_t id = 0;
	ok(d, who(d, by), okr_store_kr_add(who(d, by), &in, &id));
	return id;
}

static void checkin(demo *d, const char *by, int64_t k, int week, double v, int conf, const char *note)
{
	okr_time at = d->start + (okr_time)week * WEEK + 10 * 3600 + (okr_time)(k * 613 % 3600);
	ok(d, who(d, by), okr_store_checkin(who(d, by), k, v, conf, note, NULL, at, NULL));
}

/* A metric's weekly path: start → value at week 8 along a slight curve,
 * each value with the key result's own decimals (what the store decided
 * from its start and target): campaigns and bugs are counted whole, a
 * conversion rate of 2.1 → 3.5 % moves by tenths. */
static void history(demo *d, const char *by, int64_t k, double start, double end, int weeks, int conf0,
		    int conf1, const char *const notes[])
{
	okr_kr kr;
	if (!ok(d, who(d, by), okr_store_kr(who(d, by), k, &kr)))
		return;
	double scale = pow(10, kr.decimals);
	okr_kr_free(&kr);
	for (int w = 1; w <= weeks; w++) {
		double f = (double)w / weeks;
		double v = start + (end - start) * (f * 0.7 + f * f * 0.3);
		int conf = conf0 + (conf1 - conf0) * w / weeks;
		checkin(d, by, k, w, round(v * scale) / scale, conf, notes[(w - 1) % 4]);
	}
}

static void kpi(demo *d, const char *owner, const char *name, double target, okr_direction dir,
		const char *unit, const char *timeframe, const char *source, okr_frequency every,
		const double *samples, int n, int64_t *id)
{
	okr_kpi_in in = { .name = name, .unit = unit, .timeframe = timeframe, .source = source, .owner = owner,
			  .target = target, .dir = dir, .every = every };
	okr_store *s = who(d, owner);
	if (!ok(d, s, okr_store_kpi_add(s, &in, id)))
		return;
	for (int i = 0; i < n; i++) {
		okr_time at = d->start + (okr_time)(i + 1) * WEEK + 8 * 3600;
		ok(d, s, okr_store_kpi_push(s, *id, samples[i], NULL, NULL, at, NULL));
	}
}

/* The key results and objectives the later steps refer to. */
typedef struct {
	int64_t o1, o2, o3, o4;
	int64_t k_site, k_cust, k_ads, k_seo, k_bugs, k_design, k_cap, k_loyal, k_conv, k_crm;
} demo_ids;

/* The cycles, teams and people, and a handle acting as each person. */
static bool build_people(demo *d, okr_store *admin)
{
	okr_day today = okr_day_of(d->now);
	okr_day start = today - 8 * 7 - 3;
	d->start = okr_day_start(start);
	char name[32], ymd[11];
	okr_format_date(today, ymd);
	int month = (ymd[5] - '0') * 10 + (ymd[6] - '0');
	snprintf(name, sizeof name, "%.4s-Q%d", ymd, (month + 2) / 3);
	int64_t cycle, next;
	if (!ok(d, admin, okr_store_cycle_add(admin, name, start, start + 90, &cycle)))
		return false;
	snprintf(name, sizeof name, "%.4s-next", ymd);
	ok(d, admin, okr_store_cycle_add(admin, name, start + 91, start + 181, &next));
	ok(d, admin, okr_store_cycle_set_current(admin, cycle));

	ok(d, admin, okr_store_team_add(admin, "Công ty", NULL));
	const char *teams[] = { "Marketing", "Product", "Sales" };
	for (int i = 0; i < 3; i++)
		ok(d, admin, okr_store_team_add(admin, teams[i], "Công ty"));
	/* The person running the demo was registered (as its admin) when the
	 * database was made.  If they are one of the demo people (OKR_USER=lan),
	 * they become that person — name and team — and stay admin, so the one
	 * who made the database can still manage its people. */
	for (int i = 0; i < NPEOPLE; i++) {
		bool me = !strcmp(people[i].login, d->runner);
		if (me)
			ok(d, admin, okr_store_person_set_name(admin, people[i].login, people[i].name));
		else
			ok(d, admin, okr_store_person_add(admin, people[i].login, people[i].name));
		ok(d, admin, okr_store_team_join(admin, people[i].team, people[i].login));
		if (!me)
			ok(d, admin, okr_store_person_set_role(admin, people[i].login, people[i].role));
	}
	if (d->failed)
		return false;
	char err[1024];
	for (int i = 0; i < NPEOPLE; i++)
		if (!ok(d, admin, okr_store_open(d->path, 0, people[i].login, &d->as[i], err, sizeof err))) {
			cli_fail(OKR_E_DB, "%s", err);
			return false;
		}
	return true;
}

static void build_okrs(demo *d, demo_ids *x)
{
	/* The company objective and the teams' objectives aligned to it. */
	x->o1 = objective(d, "lan", "Công ty", 0, true,
		"Trở thành công ty hàng đầu thị trường trong ngành SaaS",
		"Become the market leader in SaaS · 成为SaaS行业的市场领导者");
	x->k_site = kr(d, x->o1, "lan", "wei", KR_MILESTONE, 0, 1, "", "Phiên bản 2.0 của trang web");
	x->k_cust = kr(d, x->o1, "lan", "sarah", KR_METRIC, 0, 1000, "khách hàng",
			    "Đạt được 1.000 khách hàng mới trong quý");

	x->o2 = objective(d, "minh", "Marketing", x->o1, false,
		"Mở rộng phạm vi mục tiêu đối với đối tượng trên tất cả các nền tảng kỹ thuật số",
		"Reach our audience on every digital platform · 在所有数字平台上扩大目标受众覆盖");
	x->k_ads = kr(d, x->o2, "minh", "hoa", KR_METRIC, 0, 3, "chiến dịch",
			   "Thiết lập các chiến dịch quảng cáo trả tiền trên Facebook, LinkedIn và Instagram");
	x->k_seo = kr(d, x->o2, "minh", "minh", KR_MILESTONE, 0, 1, "",
			   "Tạo nội dung SEO chất lượng cho trang web và phương tiện truyền thông xã hội");

	x->o3 = objective(d, "wei", "Product", x->o1, false, "打造高性能网站",
		"Xây dựng một trang web hiệu suất cao · Build a high-performance website");
	x->k_bugs = kr(d, x->o3, "wei", "jing", KR_METRIC, 120, 0, "bugs", "利用产品待办列表修复现有网站缺陷");
	x->k_design = kr(d, x->o3, "wei", "wei", KR_MILESTONE, 0, 1, "", "与设计师合作改版网站布局");
	x->k_cap = kr(d, x->o3, "wei", "jing", KR_THRESHOLD, 0, 85, "%", "Tỷ lệ sử dụng công suất ≥ 85 %");

	x->o4 = objective(d, "sarah", "Sales", x->o1, true, "Improve customer retention",
		"Cải thiện khả năng giữ khách hàng của chúng tôi · 提高客户留存率");
	x->k_loyal = kr(d, x->o4, "sarah", "tuan", KR_MILESTONE, 0, 1, "", "Launch the loyalty rewards programme");
	x->k_conv = kr(d, x->o4, "sarah", "sarah", KR_METRIC, 2.1, 3.5, "%", "Raise website conversion to 3.5 %");
	x->k_crm = kr(d, x->o4, "sarah", "tuan", KR_METRIC, 0, 40, "leads", "Win 40 qualified leads a month");
	/* Leads' own key results earn points once another lead confirms them
	 * (README "Fair points"): Lan approves them at the planning meeting. */
	const int64_t own[] = { x->k_seo, x->k_design, x->k_conv };
	for (size_t i = 0; i < sizeof own / sizeof own[0] && !d->failed; i++)
		ok(d, who(d, "lan"), okr_store_kr_approve(who(d, "lan"), own[i]));
}

static void build_checkins(demo *d, const demo_ids *x)
{
	/* Eight weeks of check-ins: some on track, one at risk, one done, one
	 * silent for weeks (outdated), with notes in three languages. */
	static const char *const n_cust[] = { "Chiến dịch tháng 10 bắt đầu", "Tăng trưởng ổn định",
		"Webinar brought 60 sign-ups", "Kênh đối tác chậm hơn dự kiến" };
	static const char *const n_ads[] = { "Facebook live", "LinkedIn draft approved", "LinkedIn live",
		"Instagram creative in review" };
	static const char *const n_bugs[] = { "清理了重复的缺陷", "修复了支付页面问题", "性能问题已定位",
		"Regression suite green" };
	static const char *const n_conv[] = { "A/B test started", "New pricing page", "Checkout simplified",
		"Mobile flow still leaks" };
	static const char *const n_crm[] = { "Pipeline review", "Trade fair leads", "Cold outreach paused",
		"Referral programme" };
	history(d, "sarah", x->k_cust, 0, 610, 8, 6, 7, n_cust);
	history(d, "hoa", x->k_ads, 0, 2, 8, 8, 8, n_ads);
	history(d, "jing", x->k_bugs, 120, 45, 8, 5, 7, n_bugs);
	history(d, "sarah", x->k_conv, 2.1, 2.5, 8, 7, 4, n_conv);
	history(d, "tuan", x->k_crm, 0, 12, 4, 6, 3, n_crm);
	checkin(d, "wei", x->k_site, 6, 1, 10, "Phiên bản 2.0 đã ra mắt 🎉");
	checkin(d, "minh", x->k_seo, 7, 0, 6, "20 bài viết đã xong, còn 10");
	checkin(d, "wei", x->k_design, 5, 0, 7, "设计稿第二轮评审");
	checkin(d, "tuan", x->k_loyal, 8, 0, 5, "Vendor contract signed; launch slips to next month");
}

static void build_kpis(demo *d, const demo_ids *x)
{
	double cap[] = { 78, 81, 84, 86, 88, 87, 85, 83 };
	double leads[] = { 4, 7, 9, 12, 14, 15, 17, 19 };
	double resp[] = { 3.5, 3, 2.5, 2.5, 2, 2, 1.5, 1.5 };
	double cpl[] = { 0.8, 0.65 };
	double custs[] = { 8, 19, 31, 42, 55, 63, 74, 86 };
	double roi[] = { 6, 11 };
	int64_t id;
	kpi(d, "sarah", "Khách hàng tiềm năng trong nước mới", 20, DIR_AT_LEAST, "leads", "by end of Q4", "CRM",
	    FREQ_WEEKLY, leads, 8, &id);
	kpi(d, "tuan", "Thời gian phản hồi khách hàng tiềm năng", 2, DIR_AT_MOST, "days", "Q4",
	    "reporting software", FREQ_DAILY, resp, 8, &id);
	kpi(d, "minh", "Chi phí mỗi khách hàng tiềm năng", 0.5, DIR_AT_MOST, "$", "Q4", "project plans",
	    FREQ_MONTHLY, cpl, 2, &id);
	kpi(d, "hoa", "新客户 (new customers)", 100, DIR_AT_LEAST, "customers", "Q4", "project management software",
	    FREQ_WEEKLY, custs, 8, &id);
	kpi(d, "wei", "Capacity utilisation", 85, DIR_AT_LEAST, "%", "Q4", "workload tracker", FREQ_WEEKLY, cap, 8,
	    &id);
	ok(d, who(d, "wei"), okr_store_kr_link_kpi(who(d, "wei"), x->k_cap, id));
	kpi(d, "sarah", "ROI per project · 每个项目的投资回报率", 10, DIR_AT_LEAST, "%", "Q4",
	    "budget vs actual cost", FREQ_MONTHLY, roi, 2, &id);
}

static void build_feedback(demo *d, const demo_ids *x)
{
	/* Two-way feedback and recognition. */
	struct { const char *by; char kind; int64_t on; int week; const char *text; } comments[] = {
		{ "lan", 'K', x->k_cust, 6, "Đối tác nào đang chậm? Cần hỗ trợ gì không?" },
		{ "sarah", 'K', x->k_cust, 6, "Two resellers are late; I'll report next week." },
		{ "wei", 'K', x->k_ads, 5, "需要产品截图的话告诉我" },
		{ "minh", 'K', x->k_conv, 7, "Mobile checkout is the biggest leak — can product help this sprint?" },
		{ "lan", 'O', x->o3, 4, "Great pace on the bug backlog, team!" },
	};
	for (size_t i = 0; i < sizeof comments / sizeof comments[0]; i++) {
		okr_store *s = who(d, comments[i].by);
		ok(d, s, okr_store_comment(s, comments[i].kind, comments[i].on, comments[i].text,
					   d->start + comments[i].week * WEEK + 15 * 3600, NULL));
	}
	struct { const char *from, *to; int64_t kr; int week; const char *text; } kudos[] = {
		{ "lan", "wei", x->k_site, 6, "Ra mắt 2.0 đúng hạn — cảm ơn cả nhóm!" },
		{ "wei", "jing", x->k_bugs, 7, "缺陷清理得太棒了" },
		{ "minh", "hoa", x->k_ads, 4, "LinkedIn campaign looks great" },
		{ "sarah", "tuan", 0, 8, "Thanks for covering the trade fair" },
		{ "jing", "minh", 0, 7, "Cảm ơn vì nội dung SEO" },
	};
	for (size_t i = 0; i < sizeof kudos / sizeof kudos[0]; i++) {
		okr_store *s = who(d, kudos[i].from);
		ok(d, s, okr_store_kudos(s, kudos[i].to, kudos[i].text, kudos[i].kr,
					 d->start + kudos[i].week * WEEK + 16 * 3600, NULL));
	}
}

static void build(demo *d, okr_store *admin)
{
	demo_ids x = { 0 };
	if (!build_people(d, admin))
		return;
	build_okrs(d, &x);
	if (d->failed)
		return;
	build_checkins(d, &x);
	build_kpis(d, &x);
	build_feedback(d, &x);
}

int cmd_demo(cli_ctx *ctx, int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse("demo", "", NULL, argc, argv, 0, 0, &a);
	if (rc)
		return rc;
	struct stat st;
	if (stat(ctx->db_path, &st) == 0)
		return cli_fail(OKR_E_USAGE, _("%s already exists — okr demo makes a new database and never "
					       "touches an existing one; give another path with --db"), ctx->db_path);
	char err[1024];
	okr_result r = cli_open(ctx, OKR_OPEN_CREATE, err, sizeof err);
	if (r)
		return cli_fail(r, "%s", err);
	demo d = { .now = okr_now(), .runner = ctx->login };
	snprintf(d.path, sizeof d.path, "%s", ctx->db_path);
	build(&d, ctx->store);
	for (int i = 0; i < NPEOPLE; i++)
		okr_store_close(d.as[i]);
	if (d.failed)
		return d.failed;
	/* The score ledger of the new history, so that no reader has to fold
	 * it (and a viewer of the demo writes nothing).  A cache: a failure
	 * only means the first reader builds it. */
	okr_config cfg = ctx->cfg;
	if (okr_store_team_settings_apply(ctx->store, &cfg, err, sizeof err) == OKR_OK)
		okr_store_ledger_rebuild(ctx->store, &cfg.game, cfg.week_offset_minutes);
	cli_made_named(ctx, 'D', ctx->db_path);
	cli_say(_("Demo database ready: %s\nTry: okr --db %s   (or: okr --db %s list)\n"), ctx->db_path,
	       ctx->db_path, ctx->db_path);
	return 0;
}
