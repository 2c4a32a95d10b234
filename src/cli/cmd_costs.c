/*
 * cmd_costs.c: hlm costs STRUCTURE --period P — the allocation of a
 * cooperation structure's costs among its members (L423-6), and the
 * comparison with what it invoiced.
 *
 * JSON (spec/rules-capital-money.md, "Cooperation structure"):
 * {"structure", "period", "services": [{"service", "cost_cents",
 * "allocations": [{"member", "units", "amount_cents"}]}], "members":
 * [{"member", "total_cents"}], "trace", …}.
 */
#include <string.h>

#include "cli/cli.h"
#include "cli/money_fmt.h"

int cmd_costs(cli_ctx *ctx, int argc, char **argv) {
  const cli_cmd *cmd = cli_find("costs");
  const char *structure = NULL, *period = NULL;
  const cli_arg spec[] = {
      {"period", &period, NULL}, {NULL, &structure, NULL}, {NULL, NULL, NULL}};
  hlm_store *s = NULL;
  hlm_facts f;
  hlm_findings out = {0};
  hlm_costs c;
  hlm_error e;
  size_t i, j, viol = 0;
  int rc;

  memset(&c, 0, sizeof c);
  if ((rc = cli_args(ctx, cmd, argc, argv, spec)) != CLI_GO)
    return rc;
  if (!structure)
    return cli_usage(cmd, "il faut le SIREN de la structure de coopération");
  if (!period)
    return cli_usage(cmd, "--period AAAA ou AAAA-MM est obligatoire");
  {
    size_t n = strlen(period);
    int ok = n == 4 || (n == 7 && period[4] == '-');
    for (i = 0; ok && i < n; i++)
      ok = i == 4 || (period[i] >= '0' && period[i] <= '9');
    if (ok && n == 7) {
      int m = (period[5] - '0') * 10 + (period[6] - '0');
      ok = m >= 1 && m <= 12;
    }
    if (!ok)
      return cli_usage(cmd, "--period : AAAA ou AAAA-MM attendu, lu « %s »",
                       period);
  }
  if ((rc = cli_load_facts(ctx, &s, &f)) != 0)
    return rc;
  hlm_error_clear(&e);
  if (!hlm_costs_known_structure(&f, structure)) {
    fprintf(stderr,
            "hlm costs : aucune donnée pour la structure %s (cooperation, "
            "services, usage ou invoices)\n",
            structure);
    rc = EXIT_INPUT;
    goto done;
  }
  if ((rc = hlm_costs_compute(&f, structure, period, ctx->as_of, &c, &out,
                              &e)) < 0) {
    rc = cli_fail(&e);
    goto done;
  }
  hlm_findings_sort(&out);
  viol = cli_count_severity(&out, HLM_SEV_VIOLATION);

  if (ctx->fmt == FMT_JSON) {
    json_t *svc = json_array(), *mem = json_array(), *fa = json_array();
    for (i = 0; i < c.n_services; i++) {
      const hlm_cost_service *cs = &c.services[i];
      json_t *al = json_array();
      for (j = 0; j < cs->n_shares; j++)
        json_array_append_new(
            al,
            cli_pack("{s:s, s:I, s:I}", "member", cs->shares[j].member,
                      "units", (json_int_t)cs->shares[j].units, "amount_cents",
                      (json_int_t)cs->shares[j].amount_cents));
      json_array_append_new(
          svc, cli_pack("{s:s, s:I, s:o, s:b}", "service", cs->service,
                         "cost_cents", (json_int_t)cs->cost_cents,
                         "allocations", al, "no_usage", cs->no_usage));
    }
    for (i = 0; i < c.n_members; i++) {
      const hlm_cost_member *m = &c.members[i];
      json_array_append_new(
          mem, cli_pack("{s:s, s:I, s:o}", "member", m->member, "total_cents",
                         (json_int_t)m->total_cents, "invoiced_cents",
                         cli_json_int_or_null(m->invoiced, m->invoiced_cents)));
    }
    for (i = 0; i < out.n; i++)
      json_array_append_new(fa, cli_json_finding(&out.items[i]));
    rc = cli_json_out(cli_pack("{s:s, s:s, s:o, s:o, s:o, s:o}", "structure",
                                structure, "period", period, "services", svc,
                                "members", mem, "trace",
                                cli_json_trace(&c.trace), "findings", fa));
    goto done;
  }
  {
    static const char *heads[] = {"service", ">coût", "membre", ">unités",
                                  ">part"};
    static const char *mheads[] = {"membre", ">coût exact", ">facturé",
                                   ">écart"};
    cli_table t, tm;
    const hlm_organism *so = hlm_facts_org(&f, structure);
    cli_table_init(&t, 5, heads);
    cli_table_init(&tm, 4, mheads);
    for (i = 0; i < c.n_services; i++) {
      const hlm_cost_service *cs = &c.services[i];
      char cost[40], u[32], a[40];
      hlm_money_format(cs->cost_cents, cost, sizeof cost);
      if (cs->no_usage)
        cli_table_row(&t, cs->service, cost, "(aucune utilisation)", "0",
                      "non réparti");
      for (j = 0; j < cs->n_shares; j++) {
        cli_fmt_int(cs->shares[j].units, u, sizeof u);
        hlm_money_format(cs->shares[j].amount_cents, a, sizeof a);
        cli_table_row(&t, j ? "" : cs->service, j ? "" : cost,
                      cs->shares[j].member, u, a);
      }
    }
    for (i = 0; i < c.n_members; i++) {
      const hlm_cost_member *m = &c.members[i];
      char tot[40], inv[40], gap[40];
      hlm_money_format(m->total_cents, tot, sizeof tot);
      hlm_money_format(m->invoiced_cents, inv, sizeof inv);
      hlm_money_format(m->invoiced_cents - m->total_cents, gap, sizeof gap);
      cli_table_row(&tm, m->member, tot, m->invoiced ? inv : "aucune facture",
                    m->invoiced ? gap : "");
    }
    if (ctx->fmt == FMT_CSV) {
      cli_table_csv(&t, stdout);
    } else {
      printf("Répartition des coûts de la structure de coopération %s%s%s%s "
             "(L423-6), période %s\n\n",
             structure, so ? " (" : "", so ? so->name : "", so ? ")" : "",
             period);
      if (c.n_services)
        cli_table_print(&t, stdout);
      else
        printf("Aucun service pour cette période.\n");
      printf("\nCoût exact par membre et facturation :\n\n");
      cli_table_print(&tm, stdout);
      cli_print_findings_fr(&out, stdout);
    }
    cli_table_free(&t);
    cli_table_free(&tm);
    rc = EXIT_OK_;
  }
done:
  if (rc == EXIT_OK_ && viol)
    rc = EXIT_VIOLATION;
  hlm_costs_clear(&c);
  hlm_findings_clear(&out);
  hlm_facts_clear(&f);
  hlm_store_close(s);
  return rc;
}
