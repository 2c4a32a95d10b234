/*
 * hlm/store.h: the SQLite store.
 *
 * One schema, created and upgraded by numbered migrations recorded in
 * PRAGMA user_version; WAL journal; prepared statements only.  Dwelling
 * lines are kept per (year, owner) with every RPLS column typed; their
 * per-(year, owner, manager) sums (hlm_stock_agg) are kept beside them so
 * that counting the national stock reads a few thousand rows.
 */
#ifndef HLM_STORE_H
#define HLM_STORE_H

#include "hlm/date.h"
#include "hlm/error.h"
#include "hlm/model.h"

/* A store is used by one thread at a time (its connection is opened
 * without SQLite's per-call mutex); open one store per thread. */
typedef struct hlm_store hlm_store;

/* Opens (creating when absent) the store at path and brings its schema to
 * the current version.  *out is freed with hlm_store_close. */
int hlm_store_open(hlm_store **out, const char *path, hlm_error *err);
/* Opens an existing store read-only; HLM_ENOTFOUND when it does not exist. */
int hlm_store_open_readonly(hlm_store **out, const char *path,
                            hlm_error *err);
void hlm_store_close(hlm_store *s); /* NULL-safe */

/* Transactions: BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
int hlm_store_begin(hlm_store *s, hlm_error *err);
int hlm_store_commit(hlm_store *s, hlm_error *err);
void hlm_store_rollback(hlm_store *s);

/* The schema version this build expects. */
int hlm_store_schema_version(void);

/* Loads every fact the rules need as of as_of (organisms, groups, stock
 * summaries of every year, foyers of every year, and the capital facts).
 * Selection by date is the rules' business.  Free with hlm_facts_clear. */
int hlm_store_load_facts(hlm_store *s, hlm_date as_of, hlm_facts *out,
                         hlm_error *err);

#endif
