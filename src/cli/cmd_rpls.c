/*
 * cmd_rpls.c: hlm rpls validate FILE — checks an RPLS file without a store
 * and prints the R411-6 tallies it implies per managing organism.
 */
#include <string.h>

#include "cli/cli.h"

int cmd_rpls(cli_ctx *ctx, int argc, char **argv) {
  const cli_cmd *cmd = cli_find("rpls");
  hlm_import_opts io;
  hlm_rpls_summary sum;
  hlm_diags d;
  hlm_error e;
  const char *verb = NULL, *file = NULL, *owner = NULL, *year = NULL,
             *max_errors = NULL, *threads_s = NULL;
  int ignore_unknown = 0;
  const cli_arg spec[] = {{NULL, &verb, NULL},
                          {NULL, &file, NULL},
                          {"owner", &owner, NULL},
                          {"year", &year, NULL},
                          {"max-errors", &max_errors, NULL},
                          {"threads", &threads_s, NULL},
                          {"ignore-unknown-columns", NULL, &ignore_unknown},
                          {NULL, NULL, NULL}};
  long long threads = 0;
  size_t i;
  int rc;

  hlm_import_opts_init(&io);
  if ((rc = cli_args(ctx, cmd, argc, argv, spec)) != CLI_GO ||
      (rc = cli_import_opts(cmd, owner, year, max_errors, &io)) != CLI_GO)
    return rc;
  if (threads_s && cli_parse_int(cmd, "--threads", threads_s, 1, 64, &threads))
    return EXIT_USAGE;
  io.ignore_unknown_columns = ignore_unknown;
  if (!verb || strcmp(verb, "validate") != 0)
    return cli_usage(cmd, "sous-commande attendue : validate");
  if (!file)
    return cli_usage(cmd, "il faut un FICHIER");
  io.progress = cli_progress;
  io.progress_ctx = ctx;
  hlm_diags_init(&d, io.max_errors);
  hlm_error_clear(&e);
  rc = hlm_rpls_validate(file, &io, (int)threads, &sum, &d, &e);
  cli_progress_done(ctx);
  if (rc < 0 && d.total == 0) {
    hlm_diags_free(&d);
    hlm_rpls_summary_free(&sum);
    return cli_fail(&e);
  }
  cli_print_diags(&d);
  if (ctx->fmt == FMT_JSON) {
    json_t *a = json_array();
    for (i = 0; i < sum.n_tallies; i++) {
      const hlm_rpls_tally *t = &sum.tallies[i];
      json_array_append_new(
          a, cli_pack("{s:s, s:I, s:I, s:I, s:I}", "manager", t->key,
                       "managed", (json_int_t)t->lines, "conventionne",
                       (json_int_t)t->conv, "pre_1977_only",
                       (json_int_t)t->pre77_nc, "conventionne_or_pre_1977",
                       (json_int_t)(t->conv + t->pre77_nc)));
    }
    json_t *doc = cli_pack("{s:s, s:i, s:i, s:I, s:I, s:o}", "file", file,
                            "shape", sum.shape, "millesime", sum.year,
                            "lines", (json_int_t)sum.lines, "errors",
                            (json_int_t)d.total, "organisms", a);
    if (doc && sum.notes[0])
      json_object_set_new(doc, "notes", json_string(sum.notes));
    cli_json_out(doc);
  } else {
    static const char *heads[] = {"gestionnaire", ">gérés",
                                  ">conventionnés", ">av. 1977 seuls",
                                  ">R411-6 (hors foyers)"};
    cli_table t;
    cli_table_init(&t, 5, heads);
    for (i = 0; i < sum.n_tallies; i++) {
      const hlm_rpls_tally *x = &sum.tallies[i];
      char v[4][32];
      cli_fmt_int(x->lines, v[0], 32);
      cli_fmt_int(x->conv, v[1], 32);
      cli_fmt_int(x->pre77_nc, v[2], 32);
      cli_fmt_int(x->conv + x->pre77_nc, v[3], 32);
      cli_table_row(&t, x->key, v[0], v[1], v[2], v[3]);
    }
    if (ctx->fmt == FMT_CSV) {
      cli_table_csv(&t, stdout);
    } else {
      char n[32];
      cli_fmt_int(sum.lines, n, sizeof n);
      printf("%s : %s, millésime %d, %s lignes logement, %zu erreur%s.\n\n",
             file,
             sum.shape == 1 ? "fichier de dépôt (arrêté du 5 janvier 2010)"
                            : "données détaillées au logement",
             sum.year, n, d.total, d.total > 1 ? "s" : "");
      if (d.total == 0) {
        printf("Décompte R411-6 implicite par gestionnaire (le 2° suppose un "
               "propriétaire HLM ou SEM agréée ; foyers non compris) :\n\n");
        cli_table_print(&t, stdout);
      }
      if (sum.notes[0])
        printf("\nRemarques : %s\n", sum.notes);
    }
    cli_table_free(&t);
  }
  hlm_rpls_summary_free(&sum);
  rc = d.total ? EXIT_INPUT : EXIT_OK_;
  hlm_diags_free(&d);
  return rc;
}
