/*
 * table.c: the generic importer of the project's CSV files (see table.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/strset.h"
#include "hlm/alloc.h"
#include "hlm/date.h"
#include "hlm/model.h"
#include "io/table.h"
#include "store/store_int.h"

#define SHOW 40 /* bytes of a bad value quoted in a message */

void hlm_import_opts_init(hlm_import_opts *o) {
  memset(o, 0, sizeof *o);
  o->max_errors = 100;
}

int hlm_table_col(const hlm_tablespec *spec, const char *name) {
  size_t i;
  for (i = 0; i < spec->ncols; i++)
    if (strcmp(spec->cols[i].name, name) == 0)
      return (int)i;
  return -1;
}

/* Length of the longest prefix of s (at most max bytes) that ends on a
 * UTF-8 character boundary. */
static int shown(const char *s, size_t len) {
  size_t n = len < SHOW ? len : SHOW;
  while (n > 0 && n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
    n--;
  return (int)n;
}

void hlm_table_error(const hlm_tablespec *spec, const hlm_csv *csv,
                     const int *colmap, const char *name, hlm_diags *d,
                     const char *fmt, ...) {
  hlm_error e;
  va_list ap;
  int k = hlm_table_col(spec, name);
  long col = 0;
  if (k >= 0 && colmap[k] >= 0)
    col = hlm_csv_column(csv, (size_t)colmap[k]);
  hlm_error_clear(&e);
  e.code = HLM_EINPUT;
  snprintf(e.file, sizeof e.file, "%s", csv->path);
  e.line = csv->line;
  e.column = col;
  snprintf(e.field, sizeof e.field, "%s", name);
  va_start(ap, fmt);
  vsnprintf(e.message, sizeof e.message, fmt, ap);
  va_end(ap);
  hlm_diags_add(d, &e);
}

int hlm_dept_valid(const char *s, size_t len) {
  if (len == 2) {
    if (s[0] == '2' && (s[1] == 'A' || s[1] == 'B'))
      return 1;
    if (s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9') {
      int v = (s[0] - '0') * 10 + (s[1] - '0');
      return v >= 1 && v <= 95 && v != 20;
    }
    return 0;
  }
  if (len == 3 && s[0] == '9' && s[1] == '7' && s[2] >= '1' && s[2] <= '6')
    return 1;
  return 0;
}

int hlm_depcom_valid(const char *s, size_t len) {
  size_t i;
  if (len != 5)
    return 0;
  if (s[0] == '9' && s[1] == '7') {
    /* overseas: 97 + 1..6 + two digits */
    if (s[2] < '1' || s[2] > '6')
      return 0;
    return s[3] >= '0' && s[3] <= '9' && s[4] >= '0' && s[4] <= '9';
  }
  if (!hlm_dept_valid(s, 2))
    return 0;
  for (i = 2; i < 5; i++)
    if (s[i] < '0' || s[i] > '9')
      return 0;
  return !(s[2] == '0' && s[3] == '0' && s[4] == '0');
}

static int parse_int(const char *s, size_t len, long long *out) {
  size_t i = 0;
  int neg = 0;
  long long v = 0;
  if (len == 0)
    return 0;
  if (s[0] == '-') {
    neg = 1;
    i = 1;
  }
  if (i == len || len - i > 18)
    return 0;
  for (; i < len; i++) {
    if (s[i] < '0' || s[i] > '9')
      return 0;
    v = v * 10 + (s[i] - '0');
  }
  *out = neg ? -v : v;
  return 1;
}

/* Parses field f as column c into v; records an error and returns 1 when
 * it is not valid. */
static int parse_value(const hlm_tablespec *spec, const hlm_csv *csv,
                       const int *colmap, const hlm_colspec *c,
                       const hlm_csv_field *f, hlm_value *v, hlm_diags *d) {
  const char *s = f->p;
  size_t len = f->len;
  memset(v, 0, sizeof *v);
  v->s = s;
  v->len = len;
  if (len == 0) {
    if (c->required) {
      hlm_table_error(spec, csv, colmap, c->name, d,
                      "valeur obligatoire manquante");
      return 1;
    }
    return 0;
  }
  v->present = 1;
  switch (c->type) {
  case HLM_COL_TEXT: {
    size_t max = c->max > 0 ? (size_t)c->max : 200;
    if (len > max) {
      hlm_table_error(spec, csv, colmap, c->name, d,
                      "texte trop long (%zu octets, au plus %zu)", len, max);
      return 1;
    }
    return 0;
  }
  case HLM_COL_ID: {
    size_t i;
    if (len > 63) {
      hlm_table_error(spec, csv, colmap, c->name, d,
                      "identifiant trop long (%zu octets, au plus 63)", len);
      return 1;
    }
    for (i = 0; i < len; i++)
      if (s[i] == ' ' || s[i] == '\t') {
        hlm_table_error(spec, csv, colmap, c->name, d,
                        "identifiant « %.*s » : les espaces sont interdits",
                        shown(s, len), s);
        return 1;
      }
    return 0;
  }
  case HLM_COL_HOLDER:
    if (len >= 3 && s[1] == ':' && s[0] >= 'A' && s[0] <= 'Z' && len <= 63)
      return 0;
    /* otherwise a SIREN */
    __attribute__((fallthrough));
  case HLM_COL_SIREN: {
    size_t i;
    int digits = len == HLM_SIREN_LEN;
    for (i = 0; digits && i < len; i++)
      digits = s[i] >= '0' && s[i] <= '9';
    if (!digits) {
      hlm_table_error(spec, csv, colmap, c->name, d,
                      "SIREN invalide « %.*s » : 9 chiffres attendus%s",
                      shown(s, len), s,
                      c->type == HLM_COL_HOLDER
                          ? " (ou un identifiant préfixé, ex. P:…)"
                          : "");
      return 1;
    }
    if (!hlm_siren_valid(s, len)) {
      hlm_table_error(spec, csv, colmap, c->name, d,
                      "SIREN invalide « %.*s » : clé de contrôle (Luhn) "
                      "incorrecte",
                      (int)len, s);
      return 1;
    }
    return 0;
  }
  case HLM_COL_INT:
  case HLM_COL_CENTS:
  case HLM_COL_YEAR: {
    long long lo = c->min, hi = c->max;
    if (c->type == HLM_COL_YEAR && lo == 0 && hi == 0) {
      lo = 1800;
      hi = 2100;
    }
    if ((c->type == HLM_COL_YEAR && len != 4) || !parse_int(s, len, &v->i)) {
      hlm_table_error(spec, csv, colmap, c->name, d, "%s attendu, lu « %.*s »",
                      c->type == HLM_COL_YEAR    ? "année AAAA"
                      : c->type == HLM_COL_CENTS ? "montant entier en centimes"
                                                 : "nombre entier",
                      shown(s, len), s);
      return 1;
    }
    if ((lo != 0 || hi != 0) && (v->i < lo || v->i > hi)) {
      hlm_table_error(spec, csv, colmap, c->name, d,
                      "valeur %lld hors des limites [%lld ; %lld]", v->i, lo,
                      hi);
      return 1;
    }
    return 0;
  }
  case HLM_COL_DATE: {
    hlm_date t;
    if (hlm_date_parse(s, len, &t) < 0) {
      size_t k;
      int shaped = len == 10 && s[4] == '-' && s[7] == '-';
      for (k = 0; shaped && k < 10; k++)
        shaped = k == 4 || k == 7 || (s[k] >= '0' && s[k] <= '9');
      hlm_table_error(spec, csv, colmap, c->name, d,
                      shaped ? "date inexistante « %.*s » : ce jour n'existe "
                               "pas dans le calendrier"
                             : "date invalide « %.*s » : format AAAA-MM-JJ "
                               "attendu",
                      shown(s, len), s);
      return 1;
    }
    v->i = t;
    return 0;
  }
  case HLM_COL_BOOL:
    if (len == 1 && (s[0] == '0' || s[0] == '1')) {
      v->i = s[0] - '0';
      return 0;
    }
    hlm_table_error(spec, csv, colmap, c->name, d,
                    "1 ou 0 attendu, lu « %.*s »", shown(s, len), s);
    return 1;
  case HLM_COL_KIND: {
    hlm_kind k;
    if (hlm_kind_parse(s, len, &k) == HLM_OK) {
      v->i = k;
      return 0;
    }
    hlm_table_error(spec, csv, colmap, c->name, d,
                    "nature d'organisme inconnue « %.*s » (attendu : OPH, "
                    "ESH, COOP, SCIC, FONDATION, SEM_AGREE, SEM, SPL, SEMOP, "
                    "MOI, AGREE_L365_1, ACTION_LOGEMENT, SOC_COORDINATION, "
                    "SAC, COOPERATION_STRUCTURE, LOCAL_AUTHORITY)",
                    shown(s, len), s);
    return 1;
  }
  case HLM_COL_DEPT:
    if (hlm_dept_valid(s, len))
      return 0;
    hlm_table_error(spec, csv, colmap, c->name, d,
                    "code de département invalide « %.*s » (01 à 95, 2A, 2B, "
                    "971 à 976)",
                    shown(s, len), s);
    return 1;
  case HLM_COL_ENUM: {
    const char *const *p;
    char list[256];
    size_t k = 0;
    for (p = c->values; *p; p++)
      if (strlen(*p) == len && memcmp(*p, s, len) == 0) {
        v->i = (long long)(p - c->values);
        return 0;
      }
    list[0] = '\0';
    for (p = c->values; *p && k < sizeof list - 1; p++)
      k += (size_t)snprintf(list + k, sizeof list - k, "%s%s",
                            p == c->values ? "" : ", ", *p);
    hlm_table_error(spec, csv, colmap, c->name, d,
                    "valeur « %.*s » hors de la liste (%s)", shown(s, len), s,
                    list);
    return 1;
  }
  case HLM_COL_PERIOD: {
    int ok = (len == 4 || len == 7);
    size_t i;
    for (i = 0; ok && i < 4; i++)
      ok = s[i] >= '0' && s[i] <= '9';
    if (ok && len == 7)
      ok = s[4] == '-' && s[5] >= '0' && s[5] <= '1' && s[6] >= '0' &&
           s[6] <= '9' && ((s[5] - '0') * 10 + (s[6] - '0')) >= 1 &&
           ((s[5] - '0') * 10 + (s[6] - '0')) <= 12;
    if (ok)
      return 0;
    hlm_table_error(spec, csv, colmap, c->name, d,
                    "période invalide « %.*s » : AAAA ou AAAA-MM attendu",
                    shown(s, len), s);
    return 1;
  }
  }
  return 0;
}

/* Reads the header: fills colmap (spec index -> file field index).
 * Returns the number of header errors recorded. */
static int read_header(const hlm_tablespec *spec, hlm_csv *csv,
                       const hlm_import_opts *o, int *colmap, hlm_diags *d) {
  size_t i, j;
  int bad = 0;
  for (i = 0; i < spec->ncols; i++)
    colmap[i] = -1;
  for (j = 0; j < csv->nf; j++) {
    const hlm_csv_field *f = &csv->fields[j];
    int found = -1;
    for (i = 0; i < spec->ncols; i++)
      if (hlm_csv_field_is(f, spec->cols[i].name)) {
        found = (int)i;
        break;
      }
    if (found < 0) {
      if (!o->ignore_unknown_columns) {
        hlm_diags_at(d, csv->path, csv->line, hlm_csv_column(csv, j), NULL,
                     "colonne inconnue « %.*s » pour un fichier %s (utilisez "
                     "--ignore-unknown-columns pour l'ignorer)",
                     shown(f->p, f->len), f->p, spec->kind);
        bad++;
      }
      continue;
    }
    if (colmap[found] >= 0) {
      hlm_diags_at(d, csv->path, csv->line, hlm_csv_column(csv, j),
                   spec->cols[found].name,
                   "colonne en double dans l'en-tête (déjà en colonne %ld)",
                   hlm_csv_column(csv, (size_t)colmap[found]));
      bad++;
      continue;
    }
    colmap[found] = (int)j;
  }
  for (i = 0; i < spec->ncols; i++)
    if (spec->cols[i].required && colmap[i] < 0) {
      hlm_diags_at(d, csv->path, csv->line, 0, spec->cols[i].name,
                   "colonne obligatoire absente de l'en-tête");
      bad++;
    }
  return bad;
}

/* Builds "INSERT [OR REPLACE] INTO t(c1,..) VALUES(?,..)". */
static char *insert_sql(const hlm_tablespec *spec) {
  size_t n = 64 + strlen(spec->table), i, k = 0;
  char *sql;
  for (i = 0; i < spec->ncols; i++)
    n += strlen(spec->cols[i].name) + 4;
  sql = hlm_malloc(n);
  if (!sql)
    return NULL;
  k += (size_t)snprintf(sql + k, n - k, "INSERT %sINTO %s(",
                        spec->landing == HLM_LAND_UPSERT ? "OR REPLACE " : "",
                        spec->table);
  for (i = 0; i < spec->ncols; i++)
    k += (size_t)snprintf(sql + k, n - k, "%s%s", i ? "," : "",
                          spec->cols[i].name);
  k += (size_t)snprintf(sql + k, n - k, ") VALUES(");
  for (i = 0; i < spec->ncols; i++)
    k += (size_t)snprintf(sql + k, n - k, "%s?", i ? "," : "");
  snprintf(sql + k, n - k, ")");
  return sql;
}

static char *delete_sql(const hlm_tablespec *spec) {
  size_t n = 64 + strlen(spec->table), k = 0;
  const char *const *p;
  char *sql;
  for (p = spec->set_key; *p; p++)
    n += strlen(*p) + 10;
  sql = hlm_malloc(n);
  if (!sql)
    return NULL;
  k += (size_t)snprintf(sql + k, n - k, "DELETE FROM %s WHERE ", spec->table);
  for (p = spec->set_key; *p; p++)
    k += (size_t)snprintf(sql + k, n - k, "%s%s = ?",
                          p == spec->set_key ? "" : " AND ", *p);
  return sql;
}

static void bind_value(sqlite3_stmt *st, int idx, const hlm_colspec *c,
                       const hlm_value *v) {
  if (!v->present) {
    sqlite3_bind_null(st, idx);
    return;
  }
  switch (c->type) {
  case HLM_COL_INT:
  case HLM_COL_CENTS:
  case HLM_COL_YEAR:
  case HLM_COL_BOOL:
    sqlite3_bind_int64(st, idx, v->i);
    break;
  case HLM_COL_DATE: {
    char buf[11];
    hlm_date_format((hlm_date)v->i, buf);
    sqlite3_bind_text(st, idx, buf, -1, SQLITE_TRANSIENT);
    break;
  }
  default:
    sqlite3_bind_text(st, idx, v->s, (int)v->len, SQLITE_TRANSIENT);
  }
}

/* Joins the values of names[] with '\x1f' into buf; returns length. */
static size_t join_key(const hlm_tablespec *spec, const hlm_value *vals,
                       const char *const *names, char *buf, size_t n) {
  size_t k = 0;
  const char *const *p;
  for (p = names; *p; p++) {
    int c = hlm_table_col(spec, *p);
    const hlm_value *v = &vals[c];
    size_t l = v->len;
    if (k + l + 1 >= n)
      l = n - k - 2;
    memcpy(buf + k, v->s ? v->s : "", l);
    k += l;
    buf[k++] = '\x1f';
  }
  return k;
}

int hlm_table_import(hlm_store *s, const hlm_tablespec *spec,
                     const char *path, const hlm_import_opts *o,
                     hlm_import_report *rep, hlm_diags *d, hlm_error *err) {
  hlm_csv csv;
  int *colmap = NULL;
  hlm_value *vals = NULL;
  hlm_strset seen, sets;
  sqlite3_stmt *ins = NULL, *del = NULL;
  char *sql = NULL;
  int rc, in_tx = 0;
  size_t header_nf;
  uint64_t last_progress = 0;

  memset(rep, 0, sizeof *rep);
  hlm_strset_init(&seen);
  hlm_strset_init(&sets);
  if ((rc = hlm_csv_open(&csv, path, err)) < 0)
    return rc;
  colmap = hlm_calloc(spec->ncols, sizeof *colmap);
  vals = hlm_calloc(spec->ncols, sizeof *vals);
  if (!colmap || !vals) {
    rc = hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
    goto done;
  }
  rc = hlm_csv_next(&csv, err);
  if (rc == 0) {
    hlm_diags_at(d, path, 1, 0, NULL,
                 "fichier vide : la ligne d'en-tête (noms des colonnes) "
                 "manque");
    rc = HLM_EINPUT;
    goto done;
  }
  if (rc < 0) {
    if (rc == HLM_EINPUT) {
      hlm_diags_add(d, err);
      hlm_error_clear(err);
    }
    goto done;
  }
  if (read_header(spec, &csv, o, colmap, d) > 0) {
    rc = HLM_EINPUT;
    goto done;
  }
  header_nf = csv.nf;

  if ((rc = hlm_store_begin(s, err)) < 0)
    goto done;
  in_tx = 1;
  sql = insert_sql(spec);
  if (!sql) {
    rc = hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
    goto done;
  }
  if ((rc = hlm__store_prepare(s, sql, &ins, err)) < 0)
    goto done;
  if (spec->landing == HLM_LAND_REPLACE_SETS) {
    hlm_free(sql);
    sql = delete_sql(spec);
    if (!sql) {
      rc = hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
      goto done;
    }
    if ((rc = hlm__store_prepare(s, sql, &del, err)) < 0)
      goto done;
  }

  for (;;) {
    size_t i, before = d->total;
    hlm_error le;
    hlm_error_clear(&le);
    rc = hlm_csv_next(&csv, &le);
    if (rc == 0)
      break;
    if (rc < 0) {
      if (rc != HLM_EINPUT) {
        *err = le;
        goto done;
      }
      hlm_diags_add(d, &le);
      continue;
    }
    rep->rows++;
    if (o->progress && csv.consumed - last_progress > (1u << 20)) {
      o->progress(o->progress_ctx, csv.consumed, csv.size);
      last_progress = csv.consumed;
    }
    if (csv.nf != header_nf) {
      hlm_diags_at(d, path, csv.line, hlm_csv_column(&csv, csv.nf), NULL,
                   "%zu champ%s au lieu de %zu (ligne tronquée ou "
                   "séparateur « ; » en trop)",
                   csv.nf, csv.nf > 1 ? "s" : "", header_nf);
      continue;
    }
    for (i = 0; i < spec->ncols; i++) {
      if (colmap[i] < 0) {
        memset(&vals[i], 0, sizeof vals[i]);
        continue;
      }
      parse_value(spec, &csv, colmap, &spec->cols[i],
                  &csv.fields[colmap[i]], &vals[i], d);
    }
    if (d->total != before)
      continue;
    if (spec->check && spec->check(spec, &csv, vals, colmap, d))
      continue;
    if (spec->unique) {
      char key[512];
      size_t kl = join_key(spec, vals, spec->unique, key, sizeof key);
      int added = hlm_strset_add(&seen, key, kl);
      if (added < 0) {
        rc = hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
        goto done;
      }
      if (added == 0) {
        char names[128];
        size_t k = 0;
        const char *const *p;
        for (p = spec->unique; *p && k < sizeof names; p++)
          k += (size_t)snprintf(names + k, sizeof names - k, "%s%s",
                                p == spec->unique ? "" : ", ", *p);
        hlm_table_error(spec, &csv, colmap, spec->unique[0], d,
                        "doublon : une ligne précédente a déjà la même clé "
                        "(%s)",
                        names);
        continue;
      }
    }
    if (d->total > 0)
      continue; /* keep reading to report every error, write nothing */
    if (del) {
      char key[512];
      size_t kl = join_key(spec, vals, spec->set_key, key, sizeof key);
      int added = hlm_strset_add(&sets, key, kl);
      if (added < 0) {
        rc = hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
        goto done;
      }
      if (added == 1) {
        const char *const *p;
        int k = 1;
        for (p = spec->set_key; *p; p++, k++) {
          int c = hlm_table_col(spec, *p);
          bind_value(del, k, &spec->cols[c], &vals[c]);
        }
        if (sqlite3_step(del) != SQLITE_DONE) {
          rc = hlm__store_fail(s, err, "remplacement");
          goto done;
        }
        sqlite3_reset(del);
      }
    }
    for (i = 0; i < spec->ncols; i++)
      bind_value(ins, (int)i + 1, &spec->cols[i], &vals[i]);
    if (sqlite3_step(ins) != SQLITE_DONE) {
      if (spec->landing == HLM_LAND_INSERT &&
          sqlite3_errcode(hlm__store_db(s)) == SQLITE_CONSTRAINT) {
        hlm_diags_at(d, path, csv.line, 0, NULL,
                     "cette ligne existe déjà dans la base (%s)",
                     sqlite3_errmsg(hlm__store_db(s)));
        sqlite3_reset(ins);
        continue;
      }
      rc = hlm__store_fail(s, err, "insertion");
      goto done;
    }
    sqlite3_reset(ins);
  }
  if (rep->rows == 0 && d->total == 0)
    snprintf(rep->notes, sizeof rep->notes,
             "le fichier ne contient aucune ligne de données");
  if (d->total > 0) {
    rc = HLM_EINPUT;
    goto done;
  }
  {
    sqlite3_stmt *log;
    if ((rc = hlm__store_prepare(
             s, "INSERT INTO import_log(kind, file, rows) VALUES(?,?,?)", &log,
             err)) < 0)
      goto done;
    sqlite3_bind_text(log, 1, spec->kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(log, 2, path, -1, SQLITE_STATIC);
    sqlite3_bind_int64(log, 3, rep->rows);
    rc = sqlite3_step(log) == SQLITE_DONE ? HLM_OK
                                          : hlm__store_fail(s, err, "journal");
    sqlite3_finalize(log);
    if (rc < 0)
      goto done;
  }
  sqlite3_finalize(ins);
  ins = NULL;
  sqlite3_finalize(del);
  del = NULL;
  rc = hlm_store_commit(s, err);
  in_tx = 0;
  if (o->progress)
    o->progress(o->progress_ctx, csv.size, csv.size);
done:
  sqlite3_finalize(ins);
  sqlite3_finalize(del);
  if (in_tx)
    hlm_store_rollback(s);
  hlm_free(sql);
  hlm_free(colmap);
  hlm_free(vals);
  hlm_strset_free(&seen);
  hlm_strset_free(&sets);
  hlm_csv_close(&csv);
  return rc;
}
