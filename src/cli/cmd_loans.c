/*
 * cmd_loans.c: hlm loans — the advances (L423-15) and participating loans
 * (L423-16) between organisms, with their declaration status as of the
 * date and the findings of both articles (spec/rules-capital-money.md).
 *
 * JSON: {"as_of", "loans": [{"id", "kind", "status", "acceptance_date",
 * "trace", …}], "findings": […]}; acceptance_date is the expected date
 * while PENDING, null when UNDECLARED or OPPOSED.
 */
#include <string.h>

#include "cli/cli.h"
#include "cli/money_fmt.h"

static const char *status_fr(hlm_loan_status s) {
  switch (s) {
  case HLM_LOAN_ACCEPTED:
    return "accepté";
  case HLM_LOAN_PENDING:
    return "en attente";
  case HLM_LOAN_OPPOSED:
    return "opposition";
  default:
    return "non déclaré";
  }
}

/* The codes of the findings about loan id, comma-separated, into buf. */
static void codes_of(const hlm_findings *fs, const char *id, char *buf,
                     size_t n) {
  size_t i, l = 0;
  buf[0] = '\0';
  for (i = 0; i < fs->n; i++) {
    if (strcmp(fs->items[i].subject_id, id) != 0)
      continue;
    l += (size_t)snprintf(buf + l, l < n ? n - l : 0, "%s%s", l ? ", " : "",
                          fs->items[i].code);
    if (l >= n)
      break;
  }
}

int cmd_loans(cli_ctx *ctx, int argc, char **argv) {
  const cli_cmd *cmd = cli_find("loans");
  const char *org = NULL;
  const cli_arg spec[] = {{"organism", &org, NULL}, {NULL, NULL, NULL}};
  hlm_store *s = NULL;
  hlm_facts f;
  hlm_findings out = {0};
  hlm_loan_result *r = NULL;
  hlm_error e;
  size_t n = 0, i, viol = 0;
  int rc;
  char date[11];

  if ((rc = cli_args(ctx, cmd, argc, argv, spec)) != CLI_GO)
    return rc;
  if ((rc = cli_load_facts(ctx, &s, &f)) != 0)
    return rc;
  hlm_error_clear(&e);
  if (org && !cli_known_org(cmd, &f, org, CLI_ORGANISM)) {
    rc = EXIT_INPUT;
    goto done;
  }
  if (hlm_loans_judge(&f, ctx->as_of, org, -1, &r, &n, &out, &e) < 0) {
    rc = cli_fail(&e);
    goto done;
  }
  hlm_findings_sort(&out);
  viol = cli_count_severity(&out, HLM_SEV_VIOLATION);
  hlm_date_format(ctx->as_of, date);

  if (ctx->fmt == FMT_JSON) {
    json_t *arr = json_array(), *fa = json_array();
    for (i = 0; i < n; i++) {
      const hlm_loan *l = r[i].loan;
      json_t *codes = cli_json_codes(&out, l->id);
      json_array_append_new(
          arr,
          cli_pack("{s:s, s:s, s:s, s:o, s:o, s:s, s:s, s:s, s:I, s:I, "
                    "s:o, s:o}",
                    "id", l->id, "kind", hlm_loan_kind_name(l->kind), "status",
                    hlm_loan_status_name(r[i].status), "acceptance_date",
                    cli_json_date(r[i].acceptance_date), "trace",
                    cli_json_trace(&r[i].trace), "rule", r[i].rule, "lender",
                    l->lender, "borrower", l->borrower, "amount_cents",
                    (json_int_t)l->amount_cents, "rate_bp",
                    (json_int_t)l->rate_bp, "signed",
                    cli_json_date(l->signed_on), "findings", codes));
    }
    for (i = 0; i < out.n; i++)
      json_array_append_new(fa, cli_json_finding(&out.items[i]));
    rc = cli_json_out(cli_pack("{s:s, s:o, s:o}", "as_of", date, "loans", arr,
                                "findings", fa));
    goto done;
  }
  {
    static const char *heads[] = {
        "id",    "nature",  "prêteur", "emprunteur", ">montant", ">taux (pb)",
        "signé", "déclaré", "statut",  "accord",     "constats"};
    cli_table t;
    cli_table_init(&t, 11, heads);
    for (i = 0; i < n; i++) {
      const hlm_loan *l = r[i].loan;
      char money[40], rate[24], sig[11], dec[11], acc[11], codes[256];
      hlm_money_format(l->amount_cents, money, sizeof money);
      cli_fmt_int(l->rate_bp, rate, sizeof rate);
      hlm_date_format(l->signed_on, sig);
      hlm_date_format(l->declared <= ctx->as_of ? l->declared : HLM_DATE_NONE,
                      dec);
      hlm_date_format(r[i].acceptance_date, acc);
      codes_of(&out, l->id, codes, sizeof codes);
      cli_table_row(&t, l->id,
                    l->kind == HLM_LOAN_ADVANCE ? "avance" : "prêt part.",
                    l->lender, l->borrower, money, rate, sig, dec,
                    status_fr(r[i].status), acc, codes);
    }
    if (ctx->fmt == FMT_CSV) {
      cli_table_csv(&t, stdout);
    } else {
      printf("Avances (L423-15) et prêts participatifs (L423-16) au %s : "
             "%zu prêt%s, %zu violation%s\n\n",
             date, n, n > 1 ? "s" : "", viol, viol > 1 ? "s" : "");
      cli_table_print(&t, stdout);
      cli_print_findings_fr(&out, stdout);
    }
    cli_table_free(&t);
    rc = EXIT_OK_;
  }
done:
  if (rc == EXIT_OK_ && viol)
    rc = EXIT_VIOLATION;
  hlm_loan_results_free(r, n);
  hlm_findings_clear(&out);
  hlm_facts_clear(&f);
  hlm_store_close(s);
  return rc;
}
