/*
 * hlm/params.h: dated parameters, kept as data with their sources.
 *
 * A parameter is a table of {valid_from, value, unit, source}: the value
 * in force on date D is the last row with valid_from <= D.  Asking for a
 * date before the first row is an error that names the missing date; no
 * value is ever invented.  Rates are integers in basis points (1 % = 100
 * bp); amounts in cents; ratios in basis points of the whole.
 *
 * The tables are in src/params/params.def (one line per value, with the
 * source of each), so `hlm params` can list them and tests can sweep them.
 */
#ifndef HLM_PARAMS_H
#define HLM_PARAMS_H

#include <stddef.h>
#include <stdint.h>

#include "hlm/date.h"
#include "hlm/error.h"

typedef struct hlm_param_row {
  const char *name;       /* "livret_a", "levy_r1_low", ... */
  const char *valid_from; /* YYYY-MM-DD */
  int64_t value;
  const char *unit;       /* "bp", "cents", "count" */
  const char *article;    /* the article that uses it ("L423-4", ...) */
  const char *source;     /* where the value comes from */
} hlm_param_row;

/* Every row of every parameter, grouped by name, in date order. */
const hlm_param_row *hlm_params(size_t *n);

/* The row of name in force on d.  HLM_EPARAM (message names the date and
 * the first date known) when d is before the first row; HLM_ENOTFOUND for
 * an unknown name. */
int hlm_param_at(const char *name, hlm_date d, const hlm_param_row **row,
                 hlm_error *err);

/* Livret A rate (bp) in force on d, and its row (for the source). */
int hlm_livret_a_on(hlm_date d, int64_t *bp, const hlm_param_row **row,
                    hlm_error *err);
/* Livret A rate (bp) in force on 31 December of year y (L423-4, annex I
 * §11 of R423-86). */
int hlm_livret_a_dec31(int y, int64_t *bp, const hlm_param_row **row,
                       hlm_error *err);

#endif
