/*
 * capital_common.c: helpers of the capital law files (capital_int.h):
 * which holdings count at a date, one finding per (rule, code, subject),
 * exact values as text.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/exact.h"
#include "hlm/alloc.h"
#include "law/capital_int.h"

int hlm__holding_counts(const hlm_holding *h, hlm_date d) {
  return h->shares > 0 && (h->acquired == HLM_DATE_NONE || h->acquired <= d);
}

/* ---- index of the holdings by company ---- */

struct hlm_holdings_index {
  const hlm_holding *rows; /* f->capital->holdings */
  size_t *idx;             /* row indices, by company then row order */
  size_t n;
};

typedef struct ent {
  const char *company;
  size_t row;
} ent;

static int cmp_ent(const void *a, const void *b) {
  const ent *x = a, *y = b;
  int c = strcmp(x->company, y->company);
  if (c)
    return c;
  return x->row < y->row ? -1 : x->row > y->row;
}

int hlm_holdings_index_new(const hlm_facts *f, hlm_holdings_index **out) {
  hlm_holdings_index *ix = hlm_calloc(1, sizeof *ix);
  const hlm_capital_facts *c = f->capital;
  ent *e;
  size_t i;
  *out = NULL;
  if (!ix)
    return HLM_ENOMEM;
  if (c && c->n_holdings) {
    ix->idx = hlm_malloc(c->n_holdings * sizeof *ix->idx);
    e = hlm_malloc(c->n_holdings * sizeof *e);
    if (!ix->idx || !e) {
      hlm_free(e);
      hlm_free(ix->idx);
      hlm_free(ix);
      return HLM_ENOMEM;
    }
    ix->rows = c->holdings;
    ix->n = c->n_holdings;
    for (i = 0; i < ix->n; i++) {
      e[i].company = c->holdings[i].company;
      e[i].row = i;
    }
    qsort(e, ix->n, sizeof *e, cmp_ent);
    for (i = 0; i < ix->n; i++)
      ix->idx[i] = e[i].row;
    hlm_free(e);
  }
  *out = ix;
  return HLM_OK;
}

void hlm_holdings_index_free(hlm_holdings_index *ix) {
  if (!ix)
    return;
  hlm_free(ix->idx);
  hlm_free(ix);
}

int hlm__holdings_rows(const hlm_facts *f, const hlm_holdings_index *ix,
                       const char *company, const size_t **idx, size_t *n,
                       int *owned) {
  const hlm_capital_facts *c = f->capital;
  size_t i, k = 0, *p;
  *idx = NULL;
  *n = 0;
  *owned = 0;
  if (!c || !c->n_holdings)
    return HLM_OK;
  if (ix) {
    size_t lo = 0, hi = ix->n;
    while (lo < hi) { /* first row of company */
      size_t mid = lo + (hi - lo) / 2;
      if (strcmp(ix->rows[ix->idx[mid]].company, company) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
    for (hi = lo; hi < ix->n && strcmp(ix->rows[ix->idx[hi]].company,
                                       company) == 0;
         hi++)
      ;
    *idx = ix->idx + lo;
    *n = hi - lo;
    return HLM_OK;
  }
  for (i = 0; i < c->n_holdings; i++)
    k += strcmp(c->holdings[i].company, company) == 0;
  if (k == 0)
    return HLM_OK;
  p = hlm_malloc(k * sizeof *p);
  if (!p)
    return HLM_ENOMEM;
  for (i = 0, k = 0; i < c->n_holdings; i++)
    if (strcmp(c->holdings[i].company, company) == 0)
      p[k++] = i;
  *idx = p;
  *n = k;
  *owned = 1;
  return HLM_OK;
}

size_t hlm_holdings_count(const hlm_facts *f, const hlm_holdings_index *ix,
                          const char *company, hlm_date d) {
  const size_t *idx;
  size_t n, i, k = 0;
  int owned;
  if (hlm__holdings_rows(f, ix, company, &idx, &n, &owned) < 0) {
    /* no memory for the scan: count without it */
    const hlm_capital_facts *c = f->capital;
    for (i = 0; c && i < c->n_holdings; i++)
      k += strcmp(c->holdings[i].company, company) == 0 &&
           hlm__holding_counts(&c->holdings[i], d);
    return k;
  }
  for (i = 0; i < n; i++)
    k += hlm__holding_counts(&f->capital->holdings[idx[i]], d);
  if (owned)
    hlm_free((void *)idx);
  return k;
}

int hlm__eval_wants_company(const hlm_eval *ev, const char *company) {
  return !ev->only_organism || strcmp(ev->only_organism, company) == 0;
}

hlm_finding *hlm__cap_finding(hlm_findings *out, size_t from,
                              const char *rule, const char *article,
                              const char *version, hlm_severity sev,
                              const char *subject_type,
                              const char *subject_id, const char *code,
                              hlm_date as_of, const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  size_t i;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  for (i = from; i < out->n; i++) {
    hlm_finding *f = &out->items[i];
    if (strcmp(f->rule, rule) == 0 && strcmp(f->code, code) == 0 &&
        strcmp(f->subject_type, subject_type) == 0 &&
        strcmp(f->subject_id, subject_id) == 0) {
      size_t a = strlen(f->message), b = strlen(msg);
      char *m = hlm_realloc(f->message, a + b + 4);
      if (!m)
        return NULL;
      memcpy(m + a, " ; ", 3);
      memcpy(m + a + 3, msg, b + 1);
      f->message = m;
      return f;
    }
  }
  return hlm_findings_add(out, rule, article, version, sev, subject_type,
                          subject_id, code, as_of, "%s", msg);
}

char *hlm__exact_text(const mpq_t q, int *whole, int64_t *i) {
  *whole = mpz_cmp_ui(mpq_denref(q), 1) == 0;
  *i = *whole ? hlm__mpq_floor(q) : 0;
  return hlm__mpq_text(q);
}

const char *hlm__date_text(hlm_date d, char buf[11]) {
  if (d == HLM_DATE_NONE)
    return "inconnue";
  hlm_date_format(d, buf);
  return buf;
}

int hlm__kind_l423_4(hlm_kind k) {
  return k == HLM_KIND_ESH || k == HLM_KIND_COOP || k == HLM_KIND_SCIC;
}

int hlm__kind_local_co(hlm_kind k) {
  return k == HLM_KIND_SEM || k == HLM_KIND_SPL || k == HLM_KIND_SEMOP;
}
