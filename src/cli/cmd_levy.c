/*
 * cmd_levy.c: hlm levy — the levy on the financial potential (L423-14)
 * for a levy year, per organism with financials rows.
 *
 * JSON (spec/rules-capital-money.md, "Levy"): {"year", "rates_bp": [r1, r2,
 * r3, r4], "organisms": [{"id", "avg_potential_per_dwelling_cents",
 * "contribution_per_dwelling_cents", "dwellings", "levy_before_cap_cents",
 * "cap_rate_bp", "cap_cents", "levy_cents", "trace", …}], "total_cents",
 * …}.  Exact values are integers when whole, else exact decimal strings
 * or reduced fractions "a/b"; levy_cents and total_cents are rounded
 * integers; an organism with a missing fact has levy_cents null.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/money_fmt.h"

/* Parses "r1,r2,r3,r4" (integers, bp). */
static int parse_rates(const cli_cmd *cmd, const char *s, int64_t r[4]) {
  int k;
  const char *p = s;
  for (k = 0; k < 4; k++) {
    char *end;
    long long v;
    if (*p < '0' || *p > '9')
      break;
    v = strtoll(p, &end, 10);
    if (v > 100000)
      break;
    r[k] = v;
    if (k < 3 && *end != ',')
      break;
    if (k == 3 && *end != '\0')
      break;
    p = end + 1;
  }
  if (k < 4)
    return cli_usage(cmd,
                     "--rates : quatre taux entiers en points de base "
                     "séparés par des virgules attendus (ex. 400,800,1200,"
                     "1600), lu « %s »",
                     s);
  return 0;
}

int cmd_levy(cli_ctx *ctx, int argc, char **argv) {
  const cli_cmd *cmd = cli_find("levy");
  const char *org = NULL, *rates_s = NULL, *year_s = NULL;
  long long year = 0;
  int calibrate = 0, rc, k;
  const cli_arg spec[] = {{"organism", &org, NULL},
                          {"year", &year_s, NULL},
                          {"rates", &rates_s, NULL},
                          {"calibrate", NULL, &calibrate},
                          {NULL, NULL, NULL}};
  int64_t rates[4] = {0, 0, 0, 0};
  hlm_levy_mode mode = HLM_LEVY_RATES_PARAM;
  hlm_store *s = NULL;
  hlm_facts f;
  hlm_findings out = {0};
  hlm_levy_result res;
  hlm_error e;
  size_t i;

  memset(&res, 0, sizeof res);
  if ((rc = cli_args(ctx, cmd, argc, argv, spec)) != CLI_GO)
    return rc;
  if (year_s && cli_parse_int(cmd, "--year", year_s, 1900, 2200, &year))
    return EXIT_USAGE;
  if (!year)
    return cli_usage(cmd, "--year AAAA est obligatoire (année du "
                          "prélèvement : 2011 ou 2012)");
  if (rates_s && calibrate)
    return cli_usage(cmd, "--rates et --calibrate s'excluent");
  if (rates_s) {
    if (parse_rates(cmd, rates_s, rates))
      return EXIT_USAGE;
    mode = HLM_LEVY_RATES_GIVEN;
  } else if (calibrate) {
    mode = HLM_LEVY_CALIBRATE;
  }
  if ((rc = cli_load_facts(ctx, &s, &f)) != 0)
    return rc;
  hlm_error_clear(&e);
  rc = hlm_levy_compute(&f, (int)year, org, mode, rates, ctx->as_of, &res, &out,
                        &e);
  if (rc == HLM_EPARAM || rc == HLM_EINPUT) {
    fprintf(stderr, "hlm levy : %s\nVoir « hlm levy --help ».\n", e.message);
    rc = EXIT_USAGE;
    goto done;
  }
  if (rc < 0) {
    rc = cli_fail(&e);
    goto done;
  }
  if (org && res.n_orgs == 0) {
    fprintf(stderr,
            "hlm levy : l'organisme %s n'a aucune ligne dans financials\n",
            org);
    rc = EXIT_INPUT;
    goto done;
  }
  hlm_findings_sort(&out);

  if (ctx->fmt == FMT_JSON) {
    json_t *orgs = json_array(), *fa = json_array(), *rates_j, *doc;
    if (res.rates_known) {
      rates_j = json_array();
      for (k = 0; k < 4; k++)
        json_array_append_new(rates_j, cli_json_exact(res.rates_bp[k]));
    } else {
      rates_j = json_null();
    }
    for (i = 0; i < res.n_orgs; i++) {
      const hlm_levy_org *x = &res.orgs[i];
      const hlm_organism *on = hlm_facts_org(&f, x->id);
      json_t *codes = cli_json_codes(&out, x->id);
      json_array_append_new(
          orgs,
          cli_pack(
              "{s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
              "id", x->id, "avg_potential_per_dwelling_cents",
              cli_json_exact(x->avg_potential_per_dwelling_cents),
              "contribution_per_dwelling_cents",
              cli_json_exact(x->contribution_per_dwelling_cents), "dwellings",
              cli_json_int_or_null(x->dwellings >= 0, x->dwellings),
              "levy_before_cap_cents", cli_json_exact(x->levy_before_cap_cents),
              "cap_rate_bp", cli_json_exact(x->cap_rate_bp), "cap_cents",
              cli_json_exact(x->cap_cents), "levy_cents",
              cli_json_int_or_null(x->levy_cents >= 0, x->levy_cents), "trace",
              cli_json_trace(&x->trace), "name",
              on ? json_string(on->name) : json_null(), "in_force",
              json_boolean(res.in_force), "findings", codes));
    }
    for (i = 0; i < out.n; i++)
      json_array_append_new(fa, cli_json_finding(&out.items[i]));
    doc = cli_pack("{s:I, s:o, s:o, s:I}", "year", (json_int_t)year,
                    "rates_bp", rates_j, "organisms", orgs, "total_cents",
                    (json_int_t)res.total_cents);
    if (doc && mode == HLM_LEVY_CALIBRATE && res.in_force) {
      json_object_set_new(doc, "t", cli_json_exact(res.t));
      json_object_set_new(doc, "target_cents", json_integer(res.target_cents));
      json_object_set_new(doc, "target_reached",
                          json_boolean(res.target_side == 0));
      json_object_set_new(doc, "target_side",
                          json_string(res.target_side > 0   ? "above_reach"
                                      : res.target_side < 0 ? "below_reach"
                                                            : "within_reach"));
      json_object_set_new(doc, "national_total_cents",
                          json_integer(res.national_total_cents));
    }
    if (doc) {
      json_object_set_new(doc, "trace", cli_json_trace(&res.trace));
      json_object_set_new(doc, "findings", fa);
    } else {
      json_decref(fa);
    }
    rc = cli_json_out(doc);
    goto done;
  }
  {
    static const char *heads[] = {"SIREN",
                                  "organisme",
                                  ">logements",
                                  ">potentiel/logt (€)",
                                  ">contribution/logt (€)",
                                  ">avant plafond (€)",
                                  ">taux plafond (%)",
                                  ">plafond (€)",
                                  ">prélèvement (€)"};
    cli_table t;
    cli_table_init(&t, 9, heads);
    for (i = 0; i < res.n_orgs; i++) {
      const hlm_levy_org *x = &res.orgs[i];
      const hlm_organism *on = hlm_facts_org(&f, x->id);
      char v[6][64], n[32];
      if (!x->known) {
        cli_table_row(&t, x->id, on ? on->name : "", res.in_force ? "?" : "—",
                      "", "", "", "", "", res.in_force ? "inconnu" : "non dû");
        continue;
      }
      cli_fmt_int(x->dwellings, n, sizeof n);
      cli_exact_fmt2(x->avg_potential_per_dwelling_cents, v[0], 64);
      cli_exact_fmt2(x->contribution_per_dwelling_cents, v[1], 64);
      cli_exact_fmt2(x->levy_before_cap_cents, v[2], 64);
      cli_exact_fmt2(x->cap_rate_bp, v[3], 64);
      cli_exact_fmt2(x->cap_cents, v[4], 64);
      {
        char tmp[32];
        snprintf(tmp, sizeof tmp, "%lld", (long long)x->levy_cents);
        cli_exact_fmt2(tmp, v[5], 64);
      }
      cli_table_row(&t, x->id, on ? on->name : "", n, v[0], v[1], v[2], v[3],
                    v[4], v[5]);
    }
    if (ctx->fmt == FMT_CSV) {
      cli_table_csv(&t, stdout);
    } else {
      char tot[64], tmp[32];
      printf("Prélèvement sur le potentiel financier (L423-14) au titre de "
             "%lld\n",
             year);
      if (!res.in_force)
        printf("Le texte ne s'applique qu'aux années 2011 et 2012 : rien "
               "n'est dû.\n");
      if (res.rates_known)
        printf("Taux du barème : r1 %s, r2 %s, r3 %s, r4 %s pb%s%s\n",
               res.rates_bp[0], res.rates_bp[1], res.rates_bp[2],
               res.rates_bp[3], res.t ? " ; calibrage t = " : "",
               res.t ? res.t : "");
      printf("\n");
      cli_table_print(&t, stdout);
      snprintf(tmp, sizeof tmp, "%lld", (long long)res.total_cents);
      cli_exact_fmt2(tmp, tot, sizeof tot);
      printf("\nTotal : %s €", tot);
      if (mode == HLM_LEVY_CALIBRATE && res.in_force) {
        char nat[64], tg[64];
        snprintf(tmp, sizeof tmp, "%lld", (long long)res.national_total_cents);
        cli_exact_fmt2(tmp, nat, sizeof nat);
        snprintf(tmp, sizeof tmp, "%lld", (long long)res.target_cents);
        cli_exact_fmt2(tmp, tg, sizeof tg);
        printf(" (national : %s € pour une cible de %s €%s)", nat, tg,
               res.target_side > 0
                   ? ", cible dépassée même aux taux les plus bas"
               : res.target_side < 0
                   ? ", cible hors d'atteinte même aux taux les plus hauts"
                   : "");
      }
      printf(".\n« ≈ » : valeur arrondie à l'affichage ; --format json donne "
             "les valeurs exactes et la trace.\n");
      cli_print_findings_fr(&out, stdout);
    }
    cli_table_free(&t);
    rc = EXIT_OK_;
  }
done:
  hlm_levy_result_clear(&res);
  hlm_findings_clear(&out);
  hlm_facts_clear(&f);
  hlm_store_close(s);
  return rc;
}
