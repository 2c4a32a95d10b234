/*
 * demo_gen.h: the generator behind `hlm demo`: a deterministic synthetic
 * national data set in the official formats (spec/formats.md, rpls.md).
 *
 * One seed gives one data set, bit-identical on every machine: the
 * generator uses integer arithmetic only (no floating point) and its own
 * PRNG (splitmix64 to seed, xoshiro256** to draw), never rand().
 *
 * The data set is built in two steps:
 *   1. the "world": organisms (kinds, SIRENs, names, départements, sizes,
 *      facts), groups, mandates of management, which landlords send a
 *      submission file instead of appearing in the open data;
 *   2. the files, one generator function per file kind (a table, see
 *      demo_gen.c), each drawing from its own PRNG stream so that adding a
 *      generator changes no other file.
 * The capital and money files (holdings, statutes, transfers, dividends,
 * capital_ops, loans, financials, cooperation, services, usage, invoices)
 * rest on a model of the cap tables built between the two steps from its
 * own stream (build_capital), which also fills the three capital columns
 * appended to organisms.csv (share_nominal_cents, subsidiary_of,
 * controlled_by).  Their dates are fixed, meant to be read as of
 * 2025-06-30.
 */
#ifndef HLM_CLI_DEMO_GEN_H
#define HLM_CLI_DEMO_GEN_H

#include <stddef.h>
#include <stdint.h>

#include "hlm/error.h"
#include "hlm/model.h"

/* The stock sizes a run may ask for (RPLS lines of the latest year). */
#define DEMO_DWELLINGS_MIN 1000
#define DEMO_DWELLINGS_MAX 20000000
#define DEMO_DWELLINGS_NATIONAL 5400000 /* 1 January 2024 (NOTES.md 5.4) */
/* The default: see cmd_demo.c for why. */
#define DEMO_DWELLINGS_DEFAULT 1000000

/* The two RPLS millésimes written: the latest stock and an earlier
 * snapshot, so that the rules in force before 2021 have data. */
#define DEMO_YEAR_LATEST 2025
#define DEMO_YEAR_EARLY 2020

typedef void (*demo_progress_fn)(void *ctx, int64_t done, int64_t total);

typedef struct demo_opts {
  int64_t dwellings; /* RPLS lines on 1 January DEMO_YEAR_LATEST */
  uint64_t seed;
  demo_progress_fn progress; /* may be NULL; called every few 10^5 lines */
  void *progress_ctx;
} demo_opts;

/* One file written, and how it is imported. */
typedef struct demo_file {
  char name[64];           /* file name inside the output directory */
  const char *import_kind; /* hlm_import_kind_find() name */
  int year;                /* millésime for an open-data RPLS file, else 0 */
  int64_t rows;            /* data lines (dwellings, structures, ...) */
} demo_file;

typedef struct demo_summary {
  uint64_t seed;
  int64_t orgs_per_kind[HLM_KIND_COUNT_];
  int64_t n_orgs;
  int64_t orgs_without_stock;  /* counting kinds with no RPLS line */
  int64_t groups_soc_coordination;
  int64_t groups_control;
  int64_t dwellings_latest;    /* = opts.dwellings */
  int64_t dwellings_early;
  int64_t dwellings_submitted; /* of both years, in submission files */
  int64_t largest_stock;       /* largest owner's stock, latest year */
  int64_t foyer_structures;    /* structures of the latest year */
  int64_t foyer_beds;          /* their beds */
  demo_file *files;            /* in import order; owned */
  size_t n_files;
} demo_summary;

/* Writes the data set into the existing directory dir.  sum is filled
 * (free it with demo_summary_free, also after a failure).  Returns HLM_OK,
 * HLM_EUSAGE (dwellings out of range), HLM_EIO or HLM_ENOMEM with err
 * set.  Allocates only the world (a few hundred organisms), never per
 * dwelling line. */
int demo_generate(const demo_opts *o, const char *dir, demo_summary *sum,
                  hlm_error *err);

/* Frees what sum owns.  NULL-safe. */
void demo_summary_free(demo_summary *sum);

/* Exposed for tests: the Luhn check digit that makes the n-1 digits of
 * s (plus the digit) valid, and a SIRET validity check (14 digits, Luhn
 * over 14 digits). */
int demo_luhn_digit(const char *s, size_t n_minus_1);
int demo_siret_valid(const char *s, size_t len);

#endif
