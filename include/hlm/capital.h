/*
 * hlm/capital.h: the facts of the capital and money rules
 * (spec/rules-capital-money.md): holdings, statutes, share transfers,
 * dividends, capital operations, loans between organisms, financial
 * statements, cooperation structures, their services, usage and invoices.
 *
 * Loaded whole by hlm_store_load_facts into facts->capital; the rules
 * select by date.  Unknown optional values: -1 for integers and cents,
 * HLM_DATE_NONE for dates, "" for ids.
 */
#ifndef HLM_CAPITAL_H
#define HLM_CAPITAL_H

#include <stddef.h>
#include <stdint.h>

#include "hlm/date.h"
#include "hlm/model.h"
#include "hlm/money.h"

#define HLM_ID_LEN 64

typedef enum hlm_holder_type {
  HLM_HOLDER_ORGANISM = 0, /* a SIREN of organisms.csv */
  HLM_HOLDER_PERSON = 1,
  HLM_HOLDER_EMPLOYEE_FUND = 2
} hlm_holder_type;

typedef struct hlm_holding {
  hlm_siren company;
  char holder[HLM_ID_LEN];
  int64_t shares;
  int category; /* 1..4 (L422-2-1 I), 0 when not given */
  hlm_holder_type holder_type;
  hlm_date acquired;     /* NONE: undated, always counts */
  hlm_cents price_cents; /* total paid for these shares, -1 unknown */
  char pact_id[HLM_ID_LEN];
} hlm_holding;

typedef struct hlm_statute {
  hlm_siren company;
  int64_t cat2_votes; /* -1 unknown */
  int64_t cat3_votes;
} hlm_statute;

typedef enum hlm_board_decision {
  HLM_BOARD_NONE = 0,
  HLM_BOARD_APPROVED = 1,
  HLM_BOARD_REFUSED = 2
} hlm_board_decision;

typedef struct hlm_transfer {
  char id[HLM_ID_LEN];
  hlm_siren company;
  char seller[HLM_ID_LEN];
  char buyer[HLM_ID_LEN];
  int64_t shares;
  hlm_cents price_cents; /* total price, -1 unknown */
  hlm_date signed_on;
  hlm_date deed_deposited;
  hlm_date request_received;
  hlm_board_decision board_decision;
  hlm_date board_decision_date;
  hlm_date purchased;
  hlm_date court_extension_until;
} hlm_transfer;

typedef struct hlm_dividend {
  hlm_siren company;
  hlm_date paid;
  hlm_cents per_share_cents;
} hlm_dividend;

typedef enum hlm_capital_op_kind {
  HLM_OP_INCREASE_CASH = 0,
  HLM_OP_INCREASE_INCORPORATION,
  HLM_OP_INCREASE_LEGAL_MINIMUM,
  HLM_OP_AMORTIZATION,
  HLM_OP_REDUCTION_BUYBACK,
  HLM_OP_REDUCTION_NOMINAL
} hlm_capital_op_kind;

typedef struct hlm_capital_op {
  hlm_siren company;
  hlm_date date;
  hlm_capital_op_kind kind;
  hlm_cents price_per_share_cents; /* -1 unknown */
  int derogation;                  /* 1, 0, -1 unknown */
} hlm_capital_op;

typedef enum hlm_loan_kind {
  HLM_LOAN_ADVANCE = 0,           /* L423-15 avance en compte courant */
  HLM_LOAN_PARTICIPATING = 1      /* L423-16 prêt participatif */
} hlm_loan_kind;

typedef enum hlm_opposed_by {
  HLM_OPPOSED_NONE = 0,
  HLM_OPPOSED_HOUSING = 1,
  HLM_OPPOSED_ECONOMY = 2,
  HLM_OPPOSED_BOTH = 3
} hlm_opposed_by;

typedef struct hlm_loan {
  char id[HLM_ID_LEN];
  hlm_siren lender;
  hlm_siren borrower;
  hlm_loan_kind kind;
  hlm_cents amount_cents;
  int64_t rate_bp;
  hlm_date signed_on;
  hlm_date declared;
  hlm_date opposition;
  hlm_opposed_by opposed_by;
  hlm_date disbursed;
  int guarantor_informed; /* 1, 0, -1 unknown */
} hlm_loan;

typedef struct hlm_financial {
  hlm_siren organism;
  int exercise;
  hlm_cents financial_potential_cents; /* -1 unknown */
  int64_t dwellings;                   /* held on 31 Dec, -1 unknown */
  int64_t dwellings_acquired_social;   /* -1 unknown */
  hlm_cents rents_cents;               /* -1 unknown */
  hlm_cents financial_income_cents;    /* -1 unknown */
} hlm_financial;

typedef struct hlm_coop_member {
  hlm_siren structure;
  hlm_siren member;
  hlm_date joined;
  hlm_date convention_signed; /* NONE: no convention */
} hlm_coop_member;

typedef struct hlm_service {
  hlm_siren structure;
  char service[HLM_ID_LEN];
  char period[8]; /* YYYY or YYYY-MM */
  hlm_cents cost_cents;
} hlm_service;

typedef struct hlm_usage {
  hlm_siren structure;
  char service[HLM_ID_LEN];
  char period[8];
  hlm_siren member;
  int64_t units;
} hlm_usage;

typedef struct hlm_invoice {
  hlm_siren structure;
  hlm_siren member;
  char period[8];
  hlm_cents amount_cents;
} hlm_invoice;

struct hlm_capital_facts {
  hlm_holding *holdings;
  size_t n_holdings;
  hlm_statute *statutes;
  size_t n_statutes;
  hlm_transfer *transfers;
  size_t n_transfers;
  hlm_dividend *dividends;
  size_t n_dividends;
  hlm_capital_op *ops;
  size_t n_ops;
  hlm_loan *loans;
  size_t n_loans;
  hlm_financial *financials;
  size_t n_financials;
  hlm_coop_member *coop;
  size_t n_coop;
  hlm_service *services;
  size_t n_services;
  hlm_usage *usage;
  size_t n_usage;
  hlm_invoice *invoices;
  size_t n_invoices;
};
typedef struct hlm_capital_facts hlm_capital_facts;

/* Frees every array and c itself; NULL-safe. */
void hlm_capital_facts_free(hlm_capital_facts *c);

#endif
