/*
 * hlm/io.h: imports of the official and project files into the store.
 *
 * Every import streams its file, checks every line, reports every error
 * (file, line, column, field, reason in French; capped by max_errors) and
 * commits whole or not at all: when any error was found the store is left
 * exactly as it was.
 */
#ifndef HLM_IO_H
#define HLM_IO_H

#include <stddef.h>
#include <stdint.h>

#include "hlm/error.h"
#include "hlm/store.h"

/* Progress: called now and then with bytes read and the file's size. */
typedef void (*hlm_progress_fn)(void *ctx, uint64_t done, uint64_t total);

typedef struct hlm_import_opts {
  const char *owner;          /* --owner SIREN (RPLS open data) */
  int year;                   /* --year YYYY (RPLS open data), 0 unset */
  size_t max_errors;          /* cap of the error list (default 100) */
  int ignore_unknown_columns; /* accept columns the format does not name */
  hlm_progress_fn progress;
  void *progress_ctx;
} hlm_import_opts;

void hlm_import_opts_init(hlm_import_opts *o);

typedef struct hlm_import_report {
  int64_t rows;      /* data lines read */
  int64_t owners;    /* RPLS: owners whose stock was replaced */
  int year;          /* RPLS: millésime */
  int shape;         /* RPLS: 1 submission file, 2 open data */
  char notes[1024];  /* French remarks for the user (readings applied) */
} hlm_import_report;

/* The kinds of project files (formats.md, rules-capital-money.md). */
typedef struct hlm_import_kind {
  const char *name;     /* "organisms", "groups", ... (the file stem) */
  const char *summary_fr;
  int (*run)(hlm_store *s, const char *path, const hlm_import_opts *o,
             hlm_import_report *rep, hlm_diags *d, hlm_error *err);
} hlm_import_kind;

/* Every importable kind, "rpls" included. */
const hlm_import_kind *hlm_import_kinds(size_t *n);
const hlm_import_kind *hlm_import_kind_find(const char *name);

/* ---- RPLS ---- */

/* The R411-6 tallies one organism gets from one RPLS file (validation). */
typedef struct hlm_rpls_tally {
  char key[24];  /* manager SIREN, or "R:<RPLS number>" unresolved */
  int64_t lines, conv, pre77_nc, built10, entered6;
} hlm_rpls_tally;

typedef struct hlm_rpls_summary {
  int shape;            /* 1 submission, 2 open data */
  int year;
  int64_t lines;
  hlm_rpls_tally *tallies; /* per manager key, sorted by key */
  size_t n_tallies;
  char notes[1024];     /* French remarks (readings applied), as in
                           hlm_import_report */
} hlm_rpls_summary;

/* Validates an RPLS file without a store: every error goes to d; the
 * summary gets the per-manager tallies.  threads: 0 = automatic. */
int hlm_rpls_validate(const char *path, const hlm_import_opts *o,
                      int threads, hlm_rpls_summary *sum, hlm_diags *d,
                      hlm_error *err);
void hlm_rpls_summary_free(hlm_rpls_summary *sum);

/* Imports an RPLS file (either shape): replaces, for the file's year, the
 * stock of every owner present in it. */
int hlm_import_rpls(hlm_store *s, const char *path, const hlm_import_opts *o,
                    hlm_import_report *rep, hlm_diags *d, hlm_error *err);

#endif
