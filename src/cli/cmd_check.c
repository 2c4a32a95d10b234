/*
 * cmd_check.c: hlm check (every rule in force at the date) and hlm explain
 * (the full trace of one finding, or of one rule on one organism).
 */
#include <ctype.h>
#include <string.h>

#include "cli/cli.h"

typedef struct run {
  hlm_store *s;
  hlm_facts f;
  hlm_eval ev;
  hlm_findings out;
} run;

static void run_free(run *r) {
  hlm_findings_clear(&r->out);
  hlm_eval_free(&r->ev);
  hlm_facts_clear(&r->f);
  hlm_store_close(r->s);
}

/* Loads the store and evaluates the rules (rule_id or all) at ctx->as_of. */
static int run_check(cli_ctx *ctx, const cli_cmd *cmd, run *r,
                     const char *org, const char *grp, const char *rule_id) {
  hlm_error e;
  int rc;
  memset(r, 0, sizeof *r);
  if ((rc = cli_load_facts(ctx, &r->s, &r->f)) != 0)
    return rc;
  hlm_error_clear(&e);
  if ((org && !cli_known_org(cmd, &r->f, org, CLI_ORGANISM)) ||
      (grp && !cli_known_group(cmd, &r->f, grp)))
    return EXIT_INPUT;
  if (hlm_eval_init(&r->ev, &r->f, ctx->as_of, &e) < 0)
    return cli_fail(&e);
  r->ev.only_organism = org;
  r->ev.only_group = grp;
  if (hlm_check(&r->ev, rule_id, &r->out, &e) < 0)
    return cli_fail(&e);
  return 0;
}

static int known_rule(const char *id) {
  size_t n, i;
  const hlm_rule *r = hlm_rules(&n);
  for (i = 0; i < n; i++)
    if (strcmp(r[i].id, id) == 0)
      return 1;
  return 0;
}

int cmd_check(cli_ctx *ctx, int argc, char **argv) {
  const cli_cmd *cmd = cli_find("check");
  const char *org = NULL, *grp = NULL, *rule = NULL;
  const cli_arg spec[] = {{"organism", &org, NULL},
                          {"group", &grp, NULL},
                          {"rule", &rule, NULL},
                          {NULL, NULL, NULL}};
  run r;
  size_t i, viol = 0, warn = 0, info = 0;
  int rc;
  char date[11];

  if ((rc = cli_args(ctx, cmd, argc, argv, spec)) != CLI_GO)
    return rc;
  if (rule && !known_rule(rule))
    return cli_usage(cmd, "règle inconnue « %s » (voir hlm rules)", rule);
  if ((rc = run_check(ctx, cmd, &r, org, grp, rule)) != 0) {
    run_free(&r);
    return rc;
  }
  viol = cli_count_severity(&r.out, HLM_SEV_VIOLATION);
  warn = cli_count_severity(&r.out, HLM_SEV_WARNING);
  info = cli_count_severity(&r.out, HLM_SEV_INFO);
  hlm_date_format(ctx->as_of, date);
  if (ctx->fmt == FMT_JSON) {
    json_t *a = json_array();
    for (i = 0; i < r.out.n; i++)
      json_array_append_new(a, cli_json_finding(&r.out.items[i]));
    rc = cli_json_out(cli_pack("{s:s, s:o}", "as_of", date, "findings", a));
  } else {
    static const char *heads[] = {"gravité", "règle", "code", "sujet",
                                  "message", "id"};
    cli_table t;
    cli_table_init(&t, 6, heads);
    for (i = 0; i < r.out.n; i++) {
      const hlm_finding *fd = &r.out.items[i];
      char subj[96];
      snprintf(subj, sizeof subj, "%s %s", cli_subject_fr(fd->subject_type),
               fd->subject_id);
      cli_table_row(&t, cli_severity_fr(fd->severity), fd->article, fd->code,
                    subj, fd->message, fd->id);
    }
    if (ctx->fmt == FMT_CSV) {
      cli_table_csv(&t, stdout);
    } else {
      printf("Constats au %s : %zu violation%s, %zu avertissement%s, %zu "
             "information%s\n",
             date, viol, viol > 1 ? "s" : "", warn, warn > 1 ? "s" : "", info,
             info > 1 ? "s" : "");
      cli_print_findings_fr(&r.out, stdout);
    }
    cli_table_free(&t);
    rc = 0;
  }
  run_free(&r);
  if (rc)
    return rc;
  return viol ? EXIT_VIOLATION : EXIT_OK_;
}

/* The as-of date written in a finding id (…​.YYYY-MM-DD[.…]). */
static int id_date(const char *id, hlm_date *d) {
  size_t n = strlen(id), i;
  for (i = 0; i + 10 <= n; i++) {
    if ((i == 0 || id[i - 1] == '.') && isdigit((unsigned char)id[i]) &&
        id[i + 4] == '-' && id[i + 7] == '-' &&
        (i + 10 == n || id[i + 10] == '.') &&
        hlm_date_parse(id + i, 10, d) == HLM_OK)
      return 1;
  }
  return 0;
}

static void print_finding(const hlm_finding *fd) {
  printf("%s — %s\n", cli_severity_fr(fd->severity), fd->code);
  printf("Règle   : %s (article %s, texte du %s)\n", fd->rule, fd->article,
         fd->version);
  printf("Sujet   : %s %s\n", cli_subject_fr(fd->subject_type), fd->subject_id);
  printf("Message : %s\n", fd->message);
  printf("Trace :\n");
  cli_print_trace(&fd->trace, stdout, "  ");
}

int cmd_explain(cli_ctx *ctx, int argc, char **argv) {
  const cli_cmd *cmd = cli_find("explain");
  const char *org = NULL, *rule = NULL, *id = NULL;
  const cli_arg spec[] = {{"organism", &org, NULL},
                          {"rule", &rule, NULL},
                          {NULL, &id, NULL},
                          {NULL, NULL, NULL}};
  run r;
  size_t i;
  int rc;

  if ((rc = cli_args(ctx, cmd, argc, argv, spec)) != CLI_GO)
    return rc;
  if (id && (rule || org))
    return cli_usage(cmd, "donnez un identifiant de constat, ou --rule et "
                          "--organism, pas les deux");
  if (!id && !(rule && org))
    return cli_usage(cmd, "il faut un identifiant de constat, ou --rule et "
                          "--organism");
  if (id) {
    hlm_date d;
    if (!id_date(id, &d))
      return cli_usage(cmd, "identifiant de constat invalide « %s »", id);
    ctx->as_of = d;
    if ((rc = run_check(ctx, cmd, &r, NULL, NULL, NULL)) != 0) {
      run_free(&r);
      return rc;
    }
    for (i = 0; i < r.out.n; i++)
      if (strcmp(r.out.items[i].id, id) == 0)
        break;
    if (i == r.out.n) {
      fprintf(stderr,
              "hlm explain : aucun constat « %s » à cette date avec les "
              "données actuelles de la base\n",
              id);
      run_free(&r);
      return EXIT_INPUT;
    }
    if (ctx->fmt == FMT_JSON)
      rc = cli_json_out(cli_json_finding(&r.out.items[i]));
    else
      print_finding(&r.out.items[i]);
    run_free(&r);
    return rc;
  }
  /* --rule R411-6: the count itself */
  if (strcmp(rule, "R411-6") == 0) {
    long k;
    memset(&r, 0, sizeof r);
    if ((rc = run_check(ctx, cmd, &r, org, NULL, "none")) != 0) {
      run_free(&r);
      return rc;
    }
    k = hlm_facts_org_index(&r.f, org);
    if (ctx->fmt == FMT_JSON) {
      rc = cli_json_out(cli_pack(
          "{s:s, s:s, s:o}", "rule", "R411-6", "organism", org, "trace",
          cli_json_trace(&r.ev.count_by_date[k].trace)));
    } else {
      printf("Décompte R411-6 de %s (%s)\n", r.f.orgs[k].name, org);
      cli_print_trace(&r.ev.count_by_date[k].trace, stdout, "  ");
    }
    run_free(&r);
    return rc;
  }
  if (!known_rule(rule))
    return cli_usage(cmd, "règle inconnue « %s » (voir hlm rules)", rule);
  if ((rc = run_check(ctx, cmd, &r, org, NULL, rule)) != 0) {
    run_free(&r);
    return rc;
  }
  if (ctx->fmt == FMT_JSON) {
    json_t *a = json_array();
    long k = hlm_facts_org_index(&r.f, org);
    for (i = 0; i < r.out.n; i++)
      json_array_append_new(a, cli_json_finding(&r.out.items[i]));
    rc = cli_json_out(cli_pack("{s:s, s:s, s:o, s:o}", "rule", rule,
                                "organism", org, "findings", a, "count_trace",
                                cli_json_trace(&r.ev.count_by_date[k].trace)));
  } else if (r.out.n == 0) {
    long k = hlm_facts_org_index(&r.f, org);
    printf("Aucun constat de la règle %s pour %s à cette date.\n", rule, org);
    printf("Décompte retenu :\n");
    cli_print_trace(&r.ev.count_by_date[k].trace, stdout, "  ");
  } else {
    for (i = 0; i < r.out.n; i++) {
      if (i)
        printf("\n");
      print_finding(&r.out.items[i]);
    }
  }
  run_free(&r);
  return rc;
}
