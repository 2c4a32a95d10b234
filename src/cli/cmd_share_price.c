/*
 * cmd_share_price.c: hlm share-price — the maximum price of a share of an
 * HLM company at a sale date (L423-4; spec/rules-capital-money.md,
 * "Maximum share price").
 *
 * JSON: {"company", "sold", "version", "base", "base_cents", "years":
 * [{"year", "livret_a_bp", "interest_cents"}], "dividends_cents",
 * "cap_cents", "trace"} plus "acquired", "holder", "margin_bp".  Exact
 * values that are not whole cents are strings (exact decimal, or "a/b");
 * whole ones are integers.  Before 2008 no text is encoded: version,
 * base, base_cents, dividends_cents and cap_cents are null and "findings"
 * holds TEXT_NOT_ENCODED.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "hlm/capital_law.h"

static json_t *exact_json(const char *text, int whole, int64_t i) {
  if (!text)
    return json_null();
  return whole ? json_integer(i) : json_string(text);
}

static int holder_known(const hlm_facts *f, const char *company,
                        const char *holder) {
  const hlm_capital_facts *c = f->capital;
  size_t i;
  for (i = 0; c && i < c->n_holdings; i++)
    if (strcmp(c->holdings[i].company, company) == 0 &&
        strcmp(c->holdings[i].holder, holder) == 0)
      return 1;
  return 0;
}

static void money(hlm_cents c, char *buf, size_t n) {
  hlm_money_format(c, buf, n);
}

static int out_json(const hlm_share_price *p, const char *holder) {
  json_t *years = json_array(), *doc;
  char sold[11];
  size_t i;
  hlm_date_format(p->sold, sold);
  for (i = 0; i < p->n_years; i++) {
    const hlm_price_year *y = &p->years[i];
    json_array_append_new(
        years, cli_pack("{s:i, s:I, s:o}", "year", y->year, "livret_a_bp",
                         (json_int_t)y->livret_a_bp, "interest_cents",
                         exact_json(y->interest_cents, y->interest_whole,
                                    y->interest_int)));
  }
  doc = cli_pack(
      "{s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
      "company", p->company, "sold", sold, "version",
      p->version ? json_string(p->version) : json_null(), "base",
      p->version ? json_string(p->base_acquisition ? "acquisition"
                                                   : "nominal")
                 : json_null(),
      "base_cents", exact_json(p->base_cents, p->base_whole, p->base_int),
      "acquired", cli_json_date(p->acquired), "holder",
      holder ? json_string(holder) : json_null(), "margin_bp",
      p->version ? json_integer(p->margin_bp) : json_null(), "years", years,
      "dividends_cents",
      p->version ? json_integer(p->dividends_cents) : json_null(),
      "cap_cents", p->version ? json_integer(p->cap_cents) : json_null(),
      "findings",
      p->version ? json_array()
                 : cli_pack("[{s:s, s:s, s:s, s:s}]", "rule", "L423-4",
                             "code", "TEXT_NOT_ENCODED", "severity", "info",
                             "message",
                             "texte de L423-4 antérieur au 1er janvier 2008 "
                             "non encodé"),
      "trace", cli_json_trace(&p->trace));
  return cli_json_out(doc);
}

static void out_table(const hlm_facts *f, const hlm_share_price *p,
                      const char *holder) {
  const hlm_organism *o = hlm_facts_org(f, p->company);
  char sold[11], acq[11], m[48];
  size_t i;
  hlm_date_format(p->sold, sold);
  printf("Prix maximum de cession d'une action — %s (%s), cession du %s\n",
         o ? o->name : "", p->company, sold);
  if (!p->version) {
    printf("\nAvant le 1er janvier 2008, le texte de L423-4 alors en vigueur "
           "n'est pas encodé (TEXT_NOT_ENCODED) : aucun prix maximum "
           "calculé.\n");
    return;
  }
  printf("Texte appliqué : L423-4 dans sa version du %s%s\n", p->version,
         strcmp(p->version, HLM_L423_4_ALUR) == 0 ? " (loi ALUR)" : "");
  if (p->base_whole)
    money(p->base_int, m, sizeof m);
  else
    snprintf(m, sizeof m, "%s centimes", p->base_cents);
  if (p->base_acquisition) {
    hlm_date_format(p->acquired, acq);
    printf("Base : prix d'acquisition, %s par action (acquises le %s%s%s)\n",
           m, acq, holder ? " par " : "", holder ? holder : "");
  } else {
    printf("Base : valeur nominale, %s par action%s\n", m,
           strcmp(p->version, HLM_L423_4_ALUR) == 0
               ? " (prix ou date d'acquisition inconnu : règle du nominal, "
                 "vingt ans au plus)"
               : "");
  }
  printf("\n");
  {
    static const char *heads[] = {"année", ">livret A au 31/12",
                                  ">majoration", ">intérêt (centimes)"};
    cli_table t;
    cli_table_init(&t, 4, heads);
    for (i = 0; i < p->n_years; i++) {
      char y[8], la[16], mg[16];
      snprintf(y, sizeof y, "%d", p->years[i].year);
      snprintf(la, sizeof la, "%lld pb", (long long)p->years[i].livret_a_bp);
      snprintf(mg, sizeof mg, "%lld pb", (long long)p->margin_bp);
      cli_table_row(&t, y, la, mg, p->years[i].interest_cents);
    }
    cli_table_print(&t, stdout);
    cli_table_free(&t);
  }
  money(p->dividends_cents, m, sizeof m);
  printf("\nDividendes par action versés pendant ces années : %s\n", m);
  money(p->cap_cents, m, sizeof m);
  printf("Prix maximum par action (arrondi au centime inférieur) : %s\n", m);
}

int cmd_share_price(cli_ctx *ctx, int argc, char **argv) {
  const cli_cmd *cmd = cli_find("share-price");
  hlm_price_query q;
  hlm_share_price p;
  hlm_store *s = NULL;
  hlm_facts f;
  hlm_error e;
  const hlm_organism *org;
  int rc;
  long long base = -1;
  const char *sold_s = NULL, *base_s = NULL, *acquired_s = NULL;
  const cli_arg spec[] = {{"company", &q.company, NULL},
                          {"sold", &sold_s, NULL},
                          {"holder", &q.holder, NULL},
                          {"base-cents", &base_s, NULL},
                          {"acquired", &acquired_s, NULL},
                          {NULL, NULL, NULL}};

  memset(&q, 0, sizeof q);
  q.base_cents = -1;
  q.acquired = HLM_DATE_NONE;
  if ((rc = cli_args(ctx, cmd, argc, argv, spec)) != CLI_GO)
    return rc;
  if (!q.company || !sold_s)
    return cli_usage(cmd, "--company et --sold sont obligatoires");
  if (cli_parse_date(cmd, "--sold", sold_s, &q.sold) != 0 ||
      (base_s && cli_parse_int(cmd, "--base-cents", base_s, 0,
                               100000000000000LL, &base) != 0) ||
      (acquired_s &&
       cli_parse_date(cmd, "--acquired", acquired_s, &q.acquired) != 0))
    return EXIT_USAGE;
  if (q.holder && (base >= 0 || q.acquired != HLM_DATE_NONE))
    return cli_usage(cmd, "--holder exclut --base-cents et --acquired");
  if ((base >= 0) != (q.acquired != HLM_DATE_NONE))
    return cli_usage(cmd, "--base-cents et --acquired vont ensemble");
  if (q.acquired != HLM_DATE_NONE && q.acquired > q.sold)
    return cli_usage(cmd, "--acquired est postérieure à --sold");
  q.base_cents = base;
  if ((rc = cli_load_facts(ctx, &s, &f)) != 0)
    return rc;
  hlm_error_clear(&e);
  org = cli_known_org(cmd, &f, q.company, CLI_COMPANY);
  if (!org) {
    rc = EXIT_INPUT;
    goto done;
  }
  if (!(org->kind == HLM_KIND_ESH || org->kind == HLM_KIND_COOP ||
        org->kind == HLM_KIND_SCIC || org->kind == HLM_KIND_SAC ||
        org->kind == HLM_KIND_SOC_COORDINATION)) {
    fprintf(stderr,
            "hlm share-price : %s est de nature %s ; L423-4 vise les ESH, "
            "COOP et SCIC (et, par L423-5, les sociétés de coordination)\n",
            q.company, hlm_kind_name(org->kind));
    rc = EXIT_INPUT;
    goto done;
  }
  if (q.holder && !holder_known(&f, q.company, q.holder)) {
    fprintf(stderr, "hlm share-price : %s ne détient aucune action de %s\n",
            q.holder, q.company);
    rc = EXIT_INPUT;
    goto done;
  }
  rc = hlm_share_price_compute(&f, &q, &p, &e);
  if (rc < 0) {
    rc = cli_fail(&e);
  } else if (ctx->fmt == FMT_JSON) {
    rc = out_json(&p, q.holder);
  } else if (ctx->fmt == FMT_CSV) {
    static const char *heads[] = {"année", "livret A au 31/12 (pb)",
                                  "majoration (pb)", "intérêt (centimes)"};
    cli_table t;
    size_t i;
    cli_table_init(&t, 4, heads);
    for (i = 0; i < p.n_years; i++) {
      char y[8], la[24], mg[24];
      snprintf(y, sizeof y, "%d", p.years[i].year);
      snprintf(la, sizeof la, "%lld", (long long)p.years[i].livret_a_bp);
      snprintf(mg, sizeof mg, "%lld", (long long)p.margin_bp);
      cli_table_row(&t, y, la, mg, p.years[i].interest_cents);
    }
    cli_table_csv(&t, stdout);
    cli_table_free(&t);
    rc = EXIT_OK_;
  } else {
    out_table(&f, &p, q.holder);
    rc = EXIT_OK_;
  }
  hlm_share_price_clear(&p);
done:
  hlm_facts_clear(&f);
  hlm_store_close(s);
  return rc;
}
