/*
 * store_capital.c: loading the capital and money facts (capital.h) from
 * the tables of migration 2.  Everything is loaded; the rules select by
 * date.
 */
#include <string.h>

#include "hlm/alloc.h"
#include "hlm/capital.h"
#include "store/store_int.h"

int hlm__store_load_capital(hlm_store *s, hlm_date as_of, hlm_facts *f,
                            hlm_error *err);

/* Grows *arr (element size sz) to hold one more; returns the new slot. */
static void *grow(void **arr, size_t *n, size_t *cap, size_t sz) {
  char *p;
  if (*n == *cap) {
    size_t nc = *cap ? *cap * 2 : 32;
    void *q = hlm_realloc(*arr, nc * sz);
    if (!q)
      return NULL;
    *arr = q;
    *cap = nc;
  }
  p = (char *)*arr + (*n)++ * sz;
  memset(p, 0, sz);
  return p;
}

static hlm_date col_date(sqlite3_stmt *st, int i) {
  const char *t = hlm__col_text(st, i);
  hlm_date d;
  if (!t[0] || hlm_date_parse(t, strlen(t), &d) < 0)
    return HLM_DATE_NONE;
  return d;
}

static int enum_index(const char *v, const char *const *names) {
  int i;
  for (i = 0; names[i]; i++)
    if (strcmp(v, names[i]) == 0)
      return i;
  return -1;
}

/* One loader per table: SQL, then a row function filling one element. */
typedef void (*row_fn)(sqlite3_stmt *st, void *elem);

static void row_holding(sqlite3_stmt *st, void *e) {
  hlm_holding *h = e;
  const char *t;
  hlm__col_copy(st, 0, h->company, sizeof h->company);
  hlm__col_copy(st, 1, h->holder, sizeof h->holder);
  h->shares = sqlite3_column_int64(st, 2);
  h->category = (int)hlm__col_int(st, 3, 0);
  t = hlm__col_text(st, 4);
  h->holder_type = strcmp(t, "PERSON") == 0          ? HLM_HOLDER_PERSON
                   : strcmp(t, "EMPLOYEE_FUND") == 0 ? HLM_HOLDER_EMPLOYEE_FUND
                                                     : HLM_HOLDER_ORGANISM;
  h->acquired = col_date(st, 5);
  h->price_cents = hlm__col_int(st, 6, -1);
  hlm__col_copy(st, 7, h->pact_id, sizeof h->pact_id);
}

static void row_statute(sqlite3_stmt *st, void *e) {
  hlm_statute *x = e;
  hlm__col_copy(st, 0, x->company, sizeof x->company);
  x->cat2_votes = hlm__col_int(st, 1, -1);
  x->cat3_votes = hlm__col_int(st, 2, -1);
}

static void row_transfer(sqlite3_stmt *st, void *e) {
  static const char *const dec[] = {"", "APPROVED", "REFUSED", NULL};
  hlm_transfer *x = e;
  int k;
  hlm__col_copy(st, 0, x->id, sizeof x->id);
  hlm__col_copy(st, 1, x->company, sizeof x->company);
  hlm__col_copy(st, 2, x->seller, sizeof x->seller);
  hlm__col_copy(st, 3, x->buyer, sizeof x->buyer);
  x->shares = sqlite3_column_int64(st, 4);
  x->price_cents = hlm__col_int(st, 5, -1);
  x->signed_on = col_date(st, 6);
  x->deed_deposited = col_date(st, 7);
  x->request_received = col_date(st, 8);
  k = enum_index(hlm__col_text(st, 9), dec);
  x->board_decision = k < 0 ? HLM_BOARD_NONE : (hlm_board_decision)k;
  x->board_decision_date = col_date(st, 10);
  x->purchased = col_date(st, 11);
  x->court_extension_until = col_date(st, 12);
}

static void row_dividend(sqlite3_stmt *st, void *e) {
  hlm_dividend *x = e;
  hlm__col_copy(st, 0, x->company, sizeof x->company);
  x->paid = col_date(st, 1);
  x->per_share_cents = sqlite3_column_int64(st, 2);
}

static void row_op(sqlite3_stmt *st, void *e) {
  static const char *const kinds[] = {
      "INCREASE_CASH",     "INCREASE_INCORPORATION", "INCREASE_LEGAL_MINIMUM",
      "AMORTIZATION",      "REDUCTION_BUYBACK",      "REDUCTION_NOMINAL",
      NULL};
  hlm_capital_op *x = e;
  int k;
  hlm__col_copy(st, 0, x->company, sizeof x->company);
  x->date = col_date(st, 1);
  k = enum_index(hlm__col_text(st, 2), kinds);
  x->kind = k < 0 ? HLM_OP_INCREASE_CASH : (hlm_capital_op_kind)k;
  x->price_per_share_cents = hlm__col_int(st, 3, -1);
  x->derogation = (int)hlm__col_int(st, 4, -1);
}

static void row_loan(sqlite3_stmt *st, void *e) {
  static const char *const opp[] = {"", "HOUSING", "ECONOMY", "BOTH", NULL};
  hlm_loan *x = e;
  int k;
  hlm__col_copy(st, 0, x->id, sizeof x->id);
  hlm__col_copy(st, 1, x->lender, sizeof x->lender);
  hlm__col_copy(st, 2, x->borrower, sizeof x->borrower);
  x->kind = strcmp(hlm__col_text(st, 3), "PARTICIPATING_LOAN") == 0
                ? HLM_LOAN_PARTICIPATING
                : HLM_LOAN_ADVANCE;
  x->amount_cents = sqlite3_column_int64(st, 4);
  x->rate_bp = sqlite3_column_int64(st, 5);
  x->signed_on = col_date(st, 6);
  x->declared = col_date(st, 7);
  x->opposition = col_date(st, 8);
  k = enum_index(hlm__col_text(st, 9), opp);
  x->opposed_by = k < 0 ? HLM_OPPOSED_NONE : (hlm_opposed_by)k;
  x->disbursed = col_date(st, 10);
  x->guarantor_informed = (int)hlm__col_int(st, 11, -1);
}

static void row_financial(sqlite3_stmt *st, void *e) {
  hlm_financial *x = e;
  hlm__col_copy(st, 0, x->organism, sizeof x->organism);
  x->exercise = sqlite3_column_int(st, 1);
  x->financial_potential_cents = hlm__col_int(st, 2, -1);
  x->dwellings = hlm__col_int(st, 3, -1);
  x->dwellings_acquired_social = hlm__col_int(st, 4, -1);
  x->rents_cents = hlm__col_int(st, 5, -1);
  x->financial_income_cents = hlm__col_int(st, 6, -1);
}

static void row_coop(sqlite3_stmt *st, void *e) {
  hlm_coop_member *x = e;
  hlm__col_copy(st, 0, x->structure, sizeof x->structure);
  hlm__col_copy(st, 1, x->member, sizeof x->member);
  x->joined = col_date(st, 2);
  x->convention_signed = col_date(st, 3);
}

static void row_service(sqlite3_stmt *st, void *e) {
  hlm_service *x = e;
  hlm__col_copy(st, 0, x->structure, sizeof x->structure);
  hlm__col_copy(st, 1, x->service, sizeof x->service);
  hlm__col_copy(st, 2, x->period, sizeof x->period);
  x->cost_cents = sqlite3_column_int64(st, 3);
}

static void row_usage(sqlite3_stmt *st, void *e) {
  hlm_usage *x = e;
  hlm__col_copy(st, 0, x->structure, sizeof x->structure);
  hlm__col_copy(st, 1, x->service, sizeof x->service);
  hlm__col_copy(st, 2, x->period, sizeof x->period);
  hlm__col_copy(st, 3, x->member, sizeof x->member);
  x->units = sqlite3_column_int64(st, 4);
}

static void row_invoice(sqlite3_stmt *st, void *e) {
  hlm_invoice *x = e;
  hlm__col_copy(st, 0, x->structure, sizeof x->structure);
  hlm__col_copy(st, 1, x->member, sizeof x->member);
  hlm__col_copy(st, 2, x->period, sizeof x->period);
  x->amount_cents = sqlite3_column_int64(st, 3);
}

static int load(hlm_store *s, const char *sql, void **arr, size_t *n,
                size_t sz, row_fn fn, hlm_error *err) {
  sqlite3_stmt *st;
  size_t cap = 0;
  int rc = hlm__store_prepare(s, sql, &st, err);
  if (rc < 0)
    return rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    void *e = grow(arr, n, &cap, sz);
    if (!e) {
      sqlite3_finalize(st);
      return hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
    }
    fn(st, e);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE)
    return hlm__store_fail(s, err, "lecture du capital");
  return HLM_OK;
}

#define LOAD(sql, field, count, type, fn)                                      \
  load(s, sql, (void **)&c->field, &c->count, sizeof(type), fn, err)

int hlm__store_load_capital(hlm_store *s, hlm_date as_of, hlm_facts *f,
                            hlm_error *err) {
  hlm_capital_facts *c = hlm_calloc(1, sizeof *c);
  int rc;
  (void)as_of;
  if (!c)
    return hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
  f->capital = c;
  if ((rc = LOAD("SELECT company, holder, shares, category, holder_type,"
                 " acquired, price_cents, pact_id FROM holdings"
                 " ORDER BY company, holder, category",
                 holdings, n_holdings, hlm_holding, row_holding)) < 0 ||
      (rc = LOAD("SELECT company, cat2_votes, cat3_votes FROM statutes"
                 " ORDER BY company",
                 statutes, n_statutes, hlm_statute, row_statute)) < 0 ||
      (rc = LOAD("SELECT id, company, seller, buyer, shares, price_cents,"
                 " signed, deed_deposited, request_received, board_decision,"
                 " board_decision_date, purchased, court_extension_until"
                 " FROM transfers ORDER BY id",
                 transfers, n_transfers, hlm_transfer, row_transfer)) < 0 ||
      (rc = LOAD("SELECT company, paid, per_share_cents FROM dividends"
                 " ORDER BY company, paid",
                 dividends, n_dividends, hlm_dividend, row_dividend)) < 0 ||
      (rc = LOAD("SELECT company, date, kind, price_per_share_cents,"
                 " derogation FROM capital_ops ORDER BY company, date, kind",
                 ops, n_ops, hlm_capital_op, row_op)) < 0 ||
      (rc = LOAD("SELECT id, lender, borrower, kind, amount_cents, rate_bp,"
                 " signed, declared, opposition, opposed_by, disbursed,"
                 " guarantor_informed FROM loans ORDER BY id",
                 loans, n_loans, hlm_loan, row_loan)) < 0 ||
      (rc = LOAD("SELECT organism, exercise, financial_potential_cents,"
                 " dwellings, dwellings_acquired_social, rents_cents,"
                 " financial_income_cents FROM financials"
                 " ORDER BY organism, exercise",
                 financials, n_financials, hlm_financial, row_financial)) < 0 ||
      (rc = LOAD("SELECT structure, member, joined, convention_signed"
                 " FROM cooperation ORDER BY structure, member",
                 coop, n_coop, hlm_coop_member, row_coop)) < 0 ||
      (rc = LOAD("SELECT structure, service, period, cost_cents FROM services"
                 " ORDER BY structure, period, service",
                 services, n_services, hlm_service, row_service)) < 0 ||
      (rc = LOAD("SELECT structure, service, period, member, units FROM usage"
                 " ORDER BY structure, period, service, member",
                 usage, n_usage, hlm_usage, row_usage)) < 0 ||
      (rc = LOAD("SELECT structure, member, period, amount_cents FROM invoices"
                 " ORDER BY structure, period, member",
                 invoices, n_invoices, hlm_invoice, row_invoice)) < 0)
    return rc; /* f->capital is freed by hlm_facts_clear */
  return HLM_OK;
}
