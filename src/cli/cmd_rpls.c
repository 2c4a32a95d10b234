/*
 * cmd_rpls.c: hlm rpls validate FILE — checks an RPLS file without a store
 * and prints the R411-6 tallies it implies per managing organism.
 */
#include <string.h>

#include "cli/cli.h"

static const char *const with_value[] = {"owner", "year", "max-errors",
                                         "threads", NULL};

int cmd_rpls(cli_ctx *ctx, int argc, char **argv) {
  const cli_cmd *cmd = cli_find("rpls");
  cli_opts o = {argc, argv, 1, NULL, NULL};
  hlm_import_opts io;
  hlm_rpls_summary sum;
  hlm_diags d;
  hlm_error e;
  const char *verb = NULL, *file = NULL;
  long long threads = 0;
  size_t i;
  int rc;

  hlm_import_opts_init(&io);
  while ((rc = cli_next_opt(ctx, cmd, &o, with_value)) == 1) {
    long long v;
    if (!o.name) {
      if (!verb)
        verb = o.value;
      else if (!file)
        file = o.value;
      else
        return cli_usage(cmd, "argument en trop « %s »", o.value);
    } else if (strcmp(o.name, "owner") == 0) {
      if (!hlm_siren_valid(o.value, strlen(o.value)))
        return cli_usage(cmd, "--owner : SIREN invalide « %s »", o.value);
      io.owner = o.value;
    } else if (strcmp(o.name, "year") == 0) {
      if (cli_parse_int(cmd, "--year", o.value, 1990, 2100, &v))
        return EXIT_USAGE;
      io.year = (int)v;
    } else if (strcmp(o.name, "max-errors") == 0) {
      if (cli_parse_int(cmd, "--max-errors", o.value, 1, 1000000, &v))
        return EXIT_USAGE;
      io.max_errors = (size_t)v;
    } else if (strcmp(o.name, "threads") == 0) {
      if (cli_parse_int(cmd, "--threads", o.value, 1, 64, &threads))
        return EXIT_USAGE;
    } else if (strcmp(o.name, "ignore-unknown-columns") == 0) {
      io.ignore_unknown_columns = 1;
    } else {
      return cli_usage(cmd, "option inconnue --%s", o.name);
    }
  }
  if (rc == CLI_HELP_SHOWN)
    return EXIT_OK_;
  if (rc < 0)
    return -rc;
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
