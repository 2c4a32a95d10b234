/*
 * store_int.h (internal): what the other rooms of libhlm may use of the
 * store: the SQLite handle and small statement helpers.
 */
#ifndef HLM_STORE_INT_H
#define HLM_STORE_INT_H

#include <sqlite3.h>

#include "hlm/error.h"
#include "hlm/store.h"

struct hlm_store {
  sqlite3 *db;
  char *path;
  int in_tx;
};

sqlite3 *hlm__store_db(hlm_store *s);

/* Prepares sql; on failure sets err (HLM_ESTORE) with SQLite's message. */
int hlm__store_prepare(hlm_store *s, const char *sql, sqlite3_stmt **st,
                       hlm_error *err);
/* Runs a statement without results. */
int hlm__store_exec(hlm_store *s, const char *sql, hlm_error *err);
/* Sets err from the connection's last error. */
int hlm__store_fail(hlm_store *s, hlm_error *err, const char *what);

/* Text of column i, or "" when NULL. */
const char *hlm__col_text(sqlite3_stmt *st, int i);
/* Integer of column i, or dflt when NULL. */
long long hlm__col_int(sqlite3_stmt *st, int i, long long dflt);

/* Copies the text of column i into dst (size n). */
void hlm__col_copy(sqlite3_stmt *st, int i, char *dst, size_t n);

#endif
