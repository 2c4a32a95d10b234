/*
 * cmd_import.c: hlm import TYPE FILE — atomic loads into the store.
 */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

static const char *const with_value[] = {"owner", "year", "max-errors", NULL};

int cmd_import(cli_ctx *ctx, int argc, char **argv) {
  const cli_cmd *cmd = cli_find("import");
  cli_opts o = {argc, argv, 1, NULL, NULL};
  hlm_import_opts io;
  hlm_import_report rep;
  hlm_diags d;
  hlm_error e;
  hlm_store *s = NULL;
  const hlm_import_kind *kind = NULL;
  const char *file = NULL;
  struct stat st;
  int rc, existed;

  hlm_import_opts_init(&io);
  while ((rc = cli_next_opt(ctx, cmd, &o, with_value)) == 1) {
    long long v;
    if (!o.name) {
      if (!kind) {
        kind = hlm_import_kind_find(o.value);
        if (!kind) {
          size_t i, n;
          const hlm_import_kind *k = hlm_import_kinds(&n);
          fprintf(stderr, "hlm import : type de fichier inconnu « %s ». "
                          "Types :\n",
                  o.value);
          for (i = 0; i < n; i++)
            fprintf(stderr, "  %-12s %s\n", k[i].name, k[i].summary_fr);
          return EXIT_USAGE;
        }
      } else if (!file) {
        file = o.value;
      } else {
        return cli_usage(cmd, "argument en trop « %s »", o.value);
      }
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
