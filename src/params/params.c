/*
 * params.c: lookup of the dated parameters of params.def.
 */
#include <string.h>

#include "hlm/params.h"

static const hlm_param_row rows[] = {
#define HLM_PARAM(name, from, value, unit, article, source)                    \
  {name, from, value, unit, article, source},
#include "params/params.def"
#undef HLM_PARAM
};

const hlm_param_row *hlm_params(size_t *n) {
  *n = sizeof rows / sizeof rows[0];
  return rows;
}

static hlm_date from_of(const hlm_param_row *r) {
  hlm_date t = HLM_DATE_NONE;
  hlm_date_parse(r->valid_from, strlen(r->valid_from), &t);
  return t;
}

int hlm_param_at(const char *name, hlm_date d, const hlm_param_row **row,
                 hlm_error *err) {
  size_t i, n = sizeof rows / sizeof rows[0];
  const hlm_param_row *first = NULL, *best = NULL;
  for (i = 0; i < n; i++) {
    if (strcmp(rows[i].name, name) != 0)
      continue;
    if (!first)
      first = &rows[i];
    if (from_of(&rows[i]) <= d)
      best = &rows[i];
  }
  if (!first)
    return hlm_error_set(err, HLM_ENOTFOUND, "paramètre inconnu « %s »",
                         name);
  if (!best) {
    char ds[11];
    hlm_date_format(d, ds);
    return hlm_error_set(err, HLM_EPARAM,
                         "paramètre « %s » : aucune valeur au %s (la table "
                         "commence le %s)",
                         name, ds, first->valid_from);
  }
  *row = best;
  return HLM_OK;
}

int hlm_livret_a_on(hlm_date d, int64_t *bp, const hlm_param_row **row,
                    hlm_error *err) {
  const hlm_param_row *r;
  int rc = hlm_param_at("livret_a", d, &r, err);
  if (rc < 0)
    return rc;
  *bp = r->value;
  if (row)
    *row = r;
  return HLM_OK;
}

int hlm_livret_a_dec31(int y, int64_t *bp, const hlm_param_row **row,
                       hlm_error *err) {
  return hlm_livret_a_on(hlm_date_make(y, 12, 31), bp, row, err);
}
