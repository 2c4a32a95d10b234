/*
 * levy.c: the levy on the financial potential (prélèvement sur le
 * potentiel financier), L423-14 as written by loi n° 2010-1657 du 29
 * décembre 2010 (loi de finances pour 2011) art. 210, for the levy years
 * 2011 and 2012 (law/002 lines 593-625; the article left the code at the
 * end of 2012, law/INDEX.md).
 *
 *  - al. 1: « A compter du 1er janvier 2011, les organismes d'habitations
 *    à loyer modéré qui disposent d'un patrimoine locatif sont soumis à un
 *    prélèvement sur leur potentiel financier. »
 *  - al. 2: the levy « ne peut pas dépasser » the rents and financial
 *    income of the previous exercise × a rate: « le taux est de 8 %. Le
 *    cas échéant, il est minoré par le taux de croissance moyen sur les
 *    cinq derniers exercices du nombre de logements … à l'exception des
 *    logements sociaux acquis auprès d'un autre organisme d'habitations à
 *    loyer modéré ou d'une société d'économie mixte ».
 *  - al. 4: levy = dwellings held on 31 December of the previous year ×
 *    « une contribution moyenne par logement ».
 *  - al. 5 and its table: the contribution applies « à la moyenne des
 *    potentiels financiers par logement des cinq exercices précédents »
 *    the « barème progressif par tranche » (0 % below 900 €, 4-8 %, 8-12 %,
 *    12-16 %, 16-20 %), the arrêté setting the rates so that the national
 *    product is 175 million euros.
 *
 * Readings (spec "Levy" and "Readings left open"): the scale is marginal,
 * one rate per band; the mean growth is the arithmetic mean of five
 * yearly rates (six exercises Y-6 .. Y-1); the cap rate is only lowered
 * and never below 0; the levy is rounded half up to the cent.  hlm adds:
 * a levy is never negative (a negative cap base gives 0).
 *
 * Everything exact: GMP rationals (base/exact.h), no floating point.
 * Cents per dwelling, rates in bp.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/exact.h"
#include "hlm/alloc.h"
#include "hlm/capital.h"
#include "hlm/levy.h"
#include "hlm/params.h"
#include "law/law_int.h"

static const char *VLEVY = "2011-01-01";

/* The per-organism facts turned into exact values, once. */
typedef struct calc {
  const char *id;
  int known;
  int64_t n;       /* dwellings of Y-1 */
  mpq_t avg;       /* mean potential per dwelling, cents */
  mpq_t w[4];      /* part of avg inside each band, cents */
  mpq_t cap_rate;  /* bp */
  mpq_t cap;       /* cents, may be negative */
  mpq_t a2, b;     /* before cap = a2 - 1/2 + b t (calibration) */
  mpq_t cap2;      /* cap + 1/2 */
  char *missing;   /* what is missing, French, or NULL */
  hlm_trace trace; /* the steps up to the rates */
} calc;

static void calc_init(calc *c) {
  int i;
  memset(c, 0, sizeof *c);
  mpq_init(c->avg);
  for (i = 0; i < 4; i++)
    mpq_init(c->w[i]);
  mpq_init(c->cap_rate);
  mpq_init(c->cap);
  mpq_init(c->a2);
  mpq_init(c->b);
  mpq_init(c->cap2);
}

static void calc_clear(calc *c) {
  int i;
  mpq_clear(c->avg);
  for (i = 0; i < 4; i++)
    mpq_clear(c->w[i]);
  mpq_clear(c->cap_rate);
  mpq_clear(c->cap);
  mpq_clear(c->a2);
  mpq_clear(c->b);
  mpq_clear(c->cap2);
  hlm_free(c->missing);
  hlm_trace_clear(&c->trace);
}

/* ---- parameters ---- */

static int param_on(const char *name, int year, int64_t *v, hlm_error *err) {
  const hlm_param_row *r;
  int rc = hlm_param_at(name, hlm_date_make(year, 1, 1), &r, err);
  if (rc == HLM_OK)
    *v = r->value;
  return rc;
}

int hlm_levy_rate_bounds(int year, int i, int64_t *low, int64_t *high,
                         hlm_error *err) {
  char lo[32], hi[32];
  int rc;
  snprintf(lo, sizeof lo, "levy_r%d_low", i + 1);
  snprintf(hi, sizeof hi, "levy_r%d_high", i + 1);
  if ((rc = param_on(lo, year, low, err)) < 0 ||
      (rc = param_on(hi, year, high, err)) < 0)
    return rc;
  return HLM_OK;
}

/* 1 when L423-14 applies to levy year y: the registry's dates. */
static int year_in_force(int y) {
  size_t n, i;
  const hlm_rule *r = hlm_rules(&n);
  for (i = 0; i < n; i++)
    if (strcmp(r[i].id, "L423-14") == 0 &&
        hlm_rule_in_force(&r[i], hlm_date_make(y, 1, 1)))
      return 1;
  return 0;
}

/* ---- text helpers ---- */

static char *qtext(const mpq_t q) { return hlm__mpq_text(q); }

/* Writes into out (n bytes) q rounded half up to 4 decimal places, the
 * French way ("0,0161"), for a reader of a fraction. */
static void approx4(const mpq_t q, char *out, size_t n) {
  mpq_t x;
  int64_t v, a;
  mpq_init(x);
  mpq_set_ui(x, 10000, 1);
  mpq_mul(x, x, q);
  v = hlm__mpq_round_half_up(x);
  mpq_clear(x);
  a = v < 0 ? -v : v;
  snprintf(out, n, "%s%lld,%04lld", v < 0 ? "-" : "", (long long)(a / 10000),
           (long long)(a % 10000));
}

/* Appends a step whose value is the exact text of q, followed by its
 * value to four places when it is a fraction ("13/812 (≈ 0,0160)"). */
static int step_q(hlm_trace *t, const char *article, const char *what,
                  const char *prefix, const mpq_t q) {
  char *s = qtext(q), ap[48];
  int rc;
  if (!s)
    return HLM_ENOMEM;
  if (strchr(s, '/')) {
    approx4(q, ap, sizeof ap);
    rc = hlm_trace_add(t, article, what, "%s%s (≈ %s)", prefix, s, ap);
  } else {
    rc = hlm_trace_add(t, article, what, "%s%s", prefix, s);
  }
  hlm_free(s);
  return rc;
}

/* ---- the facts of one organism ---- */

static const hlm_financial *row_of(const hlm_financial **rows, size_t n,
                                   int exercise) {
  size_t i;
  for (i = 0; i < n; i++)
    if (rows[i]->exercise == exercise)
      return rows[i];
  return NULL;
}

/* Appends "what" to the list of missing facts. */
static int miss(char **list, const char *fmt, int a) {
  char item[160];
  size_t l0 = *list ? strlen(*list) : 0, l1;
  char *p;
  snprintf(item, sizeof item, fmt, a);
  l1 = strlen(item);
  p = hlm_realloc(*list, l0 + l1 + 3);
  if (!p)
    return HLM_ENOMEM;
  if (l0) {
    memcpy(p + l0, "; ", 2);
    l0 += 2;
  }
  memcpy(p + l0, item, l1 + 1);
  *list = p;
  return HLM_OK;
}

/* Fills c from the rows of one organism (any order) for levy year y:
 * checks every fact the computation needs, then the mean potential per
 * dwelling, its parts in the bands, the cap rate and the cap. */
static int prepare(calc *c, const hlm_financial **rows, size_t n, int y,
                   const int64_t band[4]) {
  const hlm_financial *e[7]; /* e[k] = exercise y-6+k */
  int k, rc = HLM_OK;
  mpq_t q, s, g;
  for (k = 0; k < 7; k++)
    e[k] = k < 6 ? row_of(rows, n, y - 6 + k) : NULL;
  /* ART: L423-14 al. 5 — « la moyenne des potentiels financiers par
   * logement des cinq exercices précédents »; al. 2 — « le taux de
   * croissance moyen sur les cinq derniers exercices »: six exercises */
  for (k = 0; k < 6; k++) {
    int ex = y - 6 + k;
    if (!e[k]) {
      if ((rc = miss(&c->missing, "exercice %d absent de financials", ex)) < 0)
        return rc;
      continue;
    }
    if (e[k]->dwellings < 0 &&
        (rc = miss(&c->missing, "dwellings de l'exercice %d", ex)) < 0)
      return rc;
    if (e[k]->dwellings == 0 &&
        (rc = miss(&c->missing,
                   "dwellings nul en %d (potentiel par logement ou taux de "
                   "croissance non défini)",
                   ex)) < 0)
      return rc;
    if (k == 0)
      continue;
    if (e[k]->financial_potential_cents == -1 &&
        (rc = miss(&c->missing, "financial_potential_cents de l'exercice %d",
                   ex)) < 0)
      return rc;
    if (e[k]->dwellings_acquired_social < 0 &&
        (rc = miss(&c->missing, "dwellings_acquired_social de l'exercice %d",
                   ex)) < 0)
      return rc;
  }
  if (e[5]) {
    if (e[5]->rents_cents < 0 &&
        (rc = miss(&c->missing, "rents_cents de l'exercice %d", y - 1)) < 0)
      return rc;
    if (e[5]->financial_income_cents == -1 &&
        (rc = miss(&c->missing, "financial_income_cents de l'exercice %d",
                   y - 1)) < 0)
      return rc;
  }
  if (c->missing)
    return HLM_OK;
  c->known = 1;
  c->n = e[5]->dwellings;
  mpq_init(q);
  mpq_init(s);
  mpq_init(g);

  /* ART: L423-14 al. 5 — the mean of the five per-dwelling potentials */
  for (k = 1; k <= 5; k++) {
    char what[160];
    hlm__mpq_set_frac(q, e[k]->financial_potential_cents, e[k]->dwellings);
    mpq_add(s, s, q);
    snprintf(what, sizeof what,
             "Potentiel financier par logement de l'exercice %d "
             "(%lld / %lld logements)",
             y - 6 + k, (long long)e[k]->financial_potential_cents,
             (long long)e[k]->dwellings);
    if ((rc = step_q(&c->trace, "L423-14 al. 5", what, "", q)) < 0)
      goto done;
  }
  hlm__mpq_set_frac(q, 1, 5);
  mpq_mul(c->avg, s, q);
  if ((rc = step_q(&c->trace, "L423-14 al. 5",
                   "Moyenne des cinq exercices (centimes par logement, "
                   "exacte)",
                   "", c->avg)) < 0)
    goto done;
  /* ART: L423-14 al. 5 — « barème progressif par tranche »: the part of
   * the mean inside each band (reading: marginal scale) */
  for (k = 0; k < 4; k++) {
    mpq_set_si(q, (long)band[k], 1);
    mpq_sub(c->w[k], c->avg, q);
    if (mpq_sgn(c->w[k]) < 0)
      mpq_set_ui(c->w[k], 0, 1);
    if (k < 3) {
      mpq_set_si(q, (long)(band[k + 1] - band[k]), 1);
      if (mpq_cmp(c->w[k], q) > 0)
        mpq_set(c->w[k], q);
    }
  }

  /* ART: L423-14 al. 2 — cap rate: 8 % « minoré par le taux de croissance
   * moyen » (reading: arithmetic mean; only a positive mean lowers it) */
  mpq_set_ui(s, 0, 1);
  for (k = 1; k <= 5; k++) {
    char what[200];
    hlm__mpq_set_frac(q,
                      e[k]->dwellings - e[k]->dwellings_acquired_social -
                          e[k - 1]->dwellings,
                      e[k - 1]->dwellings);
    mpq_add(s, s, q);
    snprintf(what, sizeof what,
             "Croissance du parc en %d hors acquisitions sociales : "
             "(%lld − %lld − %lld) / %lld",
             y - 6 + k, (long long)e[k]->dwellings,
             (long long)e[k]->dwellings_acquired_social,
             (long long)e[k - 1]->dwellings, (long long)e[k - 1]->dwellings);
    if ((rc = step_q(&c->trace, "L423-14 al. 2", what, "", q)) < 0)
      goto done;
  }
  hlm__mpq_set_frac(q, 1, 5);
  mpq_mul(g, s, q);
  if ((rc = step_q(&c->trace, "L423-14 al. 2",
                   "Taux de croissance moyen (moyenne arithmétique des cinq "
                   "taux)",
                   "", g)) < 0)
    goto done;
  {
    int64_t base;
    mpq_t gbp;
    if ((rc = param_on("levy_cap_base", y, &base, NULL)) < 0)
      goto done;
    mpq_set_si(c->cap_rate, (long)base, 1);
    mpq_init(gbp);
    if (mpq_sgn(g) > 0) {
      mpq_set_ui(q, 10000, 1);
      mpq_mul(gbp, g, q);
      mpq_sub(c->cap_rate, c->cap_rate, gbp);
    }
    mpq_clear(gbp);
    if (mpq_sgn(c->cap_rate) < 0)
      mpq_set_ui(c->cap_rate, 0, 1);
  }
  if ((rc = step_q(&c->trace, "L423-14 al. 2",
                   "Taux du plafond : 800 pb minorés de la croissance moyenne "
                   "si elle est positive, jamais sous 0 (pb)",
                   "", c->cap_rate)) < 0)
    goto done;
  {
    mpq_t base;
    mpq_init(base);
    hlm__mpq_set_frac(base, e[5]->rents_cents + e[5]->financial_income_cents,
                      1);
    mpq_set_ui(q, 10000, 1);
    mpq_mul(c->cap, base, c->cap_rate);
    mpq_div(c->cap, c->cap, q);
    mpq_clear(base);
  }
  if ((rc = hlm_trace_add(&c->trace, "L423-14 al. 2",
                          "Loyers et produits financiers de l'exercice "
                          "précédent",
                          "%lld + %lld centimes", (long long)e[5]->rents_cents,
                          (long long)e[5]->financial_income_cents)) < 0)
    goto done;
  if ((rc = step_q(&c->trace, "L423-14 al. 2",
                   "Plafond : ressources × taux du plafond (centimes, "
                   "exact)",
                   "", c->cap)) < 0)
    goto done;
  mpq_set_ui(q, 1, 2);
  mpq_add(c->cap2, c->cap, q);
done:
  mpq_clear(q);
  mpq_clear(s);
  mpq_clear(g);
  return rc;
}

/* ---- the levy for given rates ---- */

/* contribution = Σ r_i w_i / 10000 (cents per dwelling). */
static void contribution(mpq_t out, const calc *c, mpq_t const rates[4]) {
  mpq_t p, d;
  int k;
  mpq_init(p);
  mpq_init(d);
  mpq_set_ui(out, 0, 1);
  for (k = 0; k < 4; k++) {
    mpq_mul(p, c->w[k], rates[k]);
    mpq_add(out, out, p);
  }
  mpq_set_ui(d, 10000, 1);
  mpq_div(out, out, d);
  mpq_clear(p);
  mpq_clear(d);
}

/* levy = round half up of max(0, min(before, cap)). */
static int64_t levy_of(const mpq_t before, const mpq_t cap) {
  mpq_t m;
  int64_t r;
  mpq_init(m);
  mpq_set(m, mpq_cmp(before, cap) <= 0 ? before : cap);
  if (mpq_sgn(m) < 0)
    mpq_set_ui(m, 0, 1);
  r = hlm__mpq_round_half_up(m);
  mpq_clear(m);
  return r;
}

/* ---- calibration ----
 *
 * With r_i = low_i + t (high_i − low_i), before cap = A + B t with B >= 0,
 * so levy_o(t) = floor(max(1/2, min(A + 1/2 + B t, cap + 1/2))) is a
 * non-decreasing step function of t, continuous from the right (a jump
 * happens where A + 1/2 + B t reaches an integer, and the floor takes the
 * new value there).  So is the total.
 *
 * first_above(V) = inf { t in [0, 1] : total(t) > V } is a jump point,
 * attained.  It is found exactly: lo keeps total(lo) <= V < total(hi);
 * each round takes the next jump point m after lo (the smallest over the
 * organisms of (k − A − 1/2) / B, k the next integer): if total(m) > V, m
 * is the answer, else lo = m and the interval is halved.  Each round
 * passes at least one jump and halves the interval, so the loop ends; in
 * practice after a few dozen rounds. */

typedef struct calib {
  calc **c;
  size_t n;
  mpq_t tmp, tmp2;
  long evals;
} calib;

static int64_t total_at(calib *k, const mpq_t t) {
  int64_t sum = 0;
  size_t i;
  k->evals++;
  for (i = 0; i < k->n; i++) {
    const calc *c = k->c[i];
    mpq_mul(k->tmp, c->b, t);
    mpq_add(k->tmp, k->tmp, c->a2);
    if (mpq_cmp(k->tmp, c->cap2) > 0)
      mpq_set(k->tmp, c->cap2);
    if (mpq_cmp_ui(k->tmp, 1, 2) < 0)
      continue;
    sum += hlm__mpq_floor(k->tmp);
  }
  return sum;
}

/* Sets m to the first jump point > t0 of the total, or returns 0 when
 * there is none in (t0, 1]. */
static int next_jump(calib *k, const mpq_t t0, mpq_t m) {
  size_t i;
  int found = 0;
  for (i = 0; i < k->n; i++) {
    const calc *c = k->c[i];
    int64_t j;
    if (mpq_sgn(c->b) == 0)
      continue;
    mpq_mul(k->tmp, c->b, t0);
    mpq_add(k->tmp, k->tmp, c->a2);
    if (mpq_cmp(k->tmp, c->cap2) >= 0)
      continue; /* capped from here on */
    j = hlm__mpq_floor(k->tmp) + 1;
    if (j < 1)
      j = 1;
    mpq_set_si(k->tmp2, (long)j, 1);
    if (mpq_cmp(k->tmp2, c->cap2) > 0)
      continue; /* the cap comes first: no more jump */
    mpq_sub(k->tmp2, k->tmp2, c->a2);
    mpq_div(k->tmp2, k->tmp2, c->b);
    if (mpq_cmp_ui(k->tmp2, 1, 1) > 0)
      continue;
    if (!found || mpq_cmp(k->tmp2, m) < 0) {
      mpq_set(m, k->tmp2);
      found = 1;
    }
  }
  return found;
}

/* out = inf { t : total(t) > v } (see above); returns 0 when total(1) <=
 * v.  *below receives the total just below out (total(0) when out = 0). */
static int first_above(calib *k, int64_t v, mpq_t out, int64_t *below) {
  mpq_t lo, hi, m, mid;
  int64_t tlo;
  int rc = 1;
  mpq_set_ui(out, 0, 1);
  tlo = total_at(k, out);
  *below = tlo;
  if (tlo > v)
    return 1;
  mpq_set_ui(out, 1, 1);
  if (total_at(k, out) <= v)
    return 0;
  mpq_init(lo);
  mpq_init(hi);
  mpq_init(m);
  mpq_init(mid);
  mpq_set_ui(hi, 1, 1);
  for (;;) {
    int64_t tm;
    if (!next_jump(k, lo, m)) {
      /* cannot happen: total(hi) > total(lo) needs a jump in (lo, hi] */
      mpq_set(out, hi);
      break;
    }
    tm = total_at(k, m);
    if (tm > v) {
      mpq_set(out, m);
      break;
    }
    mpq_set(lo, m);
    tlo = tm;
    mpq_add(mid, lo, hi);
    mpq_div_2exp(mid, mid, 1);
    tm = total_at(k, mid);
    if (tm > v) {
      mpq_set(hi, mid);
    } else {
      mpq_set(lo, mid);
      tlo = tm;
    }
  }
  *below = tlo;
  mpq_clear(lo);
  mpq_clear(hi);
  mpq_clear(m);
  mpq_clear(mid);
  return rc;
}

/* ---- the result ---- */

static int cmp_rowp(const void *a, const void *b) {
  const hlm_financial *x = *(const hlm_financial *const *)a;
  const hlm_financial *y = *(const hlm_financial *const *)b;
  int c = strcmp(x->organism, y->organism);
  if (c)
    return c;
  return (x->exercise > y->exercise) - (x->exercise < y->exercise);
}

void hlm_levy_result_clear(hlm_levy_result *res) {
  size_t i;
  int k;
  if (!res)
    return;
  for (i = 0; i < res->n_orgs; i++) {
    hlm_levy_org *o = &res->orgs[i];
    hlm_free(o->avg_potential_per_dwelling_cents);
    hlm_free(o->contribution_per_dwelling_cents);
    hlm_free(o->levy_before_cap_cents);
    hlm_free(o->cap_rate_bp);
    hlm_free(o->cap_cents);
    hlm_trace_clear(&o->trace);
  }
  hlm_free(res->orgs);
  for (k = 0; k < 4; k++)
    hlm_free(res->rates_bp[k]);
  hlm_free(res->t);
  hlm_trace_clear(&res->trace);
  memset(res, 0, sizeof *res);
}

/* Everything hlm_levy_compute and the rule share: the organisms of the
 * financials (sorted), their calcs. */
typedef struct work {
  const hlm_financial **rows;
  size_t n_rows;
  calc *calcs;
  size_t n_calcs;
} work;

static void work_free(work *w) {
  size_t i;
  for (i = 0; i < w->n_calcs; i++)
    calc_clear(&w->calcs[i]);
  hlm_free(w->calcs);
  hlm_free(w->rows);
}

/* Groups the financials by organism and prepares each (in force only). */
static int work_build(work *w, const hlm_facts *f, int year, int in_force,
                      hlm_error *err) {
  const hlm_capital_facts *cf = f->capital;
  size_t i, start;
  int64_t band[4];
  int rc;
  memset(w, 0, sizeof *w);
  if (!cf || !cf->n_financials)
    return HLM_OK;
  if (in_force &&
      ((rc = param_on("levy_band1_cents", year, &band[0], err)) < 0 ||
       (rc = param_on("levy_band2_cents", year, &band[1], err)) < 0 ||
       (rc = param_on("levy_band3_cents", year, &band[2], err)) < 0 ||
       (rc = param_on("levy_band4_cents", year, &band[3], err)) < 0))
    return rc;
  w->rows = hlm_malloc(cf->n_financials * sizeof *w->rows);
  w->calcs = hlm_malloc(cf->n_financials * sizeof *w->calcs);
  if (!w->rows || !w->calcs)
    return HLM_NOMEM(err);
  for (i = 0; i < cf->n_financials; i++)
    w->rows[i] = &cf->financials[i];
  w->n_rows = cf->n_financials;
  qsort(w->rows, w->n_rows, sizeof *w->rows, cmp_rowp);
  for (start = 0; start < w->n_rows;) {
    size_t end = start;
    calc *c;
    while (end < w->n_rows &&
           strcmp(w->rows[end]->organism, w->rows[start]->organism) == 0)
      end++;
    c = &w->calcs[w->n_calcs++];
    calc_init(c);
    c->id = w->rows[start]->organism;
    if (in_force &&
        (rc = prepare(c, w->rows + start, end - start, year, band)) < 0)
      return rc == HLM_ENOMEM ? HLM_NOMEM(err) : rc;
    start = end;
  }
  return HLM_OK;
}

/* ART: L423-14 al. 5 — the arrêté « porte[nt] le produit total annuel du
 * prélèvement … à 175 millions d'euros »: one t for every rate (spec).
 * Sets rates[] to low_i + t (high_i − low_i) for the t chosen (see above),
 * and res->t, target_cents, target_side and the calibration steps of
 * res->trace.  Only the organisms whose facts are complete take part. */
static int calibrate(work *w, int year, mpq_t rates[4], hlm_levy_result *res,
                     hlm_error *err) {
  calib kb;
  int64_t lo[4], hi[4], target = 0, t0, t1, v, below = 0;
  mpq_t d, q, t;
  size_t i;
  int k, rc;
  for (k = 0; k < 4; k++)
    if ((rc = hlm_levy_rate_bounds(year, k, &lo[k], &hi[k], err)) < 0)
      return rc;
  if ((rc = param_on("levy_national_target_cents", year, &target, err)) < 0)
    return rc;
  memset(&kb, 0, sizeof kb);
  kb.c = hlm_malloc((w->n_calcs ? w->n_calcs : 1) * sizeof *kb.c);
  if (!kb.c)
    return HLM_NOMEM(err);
  mpq_init(kb.tmp);
  mpq_init(kb.tmp2);
  mpq_init(d);
  mpq_init(q);
  mpq_init(t);
  for (i = 0; i < w->n_calcs; i++) {
    calc *c = &w->calcs[i];
    if (!c->known)
      continue;
    /* a2 = n Σ low_i w_i / 10000 + 1/2, b = n Σ (high_i − low_i) w_i /
     * 10000 */
    mpq_set_ui(c->a2, 0, 1);
    mpq_set_ui(c->b, 0, 1);
    for (k = 0; k < 4; k++) {
      mpq_set_si(d, (long)lo[k], 1);
      mpq_mul(q, c->w[k], d);
      mpq_add(c->a2, c->a2, q);
      mpq_set_si(d, (long)(hi[k] - lo[k]), 1);
      mpq_mul(q, c->w[k], d);
      mpq_add(c->b, c->b, q);
    }
    mpq_set_si(d, (long)c->n, 10000);
    mpq_canonicalize(d);
    mpq_mul(c->a2, c->a2, d);
    mpq_mul(c->b, c->b, d);
    mpq_set_ui(d, 1, 2);
    mpq_add(c->a2, c->a2, d);
    kb.c[kb.n++] = c;
  }
  mpq_set_ui(t, 0, 1);
  t0 = total_at(&kb, t);
  mpq_set_ui(t, 1, 1);
  t1 = total_at(&kb, t);
  res->target_cents = target;
  res->target_side = t0 > target ? 1 : t1 < target ? -1 : 0;
  if (t1 <= target) {
    /* even the highest rates stay within the target: the law's upper
     * bounds, t = 1 */
    v = t1;
    mpq_set_ui(t, 1, 1);
  } else if (t0 > target) {
    /* out of reach from above: the lowest rates, t = 0 */
    v = t0;
    mpq_set_ui(t, 0, 1);
  } else {
    /* the largest total within the target is the one just below the
     * first jump above it; then the smallest t whose total is that one
     * (the total is constant on [t, t') and t' is not reached) */
    first_above(&kb, target, t, &below);
    v = below;
    first_above(&kb, v - 1, t, &below);
  }
  for (k = 0; k < 4; k++) {
    mpq_set_si(d, (long)(hi[k] - lo[k]), 1);
    mpq_mul(rates[k], t, d);
    mpq_set_si(d, (long)lo[k], 1);
    mpq_add(rates[k], rates[k], d);
  }
  res->rates_known = 1;
  res->t = qtext(t);
  rc = HLM_OK;
  if (!res->t ||
      hlm_trace_add(&res->trace, "L423-14 al. 5",
                    "Calibrage : r_i = bas_i + t × (haut_i − bas_i), un même "
                    "t pour tous ; total national croissant en t",
                    "total(0) = %lld, total(1) = %lld centimes, cible %lld",
                    (long long)t0, (long long)t1, (long long)target) < 0 ||
      hlm_trace_add(&res->trace, "L423-14 al. 5",
                    t0 > target ? "Cible inatteignable : même t = 0 la dépasse"
                    : t1 <= target
                        ? "Même les taux les plus hauts (t = 1) restent sous "
                          "la cible : t = 1"
                        : "Plus grand total atteignable sans dépasser la "
                          "cible, et le plus petit t qui l'atteint (recherche "
                          "exacte sur les points de saut)",
                    "t = %s ; total %lld centimes ; %ld évaluations",
                    res->t ? res->t : "", (long long)v, kb.evals) < 0)
    rc = HLM_NOMEM(err);
  mpq_clear(kb.tmp);
  mpq_clear(kb.tmp2);
  mpq_clear(d);
  mpq_clear(q);
  mpq_clear(t);
  hlm_free(kb.c);
  return rc;
}

static int add_missing(hlm_findings *out, const calc *c, int year,
                       hlm_date as_of) {
  char msg[1024];
  snprintf(msg, sizeof msg,
           "prélèvement %d de l'organisme %s non calculable : %s", year, c->id,
           c->missing);
  return hlm__missing_fact(out, "L423-14", "L423-14", VLEVY, "organism", c->id,
                           as_of, &c->trace, msg);
}

int hlm_levy_compute(const hlm_facts *f, int year, const char *only_organism,
                     hlm_levy_mode mode, const int64_t rates_bp[4],
                     hlm_date as_of, hlm_levy_result *res, hlm_findings *out,
                     hlm_error *err) {
  work w;
  mpq_t rates[4], q, before;
  size_t i, listed = 0;
  int k, rc, in_force = year_in_force(year);
  memset(res, 0, sizeof *res);
  res->year = year;
  res->in_force = in_force;
  for (k = 0; k < 4; k++)
    mpq_init(rates[k]);
  mpq_init(q);
  mpq_init(before);
  if ((rc = work_build(&w, f, year, in_force, err)) < 0)
    goto done;

  /* the rates */
  if (!in_force) {
    /* ART: L423-14 al. 1 — « A compter du 1er janvier 2011 »; the article
     * left the code at the end of 2012 */
    if (hlm_trace_add(&res->trace, "L423-14",
                      "Année de prélèvement hors du texte (années 2011 et "
                      "2012 seulement)",
                      "%d", year) < 0)
      goto nomem;
    if (mode == HLM_LEVY_RATES_GIVEN) {
      res->rates_known = 1;
      for (k = 0; k < 4; k++)
        mpq_set_si(rates[k], (long)rates_bp[k], 1);
    }
  } else if (mode == HLM_LEVY_RATES_PARAM) {
    for (k = 0; k < 4; k++) {
      char name[32];
      int64_t v;
      snprintf(name, sizeof name, "levy_rate_r%d", k + 1);
      if (param_on(name, year, &v, NULL) < 0) {
        rc = hlm_error_set(err, HLM_EPARAM,
                           "les taux de l'arrêté pour le prélèvement %d ne "
                           "sont pas connus de hlm : donnez --rates "
                           "r1,r2,r3,r4 ou --calibrate",
                           year);
        goto done;
      }
      mpq_set_si(rates[k], (long)v, 1);
    }
    res->rates_known = 1;
    if (hlm_trace_add(&res->trace, "L423-14 al. 5",
                      "Taux de l'arrêté (paramètre daté)", "%s",
                      "levy_rate_r1..r4") < 0)
      goto nomem;
  } else if (mode == HLM_LEVY_RATES_GIVEN) {
    for (k = 0; k < 4; k++) {
      int64_t lo, hi;
      if ((rc = hlm_levy_rate_bounds(year, k, &lo, &hi, err)) < 0)
        goto done;
      if (rates_bp[k] < lo || rates_bp[k] > hi) {
        rc = hlm_error_set(err, HLM_EINPUT,
                           "taux r%d = %lld pb hors des bornes de L423-14 "
                           "(%lld à %lld pb)",
                           k + 1, (long long)rates_bp[k], (long long)lo,
                           (long long)hi);
        goto done;
      }
      mpq_set_si(rates[k], (long)rates_bp[k], 1);
    }
    res->rates_known = 1;
    if (hlm_trace_add(&res->trace, "L423-14 al. 5",
                      "Taux donnés (--rates), dans les bornes de la loi",
                      "%lld, %lld, %lld, %lld pb", (long long)rates_bp[0],
                      (long long)rates_bp[1], (long long)rates_bp[2],
                      (long long)rates_bp[3]) < 0)
      goto nomem;
  } else if ((rc = calibrate(&w, year, rates, res, err)) < 0) {
    goto done;
  }
  if (res->rates_known)
    for (k = 0; k < 4; k++)
      if (!(res->rates_bp[k] = qtext(rates[k])))
        goto nomem;

  /* the organisms */
  res->orgs = hlm_calloc(w.n_calcs ? w.n_calcs : 1, sizeof *res->orgs);
  if (!res->orgs)
    goto nomem;
  for (i = 0; i < w.n_calcs; i++) {
    calc *c = &w.calcs[i];
    hlm_levy_org *o;
    int wanted = !only_organism || strcmp(c->id, only_organism) == 0;
    int64_t lv = -1;
    /* ART: L423-14 al. 4 — « égal au produit du nombre de logements … au
     * 31 décembre de l'année précédente par une contribution moyenne par
     * logement » */
    if (in_force && c->known) {
      contribution(q, c, (mpq_t const *)rates);
      mpq_set_si(before, (long)c->n, 1);
      mpq_mul(before, before, q);
      lv = levy_of(before, c->cap);
      res->national_total_cents += lv;
    }
    if (!wanted)
      continue;
    o = &res->orgs[listed++];
    snprintf(o->id, sizeof o->id, "%s", c->id);
    o->dwellings = -1;
    o->levy_cents = -1;
    if (!in_force) {
      if (out) {
        hlm_finding *fd = hlm_findings_add(
            out, "L423-14", "L423-14", VLEVY, HLM_SEV_INFO, "organism", c->id,
            "TEXT_NOT_IN_FORCE", as_of,
            "L423-14 ne s'applique qu'aux prélèvements des années 2011 et "
            "2012 : rien n'est dû par %s au titre de %d",
            c->id, year);
        if (!fd || hlm_trace_append(&fd->trace, &res->trace) < 0)
          goto nomem;
      }
      if (hlm_trace_append(&o->trace, &res->trace) < 0)
        goto nomem;
      continue;
    }
    if (hlm_trace_append(&o->trace, &c->trace) < 0)
      goto nomem;
    if (!c->known) {
      if (hlm_trace_add(&o->trace, "L423-14", "Données manquantes", "%s",
                        c->missing) < 0)
        goto nomem;
      if (out && add_missing(out, c, year, as_of) < 0)
        goto nomem;
      continue;
    }
    o->known = 1;
    o->dwellings = c->n;
    o->levy_cents = lv;
    if (!(o->avg_potential_per_dwelling_cents = qtext(c->avg)) ||
        !(o->contribution_per_dwelling_cents = qtext(q)) ||
        !(o->levy_before_cap_cents = qtext(before)) ||
        !(o->cap_rate_bp = qtext(c->cap_rate)) ||
        !(o->cap_cents = qtext(c->cap)))
      goto nomem;
    if (hlm_trace_add(&o->trace, "L423-14 al. 5", "Taux du barème r1..r4 (pb)",
                      "%s ; %s ; %s ; %s", res->rates_bp[0], res->rates_bp[1],
                      res->rates_bp[2], res->rates_bp[3]) < 0 ||
        hlm_trace_add(&o->trace, "L423-14 al. 5",
                      "Contribution par logement : barème marginal par "
                      "tranche (0 sous 900 €) sur la moyenne (centimes)",
                      "%s", o->contribution_per_dwelling_cents) < 0 ||
        hlm_trace_add(&o->trace, "L423-14 al. 4",
                      "Logements au 31 décembre de l'année précédente", "%lld",
                      (long long)c->n) < 0 ||
        hlm_trace_add(&o->trace, "L423-14 al. 4",
                      "Prélèvement avant plafond : logements × contribution "
                      "(centimes)",
                      "%s", o->levy_before_cap_cents) < 0 ||
        hlm_trace_add(&o->trace, "L423-14 al. 2",
                      "Prélèvement : le plus petit du montant et du plafond, "
                      "jamais négatif, arrondi au centime le plus proche",
                      "%lld centimes", (long long)lv) < 0)
      goto nomem;
    res->total_cents += lv;
  }
  res->n_orgs = listed;
  rc = HLM_OK;
  goto done;
nomem:
  rc = HLM_NOMEM(err);
done:
  for (k = 0; k < 4; k++)
    mpq_clear(rates[k]);
  mpq_clear(q);
  mpq_clear(before);
  work_free(&w);
  if (rc < 0)
    hlm_levy_result_clear(res);
  return rc;
}

/* ---- the registry's rule: the facts of the year of the date ---- */

int hlm__rule_l423_14(const hlm_eval *ev, hlm_findings *out, hlm_error *err) {
  int year = hlm_date_year(ev->as_of), rc;
  work w;
  size_t i;
  if ((rc = work_build(&w, ev->facts, year, 1, err)) < 0) {
    work_free(&w);
    return rc;
  }
  for (i = 0; i < w.n_calcs; i++) {
    const calc *c = &w.calcs[i];
    long k = hlm_facts_org_index(ev->facts, c->id);
    if (ev->only_organism && strcmp(c->id, ev->only_organism) != 0)
      continue;
    if (ev->only_group && (k < 0 || !hlm_eval_wants_org(ev, (size_t)k)))
      continue;
    if (!c->known && add_missing(out, c, year, ev->as_of) < 0) {
      work_free(&w);
      return HLM_NOMEM(err);
    }
  }
  work_free(&w);
  return HLM_OK;
}
