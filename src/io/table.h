/*
 * table.h (internal): the generic importer of the project's CSV files.
 *
 * A file kind is described by a table spec: its columns (name, required,
 * type, bounds), the store table it fills, the key that must be unique in
 * the file, and how it lands in the store:
 *   - HLM_LAND_UPSERT: each row replaces the row with the same primary key;
 *   - HLM_LAND_REPLACE_SETS: before the first row of a set (e.g. one
 *     owner's foyers of one year), every stored row of that set is deleted.
 * The importer streams the file, checks every field of every line, keeps
 * every error (capped), and commits only when there was none.
 */
#ifndef HLM_IO_TABLE_H
#define HLM_IO_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "base/csv.h"
#include "hlm/io.h"

typedef enum hlm_coltype {
  HLM_COL_TEXT,    /* any text (max bytes = max, 0 = 200) */
  HLM_COL_ID,      /* an identifier: no spaces, 1..63 bytes */
  HLM_COL_SIREN,   /* 9 digits, Luhn key */
  HLM_COL_HOLDER,  /* a SIREN, or a non-SIREN id with a prefix "X:" */
  HLM_COL_INT,     /* integer in [min, max] */
  HLM_COL_CENTS,   /* integer cents in [min, max] */
  HLM_COL_DATE,    /* YYYY-MM-DD */
  HLM_COL_YEAR,    /* YYYY in [min, max] (defaults 1800..2100) */
  HLM_COL_BOOL,    /* 1 or 0 */
  HLM_COL_KIND,    /* an organism kind of GLOSSARY.md */
  HLM_COL_DEPT,    /* département code: 01..95, 2A, 2B, 971..976 */
  HLM_COL_ENUM,    /* one of values[] */
  HLM_COL_PERIOD   /* YYYY or YYYY-MM */
} hlm_coltype;

typedef struct hlm_colspec {
  const char *name;
  int required;
  hlm_coltype type;
  long long min, max;
  const char *const *values; /* HLM_COL_ENUM: NULL-terminated list */
} hlm_colspec;

/* One parsed value of the current row. */
typedef struct hlm_value {
  int present;      /* 0: empty (unknown) */
  long long i;      /* integers, cents, booleans, years, dates (days) */
  const char *s;    /* text as in the file (not NUL-terminated) */
  size_t len;
} hlm_value;

struct hlm_tablespec;

/* Row-level check after every field parsed: return 0 when fine, or record
 * errors with hlm_table_error and return 1. */
typedef int (*hlm_row_check)(const struct hlm_tablespec *spec,
                             const hlm_csv *csv, const hlm_value *vals,
                             const int *colmap, hlm_diags *d);

typedef enum hlm_landing {
  HLM_LAND_UPSERT = 0,
  HLM_LAND_REPLACE_SETS = 1,
  HLM_LAND_INSERT = 2 /* plain insert; the key must not exist yet */
} hlm_landing;

typedef struct hlm_tablespec {
  const char *kind;   /* "organisms" */
  const char *table;  /* store table */
  const hlm_colspec *cols;
  size_t ncols;
  const char *const *unique; /* column names unique together in the file */
  hlm_landing landing;
  const char *const *set_key; /* REPLACE_SETS: columns naming a set */
  hlm_row_check check;
} hlm_tablespec;

/* Runs the import of path for spec (see above). */
int hlm_table_import(hlm_store *s, const hlm_tablespec *spec,
                     const char *path, const hlm_import_opts *o,
                     hlm_import_report *rep, hlm_diags *d, hlm_error *err);

/* Records an error on column name of the current row. */
void hlm_table_error(const struct hlm_tablespec *spec, const hlm_csv *csv,
                     const int *colmap, const char *name, hlm_diags *d,
                     const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Index in spec->cols of column name (-1 when absent). */
int hlm_table_col(const hlm_tablespec *spec, const char *name);

/* Field validators shared with the RPLS reader. */
int hlm_dept_valid(const char *s, size_t len);
int hlm_depcom_valid(const char *s, size_t len);

#endif
