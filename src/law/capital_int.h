/*
 * capital_int.h (internal): what the capital law files share
 * (capital_votes.c, share_price.c, coordination.c, capital_common.c).
 */
#ifndef HLM_LAW_CAPITAL_INT_H
#define HLM_LAW_CAPITAL_INT_H

#include <gmp.h>

#include "hlm/capital_law.h"
#include "law/law_int.h"

#define HLM_TRY_MEM(x)                                                         \
  do {                                                                         \
    if ((x) < 0)                                                               \
      return HLM_NOMEM(err);                                                   \
  } while (0)

/* 1 when holdings row h counts at date d: undated rows always count, dated
 * ones from their `acquired` day (spec "Holders"). */
int hlm__holding_counts(const hlm_holding *h, hlm_date d);

/* The indices into f->capital->holdings of the rows of company (any
 * date), through ix when given, else by scanning: *idx is borrowed from ix,
 * or allocated (*owned = 1: free it with hlm_free).  HLM_OK or
 * HLM_ENOMEM. */
int hlm__holdings_rows(const hlm_facts *f, const hlm_holdings_index *ix,
                       const char *company, const size_t **idx, size_t *n,
                       int *owned);

/* 1 when the evaluation asks for company (no --organism, or that one). */
int hlm__eval_wants_company(const hlm_eval *ev, const char *company);

/* The finding (rule, code, subject) added at index >= from of out, or a
 * new one.  When it exists, the message is appended to it after " ; " so
 * that one subject has one finding per code (finding ids name the rule,
 * the code and the subject).  NULL when memory runs out. */
hlm_finding *hlm__cap_finding(hlm_findings *out, size_t from,
                              const char *rule, const char *article,
                              const char *version, hlm_severity sev,
                              const char *subject_type,
                              const char *subject_id, const char *code,
                              hlm_date as_of, const char *fmt, ...)
    __attribute__((format(printf, 11, 12)));

/* The exact text of q (hlm__mpq_text) and, when q is an integer, *whole =
 * 1 and *i its value.  NULL on ENOMEM. */
char *hlm__exact_text(const mpq_t q, int *whole, int64_t *i);

/* A date as text for traces and messages ("2024-06-30", "inconnue"). */
const char *hlm__date_text(hlm_date d, char buf[11]);

/* Kinds of the capital rules. */
int hlm__kind_l423_4(hlm_kind k);   /* ESH, COOP, SCIC */
int hlm__kind_local_co(hlm_kind k); /* SEM, SPL, SEMOP (annex I §5) */

#endif
