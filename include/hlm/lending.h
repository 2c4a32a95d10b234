/*
 * hlm/lending.h: advances in current account (L423-15) and participating
 * loans (L423-16) between organismes d'HLM.
 *
 * Both articles were created by loi n° 2011-525 (in force 2011-05-19) and
 * changed by loi n° 2018-1021 (ELAN) art. 84 with décret n° 2019-383 (in
 * force 2019-05-01): a member of the lender's group may borrow, the
 * opposition delay is fifteen days instead of two months, and either
 * minister's opposition suffices instead of a joint one.
 *
 * Readings (spec/rules-capital-money.md, "Loans"): eligibility and rate
 * are judged on the date the loan was signed; the declaration regime by
 * the date it was declared.  An opposition counts when dated strictly
 * before the acceptance date; the loan is accepted from that date.
 * Events dated after the as-of date have not happened yet.
 */
#ifndef HLM_LENDING_H
#define HLM_LENDING_H

#include <stddef.h>

#include "hlm/capital.h"
#include "hlm/error.h"
#include "hlm/model.h"
#include "hlm/trace.h"

typedef enum hlm_loan_status {
  HLM_LOAN_UNDECLARED = 0, /* no declaration on or before the date */
  HLM_LOAN_PENDING = 1,    /* declared, the opposition delay runs */
  HLM_LOAN_ACCEPTED = 2,   /* the delay ran out without a valid opposition */
  HLM_LOAN_OPPOSED = 3     /* a valid opposition came within the delay */
} hlm_loan_status;

/* "UNDECLARED", "PENDING", "ACCEPTED", "OPPOSED". */
const char *hlm_loan_status_name(hlm_loan_status s);
/* "ADVANCE", "PARTICIPATING_LOAN". */
const char *hlm_loan_kind_name(hlm_loan_kind k);

/* The first day of each text version. */
#define HLM_LENDING_V2011 "2011-05-19"
#define HLM_LENDING_V2019 "2019-05-01"

/* What hlm found about one loan as of a date. */
typedef struct hlm_loan_result {
  const hlm_loan *loan; /* borrowed from the facts */
  const char *rule;     /* "L423-15" (advance) or "L423-16" */
  hlm_loan_status status;
  hlm_date acceptance_date; /* the date of acceptance (expected while
                               PENDING); HLM_DATE_NONE when UNDECLARED or
                               OPPOSED */
  int eligible;             /* 1, 0, or -1 when it cannot be judged */
  int rate_ok;              /* 1, 0, or -1 */
  hlm_trace trace;          /* every step, with its article */
} hlm_loan_result;

/* Judges every loan of f->capital signed on or before as_of (all of them
 * when only_organism is NULL, else those whose lender or borrower it is),
 * in the order of the facts (by id).  *res receives a new array of *n
 * results (free with hlm_loan_results_free).  When out is not NULL, the
 * findings (LOAN_NOT_ELIGIBLE, RATE_ABOVE_CAP, DECLARATION_MISSING,
 * DISBURSED_BEFORE_ACCEPTANCE, DISBURSED_DESPITE_OPPOSITION,
 * GUARANTOR_NOT_INFORMED, MISSING_FACT) are appended to it, of the loans
 * of kind only_kind (-1: both kinds).  f must be sorted (hlm_facts_sort).
 * Returns HLM_OK, HLM_ENOMEM, or HLM_EPARAM when the Livret A table has
 * no value on a signing date. */
int hlm_loans_judge(const hlm_facts *f, hlm_date as_of,
                    const char *only_organism, int only_kind,
                    hlm_loan_result **res, size_t *n, hlm_findings *out,
                    hlm_error *err);

/* Frees the results and their traces; r may be NULL. */
void hlm_loan_results_free(hlm_loan_result *r, size_t n);

#endif
