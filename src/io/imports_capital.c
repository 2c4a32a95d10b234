/*
 * imports_capital.c: the input files of the capital and money rules
 * (spec/rules-capital-money.md, "New input files"), described for the
 * generic importer (table.h).  Landing:
 *   holdings: the cap table of each company present replaces the stored
 *             one (a holder may appear on several rows: they are summed);
 *   invoices: the invoices of each (structure, period) present replace the
 *             stored ones (several invoices per member are allowed);
 *   the others: each row replaces the row with the same key.
 */
#include <string.h>

#include "hlm/io.h"
#include "io/table.h"

#define N(a) (sizeof a / sizeof *a)
#define MAXC 100000000000000LL /* 1 000 milliards d'euros, in cents */

/* holders that are not organisms carry a type (formats: "P:…", "F:…") */
static int holding_check(const hlm_tablespec *spec, const hlm_csv *csv,
                         const hlm_value *v, const int *colmap,
                         hlm_diags *d) {
  int h = hlm_table_col(spec, "holder"), t = hlm_table_col(spec, "holder_type");
  int is_id = v[h].len >= 2 && v[h].s[1] == ':';
  if (is_id && !v[t].present) {
    hlm_table_error(spec, csv, colmap, "holder_type", d,
                    "détenteur « %.*s » qui n'est pas un organisme : "
                    "holder_type (PERSON ou EMPLOYEE_FUND) obligatoire",
                    (int)v[h].len, v[h].s);
    return 1;
  }
  if (!is_id && v[t].present) {
    hlm_table_error(spec, csv, colmap, "holder_type", d,
                    "un organisme (SIREN) n'a pas de holder_type");
    return 1;
  }
  return 0;
}

static const char *const holder_types[] = {"PERSON", "EMPLOYEE_FUND", NULL};
static const hlm_colspec holdings_cols[] = {
    {"company", 1, HLM_COL_SIREN, 0, 0, NULL},
    {"holder", 1, HLM_COL_HOLDER, 0, 0, NULL},
    {"shares", 1, HLM_COL_INT, 1, 1000000000000LL, NULL},
    {"category", 0, HLM_COL_INT, 1, 4, NULL},
    {"holder_type", 0, HLM_COL_ENUM, 0, 0, holder_types},
    {"acquired", 0, HLM_COL_DATE, 0, 0, NULL},
    {"price_cents", 0, HLM_COL_CENTS, 0, MAXC, NULL},
    {"pact_id", 0, HLM_COL_ID, 0, 0, NULL},
};
static const char *const by_company[] = {"company", NULL};
static const hlm_tablespec holdings_spec = {
    "holdings", "holdings", holdings_cols, N(holdings_cols), NULL,
    HLM_LAND_REPLACE_SETS, by_company, holding_check};

static const hlm_colspec statutes_cols[] = {
    {"company", 1, HLM_COL_SIREN, 0, 0, NULL},
    {"cat2_votes", 0, HLM_COL_INT, 0, 100000000000000LL, NULL},
    {"cat3_votes", 0, HLM_COL_INT, 0, 100000000000000LL, NULL},
};
static const hlm_tablespec statutes_spec = {
    "statutes", "statutes", statutes_cols, N(statutes_cols), by_company,
    HLM_LAND_UPSERT, NULL, NULL};

static const char *const decisions[] = {"APPROVED", "REFUSED", NULL};
static const hlm_colspec transfers_cols[] = {
    {"id", 1, HLM_COL_ID, 0, 0, NULL},
    {"company", 1, HLM_COL_SIREN, 0, 0, NULL},
    {"seller", 1, HLM_COL_HOLDER, 0, 0, NULL},
    {"buyer", 1, HLM_COL_HOLDER, 0, 0, NULL},
    {"shares", 1, HLM_COL_INT, 1, 1000000000000LL, NULL},
    {"price_cents", 0, HLM_COL_CENTS, 0, MAXC, NULL},
    {"signed", 0, HLM_COL_DATE, 0, 0, NULL},
    {"deed_deposited", 0, HLM_COL_DATE, 0, 0, NULL},
    {"request_received", 0, HLM_COL_DATE, 0, 0, NULL},
    {"board_decision", 0, HLM_COL_ENUM, 0, 0, decisions},
    {"board_decision_date", 0, HLM_COL_DATE, 0, 0, NULL},
    {"purchased", 0, HLM_COL_DATE, 0, 0, NULL},
    {"court_extension_until", 0, HLM_COL_DATE, 0, 0, NULL},
};

static int transfer_check(const hlm_tablespec *spec, const hlm_csv *csv,
                          const hlm_value *v, const int *colmap,
                          hlm_diags *d) {
  int dec = hlm_table_col(spec, "board_decision");
  int dd = hlm_table_col(spec, "board_decision_date");
  if (v[dec].present != v[dd].present) {
    hlm_table_error(spec, csv, colmap,
                    v[dec].present ? "board_decision_date" : "board_decision",
                    d,
                    "board_decision et board_decision_date vont ensemble");
    return 1;
  }
  return 0;
}

static const char *const by_id[] = {"id", NULL};
static const hlm_tablespec transfers_spec = {
    "transfers", "transfers", transfers_cols, N(transfers_cols), by_id,
    HLM_LAND_UPSERT, NULL, transfer_check};

static const hlm_colspec dividends_cols[] = {
    {"company", 1, HLM_COL_SIREN, 0, 0, NULL},
    {"paid", 1, HLM_COL_DATE, 0, 0, NULL},
    {"per_share_cents", 1, HLM_COL_CENTS, 0, MAXC, NULL},
};
static const char *const div_key[] = {"company", "paid", NULL};
static const hlm_tablespec dividends_spec = {
    "dividends", "dividends", dividends_cols, N(dividends_cols), div_key,
    HLM_LAND_UPSERT, NULL, NULL};

static const char *const op_kinds[] = {
    "INCREASE_CASH",     "INCREASE_INCORPORATION", "INCREASE_LEGAL_MINIMUM",
    "AMORTIZATION",      "REDUCTION_BUYBACK",      "REDUCTION_NOMINAL",
    NULL};
static const hlm_colspec ops_cols[] = {
    {"company", 1, HLM_COL_SIREN, 0, 0, NULL},
    {"date", 1, HLM_COL_DATE, 0, 0, NULL},
    {"kind", 1, HLM_COL_ENUM, 0, 0, op_kinds},
    {"price_per_share_cents", 0, HLM_COL_CENTS, 0, MAXC, NULL},
    {"derogation", 0, HLM_COL_BOOL, 0, 0, NULL},
};
static const char *const op_key[] = {"company", "date", "kind", NULL};
static const hlm_tablespec ops_spec = {
    "capital_ops", "capital_ops", ops_cols, N(ops_cols), op_key,
    HLM_LAND_UPSERT, NULL, NULL};

static const char *const loan_kinds[] = {"ADVANCE", "PARTICIPATING_LOAN",
                                         NULL};
static const char *const opposers[] = {"HOUSING", "ECONOMY", "BOTH", NULL};
static const hlm_colspec loans_cols[] = {
    {"id", 1, HLM_COL_ID, 0, 0, NULL},
    {"lender", 1, HLM_COL_SIREN, 0, 0, NULL},
    {"borrower", 1, HLM_COL_SIREN, 0, 0, NULL},
    {"kind", 1, HLM_COL_ENUM, 0, 0, loan_kinds},
    {"amount_cents", 1, HLM_COL_CENTS, 1, MAXC, NULL},
    {"rate_bp", 1, HLM_COL_INT, -10000, 100000, NULL},
    {"signed", 1, HLM_COL_DATE, 0, 0, NULL},
    {"declared", 0, HLM_COL_DATE, 0, 0, NULL},
    {"opposition", 0, HLM_COL_DATE, 0, 0, NULL},
    {"opposed_by", 0, HLM_COL_ENUM, 0, 0, opposers},
    {"disbursed", 0, HLM_COL_DATE, 0, 0, NULL},
    {"guarantor_informed", 0, HLM_COL_BOOL, 0, 0, NULL},
};

static int loan_check(const hlm_tablespec *spec, const hlm_csv *csv,
                      const hlm_value *v, const int *colmap, hlm_diags *d) {
  int op = hlm_table_col(spec, "opposition"), by = hlm_table_col(spec,
                                                                 "opposed_by");
  if (v[op].present != v[by].present) {
    hlm_table_error(spec, csv, colmap, v[op].present ? "opposed_by"
                                                     : "opposition",
                    d, "opposition et opposed_by vont ensemble");
    return 1;
  }
  return 0;
}

static const hlm_tablespec loans_spec = {
    "loans", "loans", loans_cols, N(loans_cols), by_id, HLM_LAND_UPSERT,
    NULL, loan_check};

static const hlm_colspec fin_cols[] = {
    {"organism", 1, HLM_COL_SIREN, 0, 0, NULL},
    {"exercise", 1, HLM_COL_YEAR, 1990, 2100, NULL},
    {"financial_potential_cents", 0, HLM_COL_CENTS, -MAXC, MAXC, NULL},
    {"dwellings", 0, HLM_COL_INT, 0, 10000000, NULL},
    {"dwellings_acquired_social", 0, HLM_COL_INT, 0, 10000000, NULL},
    {"rents_cents", 0, HLM_COL_CENTS, 0, MAXC, NULL},
    {"financial_income_cents", 0, HLM_COL_CENTS, -MAXC, MAXC, NULL},
};
static const char *const fin_key[] = {"organism", "exercise", NULL};
static const hlm_tablespec fin_spec = {
    "financials", "financials", fin_cols, N(fin_cols), fin_key,
    HLM_LAND_UPSERT, NULL, NULL};

static const hlm_colspec coop_cols[] = {
    {"structure", 1, HLM_COL_SIREN, 0, 0, NULL},
    {"member", 1, HLM_COL_SIREN, 0, 0, NULL},
    {"joined", 1, HLM_COL_DATE, 0, 0, NULL},
    {"convention_signed", 0, HLM_COL_DATE, 0, 0, NULL},
};
static const char *const coop_key[] = {"structure", "member", NULL};
static const hlm_tablespec coop_spec = {
    "cooperation", "cooperation", coop_cols, N(coop_cols), coop_key,
    HLM_LAND_UPSERT, NULL, NULL};

static const hlm_colspec services_cols[] = {
    {"structure", 1, HLM_COL_SIREN, 0, 0, NULL},
    {"service", 1, HLM_COL_ID, 0, 0, NULL},
    {"period", 1, HLM_COL_PERIOD, 0, 0, NULL},
    {"cost_cents", 1, HLM_COL_CENTS, 0, MAXC, NULL},
};
static const char *const svc_key[] = {"structure", "service", "period", NULL};
static const hlm_tablespec services_spec = {
    "services", "services", services_cols, N(services_cols), svc_key,
    HLM_LAND_UPSERT, NULL, NULL};

static const hlm_colspec usage_cols[] = {
    {"structure", 1, HLM_COL_SIREN, 0, 0, NULL},
    {"service", 1, HLM_COL_ID, 0, 0, NULL},
    {"period", 1, HLM_COL_PERIOD, 0, 0, NULL},
    {"member", 1, HLM_COL_SIREN, 0, 0, NULL},
    {"units", 1, HLM_COL_INT, 0, 1000000000000LL, NULL},
};
static const char *const usage_key[] = {"structure", "service", "period",
                                        "member", NULL};
static const hlm_tablespec usage_spec = {
    "usage", "usage", usage_cols, N(usage_cols), usage_key, HLM_LAND_UPSERT,
    NULL, NULL};

static const hlm_colspec invoices_cols[] = {
    {"structure", 1, HLM_COL_SIREN, 0, 0, NULL},
    {"member", 1, HLM_COL_SIREN, 0, 0, NULL},
    {"period", 1, HLM_COL_PERIOD, 0, 0, NULL},
    {"amount_cents", 1, HLM_COL_CENTS, -MAXC, MAXC, NULL},
};
static const char *const inv_sets[] = {"structure", "period", NULL};
static const hlm_tablespec invoices_spec = {
    "invoices", "invoices", invoices_cols, N(invoices_cols), NULL,
    HLM_LAND_REPLACE_SETS, inv_sets, NULL};

#define RUNNER(fn, spec)                                                       \
  int fn(hlm_store *s, const char *path, const hlm_import_opts *o,            \
         hlm_import_report *rep, hlm_diags *d, hlm_error *err);               \
  int fn(hlm_store *s, const char *path, const hlm_import_opts *o,            \
         hlm_import_report *rep, hlm_diags *d, hlm_error *err) {              \
    return hlm_table_import(s, &spec, path, o, rep, d, err);                   \
  }

RUNNER(hlm__import_holdings, holdings_spec)
RUNNER(hlm__import_statutes, statutes_spec)
RUNNER(hlm__import_transfers, transfers_spec)
RUNNER(hlm__import_dividends, dividends_spec)
RUNNER(hlm__import_capital_ops, ops_spec)
RUNNER(hlm__import_loans, loans_spec)
RUNNER(hlm__import_financials, fin_spec)
RUNNER(hlm__import_cooperation, coop_spec)
RUNNER(hlm__import_services, services_spec)
RUNNER(hlm__import_usage, usage_spec)
RUNNER(hlm__import_invoices, invoices_spec)
