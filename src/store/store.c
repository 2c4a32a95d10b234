/*
 * store.c: opening the SQLite store, migrations, transactions, and the
 * loading of the facts the rules read.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "hlm/alloc.h"
#include "hlm/model.h"
#include "store/schema.h"
#include "store/store_int.h"

sqlite3 *hlm__store_db(hlm_store *s) { return s->db; }

int hlm__store_fail(hlm_store *s, hlm_error *err, const char *what) {
  return hlm_error_set(err, HLM_ESTORE, "base de données (%s) : %s", what,
                       s && s->db ? sqlite3_errmsg(s->db) : "non ouverte");
}

int hlm__store_prepare(hlm_store *s, const char *sql, sqlite3_stmt **st,
                       hlm_error *err) {
  if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK) {
    *st = NULL;
    return hlm__store_fail(s, err, "préparation");
  }
  return HLM_OK;
}

int hlm__store_exec(hlm_store *s, const char *sql, hlm_error *err) {
  /* Statements are fixed strings of the program; no user data here. */
  if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return hlm__store_fail(s, err, "exécution");
  return HLM_OK;
}

const char *hlm__col_text(sqlite3_stmt *st, int i) {
  const unsigned char *t = sqlite3_column_text(st, i);
  return t ? (const char *)t : "";
}

long long hlm__col_int(sqlite3_stmt *st, int i, long long dflt) {
  if (sqlite3_column_type(st, i) == SQLITE_NULL)
    return dflt;
  return sqlite3_column_int64(st, i);
}

void hlm__col_copy(sqlite3_stmt *st, int i, char *dst, size_t n) {
  snprintf(dst, n, "%s", hlm__col_text(st, i));
}

int hlm_store_schema_version(void) { return hlm__schema_count(); }

static int get_version(hlm_store *s, int *v, hlm_error *err) {
  sqlite3_stmt *st;
  int rc = hlm__store_prepare(s, "PRAGMA user_version", &st, err);
  if (rc < 0)
    return rc;
  *v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
  sqlite3_finalize(st);
  return HLM_OK;
}

static int migrate(hlm_store *s, hlm_error *err) {
  int v, rc, k, rewrote = 0;
  if ((rc = get_version(s, &v, err)) < 0)
    return rc;
  if (v > hlm__schema_count())
    return hlm_error_set(err, HLM_ESTORE,
                         "la base est au schéma %d, plus récent que ce "
                         "programme (%d) : mettez hlm à jour",
                         v, hlm__schema_count());
  if (v == hlm__schema_count())
    return HLM_OK;
  if ((rc = hlm__store_exec(s, "BEGIN IMMEDIATE", err)) < 0)
    return rc;
  for (k = v + 1; k <= hlm__schema_count(); k++) {
    char pragma[64];
    rewrote |= v >= 1 && hlm__schema_rewrites(k);
    if ((rc = hlm__store_exec(s, hlm__schema_migration(k), err)) < 0)
      goto fail;
    snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", k);
    if ((rc = hlm__store_exec(s, pragma, err)) < 0)
      goto fail;
  }
  if ((rc = hlm__store_exec(s, "COMMIT", err)) < 0)
    return rc;
  /* A migration that rewrote a table of an existing store leaves the old
   * pages free in the file until VACUUM gives them back (best effort: the
   * store is valid either way). */
  if (rewrote)
    sqlite3_exec(s->db, "VACUUM", NULL, NULL, NULL);
  return HLM_OK;
fail:
  sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  return rc;
}

static int open_common(hlm_store **out, const char *path, int flags,
                       hlm_error *err) {
  hlm_store *s;
  int rc;
  *out = NULL;
  s = hlm_calloc(1, sizeof *s);
  if (!s)
    return hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
  s->path = hlm_strdup(path);
  if (!s->path) {
    hlm_free(s);
    return hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
  }
  /* NOMUTEX: a store is used by one thread at a time (hlm_store is not
   * shared between threads), so SQLite's per-call connection mutex is
   * only a cost (about a fifth of an RPLS import's time). */
  if (sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) !=
      SQLITE_OK) {
    rc = hlm_error_set(err, HLM_ESTORE, "impossible d'ouvrir la base %s : %s",
                       path, s->db ? sqlite3_errmsg(s->db) : "?");
    hlm_store_close(s);
    return rc;
  }
  sqlite3_busy_timeout(s->db, 5000);
  *out = s;
  return HLM_OK;
}

int hlm_store_open(hlm_store **out, const char *path, hlm_error *err) {
  hlm_store *s;
  int rc = open_common(&s, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                       err);
  if (rc < 0)
    return rc;
  if ((rc = hlm__store_exec(s, "PRAGMA journal_mode=WAL", err)) < 0 ||
      (rc = hlm__store_exec(s, "PRAGMA synchronous=NORMAL", err)) < 0 ||
      (rc = hlm__store_exec(s, "PRAGMA foreign_keys=ON", err)) < 0 ||
      (rc = migrate(s, err)) < 0) {
    hlm_store_close(s);
    return rc;
  }
  *out = s;
  return HLM_OK;
}

int hlm_store_open_readonly(hlm_store **out, const char *path,
                            hlm_error *err) {
  struct stat st;
  hlm_store *s;
  int rc, v;
  *out = NULL;
  if (stat(path, &st) != 0)
    return hlm_error_set(err, HLM_ENOTFOUND,
                         "la base %s n'existe pas : importez d'abord des "
                         "données (hlm import …) ou lancez hlm demo",
                         path);
  rc = open_common(&s, path, SQLITE_OPEN_READONLY, err);
  if (rc < 0)
    return rc;
  if ((rc = get_version(s, &v, err)) < 0) {
    hlm_store_close(s);
    return rc;
  }
  if (v != hlm__schema_count()) {
    /* An older store is upgraded by reopening read-write. */
    hlm_store_close(s);
    return hlm_store_open(out, path, err);
  }
  *out = s;
  return HLM_OK;
}

void hlm_store_close(hlm_store *s) {
  if (!s)
    return;
  if (s->db)
    sqlite3_close_v2(s->db);
  hlm_free(s->path);
  hlm_free(s);
}

int hlm_store_begin(hlm_store *s, hlm_error *err) {
  int rc = hlm__store_exec(s, "BEGIN IMMEDIATE", err);
  if (rc == HLM_OK)
    s->in_tx = 1;
  return rc;
}

int hlm_store_commit(hlm_store *s, hlm_error *err) {
  int rc = hlm__store_exec(s, "COMMIT", err);
  s->in_tx = 0;
  return rc;
}

void hlm_store_rollback(hlm_store *s) {
  if (s && s->db)
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  if (s)
    s->in_tx = 0;
}

/* ---- loading facts ---- */

static int load_orgs(hlm_store *s, hlm_facts *f, hlm_error *err) {
  sqlite3_stmt *st;
  size_t cap = 0;
  int rc = hlm__store_prepare(
      s,
      "SELECT id, name, kind, departement, group_id, rpls_number,"
      " accession_main_activity, loans_granted_10y, turnover_avg_3y_cents,"
      " insufficient_mission_contribution, share_nominal_cents,"
      " subsidiary_of, controlled_by FROM organisms ORDER BY id",
      &st, err);
  if (rc < 0)
    return rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    hlm_organism *o;
    const char *kind;
    if (f->n_orgs == cap) {
      size_t nc = cap ? cap * 2 : 64;
      hlm_organism *p = hlm_realloc(f->orgs, nc * sizeof *p);
      if (!p)
        goto nomem;
      f->orgs = p;
      cap = nc;
    }
    o = &f->orgs[f->n_orgs];
    memset(o, 0, sizeof *o);
    hlm__col_copy(st, 0, o->id, sizeof o->id);
    o->name = hlm_strdup(hlm__col_text(st, 1));
    if (!o->name)
      goto nomem;
    f->n_orgs++;
    kind = hlm__col_text(st, 2);
    if (hlm_kind_parse(kind, strlen(kind), &o->kind) < 0)
      o->kind = HLM_KIND_NONE;
    hlm__col_copy(st, 3, o->departement, sizeof o->departement);
    hlm__col_copy(st, 4, o->group_id, sizeof o->group_id);
    hlm__col_copy(st, 5, o->rpls_number, sizeof o->rpls_number);
    o->accession_main_activity = (int)hlm__col_int(st, 6, -1);
    o->loans_granted_10y = hlm__col_int(st, 7, -1);
    o->turnover_avg_3y_cents = hlm__col_int(st, 8, -1);
    o->insufficient_mission_contribution = (int)hlm__col_int(st, 9, -1);
    o->share_nominal_cents = hlm__col_int(st, 10, -1);
    hlm__col_copy(st, 11, o->subsidiary_of, sizeof o->subsidiary_of);
    hlm__col_copy(st, 12, o->controlled_by, sizeof o->controlled_by);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE)
    return hlm__store_fail(s, err, "lecture des organismes");
  return HLM_OK;
nomem:
  sqlite3_finalize(st);
  return hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
}

static int load_groups(hlm_store *s, hlm_facts *f, hlm_error *err) {
  sqlite3_stmt *st;
  size_t cap = 0;
  int rc = hlm__store_prepare(
      s, "SELECT id, name, kind, head_id, departement FROM groups ORDER BY id",
      &st, err);
  if (rc < 0)
    return rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    hlm_group *g;
    if (f->n_groups == cap) {
      size_t nc = cap ? cap * 2 : 32;
      hlm_group *p = hlm_realloc(f->groups, nc * sizeof *p);
      if (!p)
        goto nomem;
      f->groups = p;
      cap = nc;
    }
    g = &f->groups[f->n_groups];
    memset(g, 0, sizeof *g);
    hlm__col_copy(st, 0, g->id, sizeof g->id);
    g->name = hlm_strdup(hlm__col_text(st, 1));
    if (!g->name)
      goto nomem;
    f->n_groups++;
    g->kind = strcmp(hlm__col_text(st, 2), "CONTROL") == 0
                  ? HLM_GROUP_CONTROL
                  : HLM_GROUP_SOC_COORDINATION;
    hlm__col_copy(st, 3, g->head_id, sizeof g->head_id);
    hlm__col_copy(st, 4, g->departement, sizeof g->departement);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE)
    return hlm__store_fail(s, err, "lecture des groupes");
  return HLM_OK;
nomem:
  sqlite3_finalize(st);
  return hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
}

static int load_stock(hlm_store *s, hlm_facts *f, hlm_error *err) {
  sqlite3_stmt *st;
  size_t cap = 0;
  int rc = hlm__store_prepare(
      s,
      "SELECT r.year, r.owner, a.manager, a.manager_rpls, a.lines, a.conv,"
      " a.pre77_nc, a.built10, a.entered6"
      " FROM stock_agg a JOIN rpls_stocks r ON r.id = a.stock"
      " ORDER BY r.owner, r.year, a.manager, a.manager_rpls",
      &st, err);
  if (rc < 0)
    return rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    hlm_stock_agg *a;
    if (f->n_stock == cap) {
      size_t nc = cap ? cap * 2 : 256;
      hlm_stock_agg *p = hlm_realloc(f->stock, nc * sizeof *p);
      if (!p) {
        sqlite3_finalize(st);
        return hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
      }
      f->stock = p;
      cap = nc;
    }
    a = &f->stock[f->n_stock++];
    memset(a, 0, sizeof *a);
    a->year = sqlite3_column_int(st, 0);
    hlm__col_copy(st, 1, a->owner, sizeof a->owner);
    hlm__col_copy(st, 2, a->manager, sizeof a->manager);
    hlm__col_copy(st, 3, a->manager_rpls, sizeof a->manager_rpls);
    a->lines = sqlite3_column_int64(st, 4);
    a->conv = sqlite3_column_int64(st, 5);
    a->pre77_nc = sqlite3_column_int64(st, 6);
    a->built10 = sqlite3_column_int64(st, 7);
    a->entered6 = sqlite3_column_int64(st, 8);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE)
    return hlm__store_fail(s, err, "lecture du parc");
  return HLM_OK;
}

static int load_foyers(hlm_store *s, hlm_facts *f, hlm_error *err) {
  sqlite3_stmt *st;
  size_t cap = 0;
  int rc = hlm__store_prepare(
      s,
      "SELECT owner, manager, structure_id, beds, autonomous, dwellings,"
      " conv, construct, year FROM foyers ORDER BY owner, year, structure_id",
      &st, err);
  if (rc < 0)
    return rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    hlm_foyer *y;
    if (f->n_foyers == cap) {
      size_t nc = cap ? cap * 2 : 64;
      hlm_foyer *p = hlm_realloc(f->foyers, nc * sizeof *p);
      if (!p) {
        sqlite3_finalize(st);
        return hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
      }
      f->foyers = p;
      cap = nc;
    }
    y = &f->foyers[f->n_foyers++];
    memset(y, 0, sizeof *y);
    hlm__col_copy(st, 0, y->owner, sizeof y->owner);
    hlm__col_copy(st, 1, y->manager, sizeof y->manager);
    hlm__col_copy(st, 2, y->structure_id, sizeof y->structure_id);
    y->beds = sqlite3_column_int64(st, 3);
    y->autonomous = (int)hlm__col_int(st, 4, 0);
    y->dwellings = hlm__col_int(st, 5, -1);
    y->conv = sqlite3_column_int(st, 6);
    y->construct = sqlite3_column_int(st, 7);
    y->year = sqlite3_column_int(st, 8);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE)
    return hlm__store_fail(s, err, "lecture des foyers");
  return HLM_OK;
}

/* Loads the capital and money facts (capital room); weak default below
 * until that room exists. */
int hlm__store_load_capital(hlm_store *s, hlm_date as_of, hlm_facts *f,
                            hlm_error *err);

int hlm_store_load_facts(hlm_store *s, hlm_date as_of, hlm_facts *out,
                         hlm_error *err) {
  int rc;
  memset(out, 0, sizeof *out);
  if ((rc = load_orgs(s, out, err)) < 0 ||
      (rc = load_groups(s, out, err)) < 0 ||
      (rc = load_stock(s, out, err)) < 0 ||
      (rc = load_foyers(s, out, err)) < 0 ||
      (rc = hlm__store_load_capital(s, as_of, out, err)) < 0) {
    hlm_facts_clear(out);
    return rc;
  }
  return HLM_OK;
}
