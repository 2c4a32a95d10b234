/*
 * hlm/law.h: the rules of the CCH and their registry.
 *
 * Rules are pure: they read facts, a date and the parameters, and append
 * findings with their traces.  They never do I/O and never read the clock.
 *
 * The registry (src/law/rules.def) lists every rule with its article, its
 * French title, the first and last day of the text it applies, and the
 * first day of that text's version.  `hlm check` runs every rule in force
 * at the date; `hlm rules` prints the table.
 */
#ifndef HLM_LAW_H
#define HLM_LAW_H

#include <stddef.h>
#include <stdint.h>

#include "hlm/date.h"
#include "hlm/error.h"
#include "hlm/model.h"
#include "hlm/trace.h"

/* ---- R411-6: the dwellings taken into account ---- */

/* What one RPLS dwelling line of stock year Y counts for (each 0 or 1).
 * The importer sums these per (year, owner, manager) into hlm_stock_agg;
 * tests build stock rows with the same function. */
typedef struct hlm_line_flags {
  int conv;     /* R411-6 1°: CONV = 1 (reading I3) */
  int pre77_nc; /* R411-6 2° and not 1°: CONSTRUCT <= 1976, or ORIGINE = 2
                   and PATRIMOINE <= 1976 (I1, I4); the owner's kind is
                   judged when counting */
  int built10;  /* L423-1: ORIGINE = 1, CONSTRUCT in Y-10 .. Y-1 (I10) */
  int entered6; /* L423-2 I 1°: PATRIMOINE in Y-6 .. Y-1 (I9) */
} hlm_line_flags;

/* Classifies one line.  Unknown values are 0; unknown years never meet a
 * condition. */
void hlm_dwelling_classify(int year, int conv, int construct, int origine,
                           int patrimoine, hlm_line_flags *out);

typedef enum hlm_count_mode {
  HLM_COUNT_BY_DATE = 0, /* R411-6 from 2021-01-01, plain managed before */
  HLM_COUNT_R411_6 = 1,  /* R411-6 whatever the date (L423-2 warning) */
  HLM_COUNT_MANAGED = 2  /* plain managed count (L423-1, old texts) */
} hlm_count_mode;

typedef struct hlm_count {
  long org;          /* index in facts->orgs */
  int known;         /* 0: no selected stock line names the organism */
  int r411_6;        /* 1: the R411-6 breakdown applies */
  int millesime;     /* latest stock year used, 0 when none */
  int64_t managed;
  int64_t conventionne;
  int64_t pre_1977_only;
  int64_t foyer_beds;
  int64_t foyer_equivalent;
  int64_t foyer_autonomous;
  int64_t counted;
  int64_t built_10y;   /* owned, ORIGINE 1, CONSTRUCT in Y-10..Y-1 (L423-1) */
  int64_t entered_6y;  /* owned, PATRIMOINE in Y-6..Y-1 (L423-2 I 1°) */
  int owner_year;      /* the organism's own stock year as owner, 0 none */
  hlm_trace trace;
} hlm_count;

/* Counts, for every organism of facts (same order as facts->orgs), the
 * dwellings it manages as of as_of under mode.  *out is allocated (n =
 * facts->n_orgs); free with hlm_counts_free. */
int hlm_count_all(const hlm_facts *f, hlm_date as_of, hlm_count_mode mode,
                  hlm_count **out, hlm_error *err);
void hlm_counts_free(hlm_count *c, size_t n);
/* The most recent stock year used by any organism in c (0 none). */
int hlm_counts_millesime(const hlm_count *c, size_t n);

/* ---- evaluation context and registry ---- */

typedef struct hlm_eval {
  const hlm_facts *facts;
  hlm_date as_of;
  const char *only_organism; /* NULL: every organism */
  const char *only_group;    /* NULL: every group */
  /* counts computed once per evaluation, index = facts->orgs index */
  hlm_count *count_by_date;
  hlm_count *count_r411_6;
  hlm_count *count_managed;
} hlm_eval;

/* Prepares ev for facts at as_of (computes the three counts). */
int hlm_eval_init(hlm_eval *ev, const hlm_facts *f, hlm_date as_of,
                  hlm_error *err);
void hlm_eval_free(hlm_eval *ev);
/* 1 when the organism at index i passes the filters of ev. */
int hlm_eval_wants_org(const hlm_eval *ev, size_t i);
int hlm_eval_wants_group(const hlm_eval *ev, const hlm_group *g);

typedef int (*hlm_rule_fn)(const hlm_eval *ev, hlm_findings *out,
                           hlm_error *err);

typedef struct hlm_rule {
  const char *id;         /* "L423-2" */
  const char *article;    /* "L423-2" */
  const char *version;    /* first day of the text's version */
  const char *valid_from; /* first day the text applies, YYYY-MM-DD */
  const char *valid_to;   /* last day, "" = still in force */
  const char *title_fr;
  hlm_rule_fn fn;
} hlm_rule;

/* The registry, in the order of rules.def. */
const hlm_rule *hlm_rules(size_t *n);
/* 1 when r applies at d. */
int hlm_rule_in_force(const hlm_rule *r, hlm_date d);

/* Runs every rule in force at ev->as_of (only those whose id is rule_id
 * when it is not NULL) and appends their findings, sorted. */
int hlm_check(const hlm_eval *ev, const char *rule_id, hlm_findings *out,
              hlm_error *err);

#endif
