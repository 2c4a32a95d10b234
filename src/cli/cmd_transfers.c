/*
 * cmd_transfers.c: hlm transfers — the state of every share transfer of a
 * société de coordination at the date (annex I to R423-86, clause 7;
 * spec/rules-capital-money.md).
 *
 * JSON: {"as_of", "transfers": [{"id", "company", "status", "refusal",
 * "deadline", "trace"}]} plus "seller", "buyer", "shares"; refusal and
 * deadline are null when they do not apply. A transfer none of whose events
 * (signature, request for approval) is dated by the as-of date is not listed.
 */
#include <string.h>

#include "cli/cli.h"
#include "hlm/capital_law.h"

static const char *status_fr(hlm_transfer_status s) {
  switch (s) {
  case HLM_TS_FORBIDDEN_50PCT:
    return "interdite : SEM, SPL et SEMOP au-delà de 50 %";
  case HLM_TS_FREE:
    return "libre (entre actionnaires)";
  case HLM_TS_NO_REQUEST:
    return "tiers : aucune demande d'agrément";
  case HLM_TS_PENDING:
    return "demande d'agrément en cours";
  case HLM_TS_PURCHASE_PENDING:
    return "refusée : achat des actions attendu";
  case HLM_TS_PURCHASED:
    return "refusée : actions achetées";
  case HLM_TS_APPROVED_EXPRESS:
    return "agréée";
  case HLM_TS_APPROVED_DEEMED:
    return "agrément réputé donné";
  }
  return "";
}

int cmd_transfers(cli_ctx *ctx, int argc, char **argv) {
  const cli_cmd *cmd = cli_find("transfers");
  const char *company = NULL;
  const cli_arg spec[] = {{"company", &company, NULL}, {NULL, NULL, NULL}};
  hlm_store *s = NULL;
  hlm_facts f;
  hlm_error e;
  json_t *arr = NULL;
  cli_table t;
  size_t i, listed = 0;
  int rc;
  char date[11];
  static const char *heads[] = {"id",      "société", "cédant", "acquéreur",
                                ">actions", "statut", "refus",  "échéance"};

  if ((rc = cli_args(ctx, cmd, argc, argv, spec)) != CLI_GO)
    return rc;
  /* the model statutes (annex I to R423-86, décret n° 2019-911) apply
   * from 2019-09-01: before, the states are computed as the spec asks, and
   * the reader is told the clause was not yet in force (reading C27) */
  {
    hlm_date from;
    hlm_date_parse(HLM_ANNEX_I_FROM, 10, &from);
    if (ctx->as_of < from) {
      hlm_date_format(ctx->as_of, date);
      fprintf(stderr,
              "hlm transfers : remarque : au %s, la clause 7 des statuts "
              "types des sociétés de coordination (annexe I à R423-86) "
              "n'est pas encore en vigueur (elle l'est à partir du %s) ; "
              "les états sont donnés selon ses termes\n",
              date, HLM_ANNEX_I_FROM);
    }
  }
  if ((rc = cli_load_facts(ctx, &s, &f)) != 0)
    return rc;
  hlm_error_clear(&e);
  if (company) {
    const hlm_organism *org = hlm_facts_org(&f, company);
    if (!org || org->kind != HLM_KIND_SOC_COORDINATION) {
      fprintf(stderr,
              org ? "hlm transfers : %s n'est pas une société de "
                    "coordination (clause 7 de l'annexe I à R423-86)\n"
                  : "hlm transfers : société %s inconnue de la base\n",
              company);
      rc = EXIT_INPUT;
      goto done;
    }
  }
  hlm_date_format(ctx->as_of, date);
  arr = json_array();
  cli_table_init(&t, 8, heads);
  for (i = 0; f.capital && i < f.capital->n_transfers; i++) {
    const hlm_transfer *tr = &f.capital->transfers[i];
    const hlm_organism *org = hlm_facts_org(&f, tr->company);
    hlm_transfer_state st;
    char dl[11], sh[32];
    if (!org || org->kind != HLM_KIND_SOC_COORDINATION ||
        (company && strcmp(company, tr->company) != 0) ||
        !hlm_transfer_known_at(tr, ctx->as_of))
      continue;
    if (hlm_transfer_state_compute(&f, tr, ctx->as_of, &st, &e) < 0) {
      hlm_transfer_state_clear(&st);
      json_decref(arr);
      cli_table_free(&t);
      rc = cli_fail(&e);
      goto done;
    }
    listed++;
    json_array_append_new(
        arr, cli_pack("{s:s, s:s, s:s, s:s, s:I, s:s, s:o, s:o, s:o}", "id",
                       tr->id, "company", tr->company, "seller", tr->seller,
                       "buyer", tr->buyer, "shares", (json_int_t)tr->shares,
                       "status", hlm_transfer_status_name(st.status),
                       "refusal",
                       st.refusal ? json_string(st.refusal) : json_null(),
                       "deadline", cli_json_date(st.deadline), "trace",
                       cli_json_trace(&st.trace)));
    hlm_date_format(st.deadline, dl);
    cli_fmt_int(tr->shares, sh, sizeof sh);
    cli_table_row(&t, tr->id, tr->company, tr->seller, tr->buyer, sh,
                  ctx->fmt == FMT_CSV ? hlm_transfer_status_name(st.status)
                                      : status_fr(st.status),
                  st.refusal ? (ctx->fmt == FMT_CSV ? st.refusal
                                : strcmp(st.refusal, "EXPRESS") == 0
                                    ? "exprès"
                                    : "silence")
                             : "",
                  dl);
    hlm_transfer_state_clear(&st);
  }
  if (ctx->fmt == FMT_JSON) {
    rc = cli_json_out(
        cli_pack("{s:s, s:o}", "as_of", date, "transfers", arr));
  } else {
    json_decref(arr);
    if (ctx->fmt == FMT_CSV) {
      cli_table_csv(&t, stdout);
    } else {
      printf("Cessions d'actions des sociétés de coordination au %s (clause "
             "7 des statuts types, annexe I à R423-86)\n\n",
             date);
      cli_table_print(&t, stdout);
      printf("\n%zu cession%s. « --format json » donne la trace de chacune.\n",
             listed, listed > 1 ? "s" : "");
    }
    rc = EXIT_OK_;
  }
  cli_table_free(&t);
done:
  hlm_facts_clear(&f);
  hlm_store_close(s);
  return rc;
}
