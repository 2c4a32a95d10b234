/*
 * capital_common.c: helpers of the capital law files (capital_int.h):
 * which holdings count at a date, one finding per (rule, code, subject),
 * exact values as text.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/exact.h"
#include "hlm/alloc.h"
#include "law/capital_int.h"

int hlm__holding_counts(const hlm_holding *h, hlm_date d) {
  return h->shares > 0 && (h->acquired == HLM_DATE_NONE || h->acquired <= d);
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
