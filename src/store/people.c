/*
 * people.c — persons, roles and teams.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/permit.h"
#include "okr/util.h"
#include "store_int.h"

int64_t store_person_id(okr_store *s, const char *login)
{
	return store_id_by_text(s, "SELECT id FROM person WHERE login = ?1", login);
}

/* Every write that names a person (owner, role, name, team) refuses an
 * unknown login with the same words and the command that adds them: a
 * teammate who has only read the database is not registered yet. */
okr_result store_fail_no_person(okr_store *s, const char *login)
{
	return store_fail(s, OKR_E_NOTFOUND, _("no person '%s' in this database — name them by login or "
					     "display name (`okr list --people` shows who is); people are added "
					     "when they first run okr, or when an admin runs `okr person add %s`"),
			  login, login);
}

void store_person_row(db_stmt *st, void *row)
{
	okr_person *p = row;
	p->id = db_column_int64(st, 0);
	p->login = store_col_text(st, 1);
	p->name = store_col_text(st, 2);
	p->role = store_col_word(st, 3, &okr_roles, ROLE_MEMBER);
	p->opt_out = db_column_int(st, 4) != 0;
	p->teams = store_col_text(st, 5);
}

/* Only a registered person has teams; a failed read is tried again at the
 * next ask, and meanwhile they are shown without. */
const okr_person *okr_store_me(okr_store *s)
{
	if (s->me_teams || !s->me.id || !s->db)
		return &s->me;
	db_stmt *st = store_prepare(s, STORE_PERSON_TEAMS " WHERE m.person_id = ?1");
	if (!st)
		return &s->me;
	db_bind_int64(st, 1, s->me.id);
	int rc = db_step(st);
	if (rc == DB_ROW || rc == DB_DONE) {
		free(s->me.teams);
		s->me.teams = rc == DB_ROW ? store_col_text(st, 0) : okr_xstrdup("");
		s->me_teams = true;
	}
	store_done(s, st);
	return &s->me;
}

const char *okr_store_login(const okr_store *s)
{
	return s->me.login;
}

/* A person's row by login, from sql (… WHERE p.login = ?1); OKR_E_NOTFOUND
 * with no message when there is none. */
static okr_result person_by_login(okr_store *s, const char *sql, const char *login, okr_person *out)
{
	memset(out, 0, sizeof *out);
	db_stmt *st = store_prepare(s, sql);
	if (!st)
		return OKR_E_FAIL;
	db_bind_text(st, 1, login, -1);
	return store_one_row(s, st, store_person_row, out, _("reading a person"));
}

okr_result store_me_row(okr_store *s, okr_person *out)
{
	return person_by_login(s, STORE_ME_SELECT " WHERE p.login = ?1", s->me.login, out);
}

okr_result okr_store_person(okr_store *s, const char *login, okr_person *out)
{
	okr_result r = person_by_login(s, STORE_PERSON_SELECT " WHERE p.login = ?1", login, out);
	if (r == OKR_E_NOTFOUND)
		r = store_fail(s, OKR_E_NOTFOUND, _("no person '%s' in this database — they are added "
						     "when they first use okr, or with `okr person add`"), login);
	return r;
}

/* Admins manage people and teams; this keeps that rule in one place. */
static okr_result need_admin(okr_store *s)
{
	if (okr_may_manage_people(s->me.role))
		return OKR_OK;
	return store_fail(s, OKR_E_DENIED, _("only an admin can manage people and teams — "
					     "ask an admin (see `okr list --people`)"));
}

struct person_ctx {
	const char *login, *name, *team, *parent;
	okr_role role;
};

static okr_result person_add_txn(okr_store *s, void *vctx)
{
	struct person_ctx *c = vctx;
	if (store_person_id(s, c->login))
		return store_fail(s, OKR_E_USAGE, _("'%s' is already registered"), c->login);
	db_stmt *st = store_prepare(s,
		"INSERT INTO person(login, name, role, created_at) VALUES(?1, ?2, ?4, ?3) RETURNING id");
	if (!st)
		return OKR_E_FAIL;
	db_bind_text(st, 1, c->login, -1);
	db_bind_text(st, 2, c->name && *c->name ? c->name : c->login, -1);
	db_bind_int64(st, 3, okr_now());
	db_bind_text(st, 4, okr_wire(&okr_roles, c->role), -1);
	int64_t new_id;
	int rc = db_step_id(st, &new_id);
	store_done(s, st);
	/* On a server the person's login role is made (or granted okr's group)
	 * as the row goes in, by the database's owner (roles_pg.c). */
	if (rc == DB_E_DENIED)
		return store_fail(s, OKR_E_DENIED,
			_("the server may not make or grant the login role '%s': the database's owner needs "
			  "CREATEROLE — ask the server's administrator to run `CREATE ROLE %s LOGIN` or to give the "
			  "owner CREATEROLE, then add them again"), c->login, c->login);
	if (rc != DB_DONE)
		return store_sqlerr(s, rc, _("adding a person"));
	return store_audit(s, "add", 'U', new_id, c->login);
}

okr_result okr_store_person_add(okr_store *s, const char *login, const char *name)
{
	return okr_store_person_add_as(s, login, name, ROLE_MEMBER);
}

okr_result okr_store_person_add_as(okr_store *s, const char *login, const char *name, okr_role role)
{
	okr_result r = need_admin(s);
	if (r != OKR_OK)
		return r;
	if (!login || !*login || strpbrk(login, " \t\n/:,"))
		return store_fail(s, OKR_E_USAGE, _("'%s' is not a login name — use the person's "
						   "account name, such as 'anh'"), login ? login : "");
	if ((r = store_check_text(s, _("name"), name, 200, false)) != OKR_OK)
		return r;
	struct person_ctx c = { .login = login, .name = name, .role = role };
	return store_write(s, person_add_txn, &c);
}

static okr_result person_update_txn(okr_store *s, void *vctx)
{
	struct person_ctx *c = vctx;
	int64_t id;
	okr_result pr = store_person_ref(s, c->login, &id);
	if (pr)
		return pr;
	db_stmt *st = store_prepare(s, c->name
		? "UPDATE person SET name = ?2 WHERE id = ?1"
		: "UPDATE person SET role = ?2 WHERE id = ?1");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, c->name ? c->name : okr_wire(&okr_roles, c->role), -1);
	if ((pr = store_step_done(s, st, _("updating a person"))))
		return pr;
	return store_audit(s, c->name ? "rename" : "role", 'U', id,
			   c->name ? c->name : okr_wire(&okr_roles, c->role));
}

okr_result okr_store_person_set_role(okr_store *s, const char *login, okr_role role)
{
	okr_result r = need_admin(s);
	if (r != OKR_OK)
		return r;
	struct person_ctx c = { .login = login, .role = role };
	r = store_write(s, person_update_txn, &c);
	if (r == OKR_OK && strcmp(login, s->me.login) == 0)
		s->me.role = role;
	return r;
}

okr_result okr_store_person_set_name(okr_store *s, const char *login, const char *name)
{
	if (strcmp(login, s->me.login) != 0) {
		okr_result r = need_admin(s);
		if (r != OKR_OK)
			return r;
	}
	okr_result r = store_check_text(s, _("name"), name, 200, true);
	if (r != OKR_OK)
		return r;
	struct person_ctx c = { .login = login, .name = name };
	return store_write(s, person_update_txn, &c);
}

struct opt_out_ctx {
	int64_t id;
	bool opt_out;
};

static okr_result opt_out_txn(okr_store *s, void *vctx)
{
	struct opt_out_ctx *c = vctx;
	db_stmt *st = store_prepare(s, "UPDATE person SET opt_out = ?2 WHERE id = ?1 AND opt_out <> ?2");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, c->id);
	db_bind_int64(st, 2, c->opt_out);
	okr_result r = store_step_done(s, st, _("updating a person"));
	if (r)
		return r;
	if (!db_changes(s->db))
		return OKR_OK;   /* already so: nothing to record */
	return store_audit(s, "opt-out", 'U', c->id, c->opt_out ? "hidden" : "shown");
}

okr_result okr_store_person_set_opt_out(okr_store *s, const char *login, bool opt_out)
{
	okr_person p;
	okr_result r = okr_store_person_find(s, login, &p);
	if (r != OKR_OK)
		return r;
	struct opt_out_ctx c = { p.id, opt_out };
	okr_person_free(&p);
	if (!okr_may_set_opt_out(s->me.id, c.id))
		return store_fail(s, OKR_E_DENIED, _("only %s can hide themselves from the leaderboard, or show "
						     "themselves again — it is each person's own choice"), login);
	r = store_write(s, opt_out_txn, &c);
	if (r == OKR_OK)
		s->me.opt_out = opt_out;
	return r;
}

static int64_t team_id(okr_store *s, const char *name)
{
	return store_id_by_text(s, "SELECT id FROM team WHERE name = ?1", name);
}

/* A team someone named: the exact name, else the one name that folds the
 * same ("cong ty" for "Công ty"; names.c). */
int64_t store_team_id(okr_store *s, const char *name)
{
	int64_t id = team_id(s, name);
	return id ? id : store_team_ref(s, name);
}

static okr_result team_add_txn(okr_store *s, void *vctx)
{
	struct person_ctx *c = vctx;
	if (team_id(s, c->team))
		return store_fail(s, OKR_E_USAGE, _("there is already a team '%s'"), c->team);
	int64_t parent = 0;
	if (c->parent && *c->parent && !(parent = team_id(s, c->parent)))
		return store_fail(s, OKR_E_NOTFOUND, _("no team '%s' — add it first with `okr team add`"),
				  c->parent);
	db_stmt *st = store_prepare(s, "INSERT INTO team(name, parent_id) VALUES(?1, ?2) RETURNING id");
	if (!st)
		return OKR_E_FAIL;
	db_bind_text(st, 1, c->team, -1);
	if (parent)
		db_bind_int64(st, 2, parent);
	int64_t new_id;
	okr_result saved = store_insert_id(s, st, &new_id, _("adding a team"));
	if (saved)
		return saved;
	return store_audit(s, "add", 'T', new_id, c->team);
}

okr_result okr_store_team_add(okr_store *s, const char *name, const char *parent)
{
	okr_result r = need_admin(s);
	if (r != OKR_OK)
		return r;
	if (!name || !*name)
		return store_fail(s, OKR_E_USAGE, _("a team needs a name"));
	/* A blank name cannot be told apart in a list, and a comma would split it
	 * where a person's teams are shown as "A, B". */
	if ((r = store_check_text(s, _("team name"), name, 100, true)) != OKR_OK)
		return r;
	if (strchr(name, ','))
		return store_fail(s, OKR_E_USAGE, _("a team name cannot hold a comma — '%s'"), name);
	struct person_ctx c = { .team = name, .parent = parent };
	return store_write(s, team_add_txn, &c);
}

static okr_result team_join_txn(okr_store *s, void *vctx)
{
	struct person_ctx *c = vctx;
	int64_t t = store_team_id(s, c->team), p;
	if (!t)
		return store_fail(s, OKR_E_NOTFOUND, _("no team '%s' — add it first with `okr team add`"), c->team);
	okr_result pr = store_person_ref(s, c->login, &p);
	if (pr)
		return pr;
	db_stmt *st = store_prepare(s,
		"INSERT INTO team_member(team_id, person_id) VALUES(?1, ?2) ON CONFLICT DO NOTHING");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, t);
	db_bind_int64(st, 2, p);
	if ((pr = store_step_done(s, st, _("joining a team"))))
		return pr;
	return store_audit(s, "join", 'T', t, c->login);
}

okr_result okr_store_team_join(okr_store *s, const char *team, const char *login)
{
	if (!okr_may_join_team(s->me.role, strcmp(login, s->me.login) == 0))
		return store_fail(s, OKR_E_DENIED, _("only a lead or admin can add someone else to a team"));
	struct person_ctx c = { .team = team, .login = login };
	return store_write(s, team_join_txn, &c);
}
