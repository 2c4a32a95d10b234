/*
 * cmd_import.c: hlm import TYPE FILE — atomic loads into the store.
 */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

int cmd_import(cli_ctx *ctx, int argc, char **argv) {
  const cli_cmd *cmd = cli_find("import");
  hlm_import_opts io;
  hlm_import_report rep;
  hlm_diags d;
  hlm_error e;
  hlm_store *s = NULL;
  const hlm_import_kind *kind = NULL;
  const char *kind_s = NULL, *file = NULL, *owner = NULL, *year = NULL,
             *max_errors = NULL;
  int ignore_unknown = 0;
  const cli_arg spec[] = {{NULL, &kind_s, NULL},
                          {NULL, &file, NULL},
                          {"owner", &owner, NULL},
                          {"year", &year, NULL},
                          {"max-errors", &max_errors, NULL},
                          {"ignore-unknown-columns", NULL, &ignore_unknown},
                          {NULL, NULL, NULL}};
  struct stat st;
  int rc, existed;

  hlm_import_opts_init(&io);
  if ((rc = cli_args(ctx, cmd, argc, argv, spec)) != CLI_GO ||
      (rc = cli_import_opts(cmd, owner, year, max_errors, &io)) != CLI_GO)
    return rc;
  io.ignore_unknown_columns = ignore_unknown;
  if (kind_s && !(kind = hlm_import_kind_find(kind_s))) {
    size_t i, n;
    const hlm_import_kind *k = hlm_import_kinds(&n);
    fprintf(stderr, "hlm import : type de fichier inconnu « %s ». Types :\n",
            kind_s);
    for (i = 0; i < n; i++)
      fprintf(stderr, "  %-12s %s\n", k[i].name, k[i].summary_fr);
    return EXIT_USAGE;
  }
  if (!kind || !file)
    return cli_usage(cmd, "il faut un TYPE et un FICHIER");
  if (strcmp(kind->name, "rpls") != 0 && (io.owner || io.year))
    return cli_usage(cmd, "--owner et --year ne valent que pour rpls");
  /* Read the file before creating anything: a bad path leaves no store. */
  if (access(file, R_OK) != 0) {
    fprintf(stderr, "%s: impossible de lire le fichier\n", file);
    return EXIT_INPUT;
  }
  existed = stat(ctx->db, &st) == 0;
  if ((rc = cli_open_store(ctx, 1, &s)) != 0)
    return rc;
  io.progress = cli_progress;
  io.progress_ctx = ctx;
  hlm_diags_init(&d, io.max_errors);
  hlm_error_clear(&e);
  rc = kind->run(s, file, &io, &rep, &d, &e);
  cli_progress_done(ctx);
  hlm_store_close(s);
  if (rc < 0) {
    if (d.total > 0) {
      cli_print_diags(&d);
      fprintf(stderr,
              "hlm import : %zu erreur%s ; rien n'a été écrit dans la base.\n",
              d.total, d.total > 1 ? "s" : "");
    }
    if (e.code != 0)
      cli_fail(&e);
    hlm_diags_free(&d);
    if (!existed) /* leave no trace of a store this refused run created */
      unlink(ctx->db);
    return rc == HLM_EINPUT || d.total > 0 ? EXIT_INPUT : cli_exit_for(rc);
  }
  hlm_diags_free(&d);
  if (ctx->fmt == FMT_JSON) {
    json_t *j = cli_pack("{s:s, s:s, s:I}", "kind", kind->name, "file", file,
                          "rows", (json_int_t)rep.rows);
    if (j && rep.year)
      json_object_set_new(j, "year", json_integer(rep.year));
    if (j && strcmp(kind->name, "rpls") == 0)
      json_object_set_new(j, "owners", json_integer(rep.owners));
    if (j && rep.notes[0])
      json_object_set_new(j, "notes", json_string(rep.notes));
    return cli_json_out(j);
  }
  {
    char n[32];
    cli_fmt_int(rep.rows, n, sizeof n);
    printf("%s : %s ligne%s importée%s (%s)", file, n, rep.rows > 1 ? "s" : "",
           rep.rows > 1 ? "s" : "", kind->name);
    if (rep.year)
      printf(", millésime %d, %lld propriétaire%s", rep.year,
             (long long)rep.owners, rep.owners > 1 ? "s" : "");
    printf(".\n");
    if (rep.notes[0])
      printf("Remarques : %s\n", rep.notes);
  }
  return EXIT_OK_;
}
