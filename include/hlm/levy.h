/*
 * hlm/levy.h: the levy on the financial potential of the organismes
 * d'HLM (prélèvement sur le potentiel financier, L423-14 as written by loi
 * n° 2010-1657 art. 210; levy years 2011 and 2012).
 *
 * For organism O and levy year Y (spec/rules-capital-money.md, "Levy"):
 *   avg    = mean over the exercises Y-5 .. Y-1 of potential / dwellings
 *   contribution per dwelling = marginal scale on avg (0 below 900 €, r1
 *            from 900 to 1 500 €, r2 to 2 000 €, r3 to 3 000 €, r4 above)
 *   before cap = dwellings of Y-1 × contribution
 *   cap rate   = 800 bp − mean of the five growth rates of the dwellings
 *            (exercises Y-5 .. Y-1, each (n_e − a_e − n_{e−1}) / n_{e−1}),
 *            only when that mean is positive, never below 0
 *   cap    = (rents + financial income of Y-1) × cap rate
 *   levy   = min(before cap, cap), never below 0, rounded to the nearest
 *            cent (half up).
 * Every intermediate value is an exact rational (GMP); the results give
 * them as exact text: an integer, an exact decimal ("1234.5"), or a
 * reduced fraction ("1000/3").
 *
 * Calibration: one t in [0, 1] gives every rate r_i = low_i + t (high_i −
 * low_i); the national total of the rounded levies is non-decreasing in t.
 * hlm chooses the largest total that does not exceed 175 000 000 € and,
 * among the t that reach it, the smallest; t = 1 when even the highest
 * rates stay within the target, t = 0 when even the lowest exceed it
 * (docs/money.md explains the exact search).
 */
#ifndef HLM_LEVY_H
#define HLM_LEVY_H

#include <stddef.h>
#include <stdint.h>

#include "hlm/error.h"
#include "hlm/model.h"
#include "hlm/trace.h"

/* How the four rates are chosen. */
typedef enum hlm_levy_mode {
  HLM_LEVY_RATES_PARAM = 0, /* the dated parameter (arrêté); HLM_EPARAM
                               when it has no value for the year */
  HLM_LEVY_RATES_GIVEN = 1, /* rates_bp[] given by the caller */
  HLM_LEVY_CALIBRATE = 2    /* one t for every organism, see above */
} hlm_levy_mode;

/* One organism's levy.  Exact texts are NULL when unknown. */
typedef struct hlm_levy_org {
  hlm_siren id;
  int known;         /* 0: a fact is missing, levy unknown */
  int64_t dwellings; /* of exercise Y-1, -1 unknown */
  char *avg_potential_per_dwelling_cents;
  char *contribution_per_dwelling_cents;
  char *levy_before_cap_cents;
  char *cap_rate_bp;
  char *cap_cents;
  int64_t levy_cents; /* rounded; -1 when unknown */
  hlm_trace trace;
} hlm_levy_org;

typedef struct hlm_levy_result {
  int year;
  int in_force;                 /* 1 for levy years 2011 and 2012 */
  int rates_known;              /* 0: no rates (text not in force) */
  char *rates_bp[4];            /* exact texts of r1..r4 */
  char *t;                      /* calibration: exact t, else NULL */
  int target_side;              /* calibration: 0 within reach (total(0) <=
                                   target <= total(1): the total is the
                                   largest one not above it), 1 above
                                   reach (even t = 0 exceeds the target:
                                   t = 0), -1 below reach (even t = 1 stays
                                   under it: t = 1) */
  int64_t target_cents;         /* calibration target (175 M€) */
  int64_t national_total_cents; /* every organism with a known levy */
  hlm_levy_org *orgs;           /* sorted by id */
  size_t n_orgs;
  int64_t total_cents; /* the listed organisms with a known levy */
  hlm_trace trace;     /* the rates and the calibration */
} hlm_levy_result;

/* Computes the levy of year for every organism with financials rows (only
 * only_organism when not NULL; the calibration always uses them all).
 * rates_bp is read in HLM_LEVY_RATES_GIVEN mode (each within the bounds of
 * the law, else HLM_EINPUT).  Findings MISSING_FACT (warning) and, for a
 * year other than 2011 and 2012, TEXT_NOT_IN_FORCE (info), subject the
 * organism, are appended to out when it is not NULL.  out->... result is
 * caller-owned: free with hlm_levy_result_clear. */
int hlm_levy_compute(const hlm_facts *f, int year, const char *only_organism,
                     hlm_levy_mode mode, const int64_t rates_bp[4],
                     hlm_date as_of, hlm_levy_result *res, hlm_findings *out,
                     hlm_error *err);

/* Frees what res holds (res itself is caller-owned); NULL-safe. */
void hlm_levy_result_clear(hlm_levy_result *res);

/* The bounds of the law for rate i (0..3) in force for the levy year. */
int hlm_levy_rate_bounds(int year, int i, int64_t *low, int64_t *high,
                         hlm_error *err);

#endif
