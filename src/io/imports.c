/*
 * imports.c: the project's file kinds (formats.md) and the table of every
 * importable kind.
 */
#include <string.h>

#include "hlm/io.h"
#include "io/table.h"

/* ---- organisms.csv ---- */

static const hlm_colspec org_cols[] = {
    {"id", 1, HLM_COL_SIREN, 0, 0, NULL},
    {"name", 1, HLM_COL_TEXT, 0, 200, NULL},
    {"kind", 1, HLM_COL_KIND, 0, 0, NULL},
    {"departement", 0, HLM_COL_DEPT, 0, 0, NULL},
    {"group_id", 0, HLM_COL_ID, 0, 0, NULL},
    {"rpls_number", 0, HLM_COL_ID, 0, 0, NULL},
    {"accession_main_activity", 0, HLM_COL_BOOL, 0, 0, NULL},
    {"loans_granted_10y", 0, HLM_COL_INT, 0, 100000000, NULL},
    {"turnover_avg_3y_cents", 0, HLM_COL_CENTS, 0, 4000000000000000LL, NULL},
    {"insufficient_mission_contribution", 0, HLM_COL_BOOL, 0, 0, NULL},
    {"share_nominal_cents", 0, HLM_COL_CENTS, 1, 100000000000LL, NULL},
    {"subsidiary_of", 0, HLM_COL_SIREN, 0, 0, NULL},
    {"controlled_by", 0, HLM_COL_SIREN, 0, 0, NULL},
};

/* A body of the counting kinds needs its département (formats.md: "for
 * organisms"): L423-2's exemption is judged by it. */
static int org_check(const hlm_tablespec *spec, const hlm_csv *csv,
                     const hlm_value *v, const int *colmap, hlm_diags *d) {
  int kind = hlm_table_col(spec, "kind");
  int dep = hlm_table_col(spec, "departement");
  hlm_kind k = (hlm_kind)v[kind].i;
  if (k != HLM_KIND_LOCAL_AUTHORITY && !v[dep].present &&
      hlm_kind_is_counting(k)) {
    hlm_table_error(spec, csv, colmap, "departement", d,
                    "département du siège obligatoire pour un organisme de "
                    "nature %s",
                    hlm_kind_name(k));
    return 1;
  }
  return 0;
}

static const char *const org_unique[] = {"id", NULL};

static const hlm_tablespec org_spec = {
    "organisms", "organisms", org_cols, sizeof org_cols / sizeof *org_cols,
    org_unique, HLM_LAND_UPSERT, NULL, org_check};

/* ---- groups.csv ---- */

static const char *const group_kinds[] = {"SOC_COORDINATION", "CONTROL",
                                          NULL};
static const hlm_colspec group_cols[] = {
    {"id", 1, HLM_COL_ID, 0, 0, NULL},
    {"name", 1, HLM_COL_TEXT, 0, 200, NULL},
    {"kind", 1, HLM_COL_ENUM, 0, 0, group_kinds},
    {"head_id", 1, HLM_COL_SIREN, 0, 0, NULL},
    {"departement", 1, HLM_COL_DEPT, 0, 0, NULL},
};
static const hlm_tablespec group_spec = {
    "groups", "groups", group_cols, sizeof group_cols / sizeof *group_cols,
    org_unique, HLM_LAND_UPSERT, NULL, NULL};

/* ---- foyers.csv ---- */

static const hlm_colspec foyer_cols[] = {
    {"owner", 1, HLM_COL_SIREN, 0, 0, NULL},
    {"manager", 0, HLM_COL_SIREN, 0, 0, NULL},
    {"structure_id", 1, HLM_COL_ID, 0, 0, NULL},
    {"beds", 1, HLM_COL_INT, 0, 100000, NULL},
    {"autonomous", 0, HLM_COL_BOOL, 0, 0, NULL},
    {"dwellings", 0, HLM_COL_INT, 0, 100000, NULL},
    {"conv", 1, HLM_COL_INT, 1, 2, NULL},
    {"construct", 1, HLM_COL_YEAR, 1800, 2100, NULL},
    {"year", 1, HLM_COL_YEAR, 1990, 2100, NULL},
};

static int foyer_check(const hlm_tablespec *spec, const hlm_csv *csv,
                       const hlm_value *v, const int *colmap, hlm_diags *d) {
  int aut = hlm_table_col(spec, "autonomous");
  int dw = hlm_table_col(spec, "dwellings");
  int con = hlm_table_col(spec, "construct");
  int yr = hlm_table_col(spec, "year");
  if (v[aut].present && v[aut].i == 1 && !v[dw].present) {
    hlm_table_error(spec, csv, colmap, "dwellings", d,
                    "nombre de logements autonomes obligatoire quand "
                    "autonomous = 1");
    return 1;
  }
  if (v[con].i > v[yr].i) {
    hlm_table_error(spec, csv, colmap, "construct", d,
                    "année d'achèvement %lld postérieure au millésime %lld",
                    v[con].i, v[yr].i);
    return 1;
  }
  return 0;
}

static const char *const foyer_unique[] = {"owner", "year", "structure_id",
                                           NULL};
static const char *const foyer_sets[] = {"owner", "year", NULL};
static const hlm_tablespec foyer_spec = {
    "foyers",     "foyers",        foyer_cols,
    sizeof foyer_cols / sizeof *foyer_cols,   foyer_unique,
    HLM_LAND_REPLACE_SETS, foyer_sets, foyer_check};

#define TABLE_RUNNER(fn, spec)                                                 \
  static int fn(hlm_store *s, const char *path, const hlm_import_opts *o,     \
                hlm_import_report *rep, hlm_diags *d, hlm_error *err) {       \
    return hlm_table_import(s, &spec, path, o, rep, d, err);                   \
  }

TABLE_RUNNER(import_organisms, org_spec)
TABLE_RUNNER(import_groups, group_spec)
TABLE_RUNNER(import_foyers, foyer_spec)

/* imports_capital.c */
#define CAPITAL_KIND(fn)                                                       \
  int fn(hlm_store *s, const char *path, const hlm_import_opts *o,            \
         hlm_import_report *rep, hlm_diags *d, hlm_error *err);
CAPITAL_KIND(hlm__import_holdings)
CAPITAL_KIND(hlm__import_statutes)
CAPITAL_KIND(hlm__import_transfers)
CAPITAL_KIND(hlm__import_dividends)
CAPITAL_KIND(hlm__import_capital_ops)
CAPITAL_KIND(hlm__import_loans)
CAPITAL_KIND(hlm__import_financials)
CAPITAL_KIND(hlm__import_cooperation)
CAPITAL_KIND(hlm__import_services)
CAPITAL_KIND(hlm__import_usage)
CAPITAL_KIND(hlm__import_invoices)

static const hlm_import_kind kinds[] = {
    {"organisms", "organismes (SIREN, nature, département, groupe…)",
     import_organisms},
    {"groups", "groupes d'organismes de logement social (L423-1-1)",
     import_groups},
    {"foyers", "logements-foyers (lits, conventionnement, achèvement)",
     import_foyers},
    {"rpls", "parc RPLS (fichier de dépôt ou données détaillées)",
     hlm_import_rpls},
    {"holdings", "actionnariat des sociétés (L422-2-1, catégories)",
     hlm__import_holdings},
    {"statutes", "répartition statutaire des voix des catégories 2 et 3",
     hlm__import_statutes},
    {"transfers", "cessions d'actions (L423-4, agrément annexe I §7)",
     hlm__import_transfers},
    {"dividends", "dividendes versés par action", hlm__import_dividends},
    {"capital_ops", "opérations sur le capital (L423-5)",
     hlm__import_capital_ops},
    {"loans", "avances et prêts participatifs (L423-15, L423-16)",
     hlm__import_loans},
    {"financials", "données financières annuelles (L423-14)",
     hlm__import_financials},
    {"cooperation", "membres des structures de coopération (L423-6)",
     hlm__import_cooperation},
    {"services", "coûts des services d'une structure de coopération",
     hlm__import_services},
    {"usage", "utilisation des services par les membres", hlm__import_usage},
    {"invoices", "facturation des membres d'une structure de coopération",
     hlm__import_invoices},
};

const hlm_import_kind *hlm_import_kinds(size_t *n) {
  *n = sizeof kinds / sizeof kinds[0];
  return kinds;
}

const hlm_import_kind *hlm_import_kind_find(const char *name) {
  size_t i, n;
  const hlm_import_kind *k = hlm_import_kinds(&n);
  for (i = 0; i < n; i++)
    if (strcmp(k[i].name, name) == 0)
      return &k[i];
  return NULL;
}
