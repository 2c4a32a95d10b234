/*
 * law_int.h (internal): the rule functions of rules.def and helpers the
 * law files share.
 */
#ifndef HLM_LAW_INT_H
#define HLM_LAW_INT_H

#include "hlm/law.h"

#define HLM_RULE(id, article, version, from, to, fn, title)                    \
  int fn(const hlm_eval *ev, hlm_findings *out, hlm_error *err);
#include "law/rules.def"
#undef HLM_RULE

/* The date of a YYYY-MM-DD literal of the law files (asserted valid). */
hlm_date hlm__d(const char *iso);

/* Appends a MISSING_FACT finding (warning) about organism o for rule. */
int hlm__missing_fact(hlm_findings *out, const char *rule,
                      const char *article, const char *version,
                      const char *subject_type, const char *subject_id,
                      hlm_date as_of, const hlm_trace *trace,
                      const char *msg);

#define HLM_NOMEM(err) hlm_error_set((err), HLM_ENOMEM, "mémoire insuffisante")

#endif
