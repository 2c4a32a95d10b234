/*
 * cmd_demo.c: hlm demo [--dwellings N] [--seed S] [--out DIR] — the
 * synthetic national data set (demo_gen.c), written into DIR or loaded
 * into the store through the real importers.
 *
 * Default size: DEMO_DWELLINGS_DEFAULT (1 000 000 dwelling lines, about a
 * fifth of the national stock).  Every line is kept in the store, so
 * loading is what costs: the README's main job (build, demo, count,
 * check) must stay under about a minute on two cores.  The national size
 * (--dwellings 5400000) works too; it is the one where the absolute
 * thresholds (12 000, 1 500, 50 000) fall as they do in reality.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/demo_gen.h"

/* Progress of the generation, in lines, on stderr (terminal only). */
static void gen_progress(void *c, int64_t done, int64_t total) {
  cli_ctx *ctx = c;
  char a[32], b[32];
  int pct;
  if (!ctx->progress || total <= 0)
    return;
  pct = (int)(done * 100 / total);
  if (pct > 100)
    pct = 100;
  cli_fmt_int(done, a, sizeof a);
  cli_fmt_int(total, b, sizeof b);
  fprintf(stderr, "\r\033[KGénération : %3d %%  (%s / ~%s lignes)", pct, a, b);
  fflush(stderr);
}

/* Removes the files of sum from dir, then dir (a temporary directory). */
static void remove_dir(const char *dir, const demo_summary *sum) {
  char path[4096];
  size_t i;
  for (i = 0; i < sum->n_files; i++) {
    if (snprintf(path, sizeof path, "%s/%s", dir, sum->files[i].name) <
        (int)sizeof path)
      unlink(path);
  }
  rmdir(dir);
}

/* Imports every file of sum (in order) into the store; stops at the
 * first failure, after printing it. */
static int load_all(cli_ctx *ctx, const char *dir, const demo_summary *sum) {
  hlm_store *s = NULL;
  size_t i;
  int rc;
  if ((rc = cli_open_store(ctx, 1, &s)) != 0)
    return rc;
  for (i = 0; i < sum->n_files; i++) {
    const demo_file *f = &sum->files[i];
    const hlm_import_kind *kind = hlm_import_kind_find(f->import_kind);
    hlm_import_opts io;
    hlm_import_report rep;
    hlm_diags d;
    hlm_error e;
    char path[4096];
    if (snprintf(path, sizeof path, "%s/%s", dir, f->name) >=
            (int)sizeof path ||
        !kind) {
      fprintf(stderr, "hlm demo : type d'import inconnu « %s »\n",
              f->import_kind);
      hlm_store_close(s);
      return EXIT_INTERNAL;
    }
    hlm_import_opts_init(&io);
    io.year = f->year;
    io.progress = cli_progress;
    io.progress_ctx = ctx;
    hlm_diags_init(&d, io.max_errors);
    hlm_error_clear(&e);
    memset(&rep, 0, sizeof rep);
    if (ctx->progress)
      fprintf(stderr, "\r\033[KChargement de %s…\n", f->name);
    rc = kind->run(s, path, &io, &rep, &d, &e);
    cli_progress_done(ctx);
    if (rc < 0) {
      int code = d.total > 0 ? EXIT_INPUT : cli_exit_for(rc);
      cli_print_diags(&d);
      if (e.code != 0)
        cli_fail(&e);
      fprintf(stderr,
              "hlm demo : le chargement de %s a échoué ; les fichiers "
              "précédents sont dans la base %s.\n",
              f->name, ctx->db);
      hlm_diags_free(&d);
      hlm_store_close(s);
      return code;
    }
    hlm_diags_free(&d);
  }
  hlm_store_close(s);
  return 0;
}

static void print_summary(const cli_ctx *ctx, const demo_summary *sum,
                          const char *out) {
  char a[32], b[32], c[32];
  int k, first = 1;
  size_t i;
  printf("Jeu de démonstration national synthétique (graine %llu)\n",
         (unsigned long long)sum->seed);
  printf("Organismes : %lld —", (long long)sum->n_orgs);
  for (k = 1; k < HLM_KIND_COUNT_; k++)
    if (sum->orgs_per_kind[k]) {
      printf("%s %s %lld", first ? "" : ",", hlm_kind_name((hlm_kind)k),
             (long long)sum->orgs_per_kind[k]);
      first = 0;
    }
  printf("\n  dont %lld de nature comptée sans parc RPLS (donnée "
         "manquante)\n",
         (long long)sum->orgs_without_stock);
  printf("Groupes : %lld sociétés de coordination, %lld groupes de "
         "contrôle\n",
         (long long)sum->groups_soc_coordination,
         (long long)sum->groups_control);
  cli_fmt_int(sum->dwellings_latest, a, sizeof a);
  cli_fmt_int(sum->dwellings_early, b, sizeof b);
  cli_fmt_int(sum->dwellings_submitted, c, sizeof c);
  printf("Logements RPLS : %s au 1er janvier %d, %s au 1er janvier %d "
         "(dont %s en fichiers de dépôt)\n",
         a, DEMO_YEAR_LATEST, b, DEMO_YEAR_EARLY, c);
  cli_fmt_int(sum->largest_stock, a, sizeof a);
  printf("  plus grand parc : %s logements\n", a);
  cli_fmt_int(sum->foyer_structures, a, sizeof a);
  cli_fmt_int(sum->foyer_beds, b, sizeof b);
  printf("Logements-foyers : %s structures, %s lits au 1er janvier %d\n", a,
         b, DEMO_YEAR_LATEST);
  printf("Fichiers :");
  for (i = 0; i < sum->n_files; i++) {
    cli_fmt_int(sum->files[i].rows, a, sizeof a);
    printf("%s %s (%s)", i ? "," : "", sum->files[i].name, a);
  }
  printf("\n");
  if (out)
    printf("Écrits dans %s.\n", out);
  else
    printf("Chargés dans la base %s.\n", ctx->db);
}

static int print_json(const cli_ctx *ctx, const demo_summary *sum,
                      const char *out) {
  json_t *kinds = json_object(), *files = json_array(), *doc;
  size_t i;
  int k;
  for (k = 1; k < HLM_KIND_COUNT_; k++)
    if (sum->orgs_per_kind[k])
      json_object_set_new(kinds, hlm_kind_name((hlm_kind)k),
                          json_integer(sum->orgs_per_kind[k]));
  for (i = 0; i < sum->n_files; i++) {
    json_t *f = cli_pack("{s:s, s:s, s:I}", "name", sum->files[i].name,
                          "kind", sum->files[i].import_kind, "rows",
                          (json_int_t)sum->files[i].rows);
    if (f && sum->files[i].year)
      json_object_set_new(f, "year", json_integer(sum->files[i].year));
    json_array_append_new(files, f);
  }
  doc = cli_pack(
      "{s:I, s:I, s:o, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:o, s:s?, "
      "s:s?}",
      "seed", (json_int_t)sum->seed, "organisms", (json_int_t)sum->n_orgs,
      "organisms_per_kind", kinds, "organisms_without_stock",
      (json_int_t)sum->orgs_without_stock, "groups_soc_coordination",
      (json_int_t)sum->groups_soc_coordination, "groups_control",
      (json_int_t)sum->groups_control, "dwellings_2025",
      (json_int_t)sum->dwellings_latest, "dwellings_2020",
      (json_int_t)sum->dwellings_early, "dwellings_submission_files",
      (json_int_t)sum->dwellings_submitted, "foyer_structures_2025",
      (json_int_t)sum->foyer_structures, "foyer_beds_2025",
      (json_int_t)sum->foyer_beds, "files", files, "out", out, "db",
      out ? NULL : ctx->db);
  return cli_json_out(doc);
}

int cmd_demo(cli_ctx *ctx, int argc, char **argv) {
  const cli_cmd *cmd = cli_find("demo");
  demo_opts opts;
  demo_summary sum;
  hlm_error e;
  const char *out = NULL, *dwellings = NULL, *seed = NULL;
  const cli_arg spec[] = {{"dwellings", &dwellings, NULL},
                          {"seed", &seed, NULL},
                          {"out", &out, NULL},
                          {NULL, NULL, NULL}};
  char tmpl[4096];
  const char *dir;
  long long v;
  int rc;

  memset(&opts, 0, sizeof opts);
  opts.dwellings = DEMO_DWELLINGS_DEFAULT;
  opts.seed = 1;
  if ((rc = cli_args(ctx, cmd, argc, argv, spec)) != CLI_GO)
    return rc;
  if (dwellings) {
    if (cli_parse_int(cmd, "--dwellings", dwellings, DEMO_DWELLINGS_MIN,
                      DEMO_DWELLINGS_MAX, &v))
      return EXIT_USAGE;
    opts.dwellings = v;
  }
  if (seed) {
    if (cli_parse_int(cmd, "--seed", seed, 0, LLONG_MAX, &v))
      return EXIT_USAGE;
    opts.seed = (uint64_t)v;
  }
  if (out && !*out)
    return cli_usage(cmd, "--out : répertoire attendu");

  if (out) {
    if (mkdir(out, 0777) != 0 && errno != EEXIST) {
      fprintf(stderr, "hlm demo : impossible de créer %s (%s)\n", out,
              strerror(errno));
      return EXIT_INPUT;
    }
    dir = out;
  } else {
    const char *t = getenv("TMPDIR");
    snprintf(tmpl, sizeof tmpl, "%s/hlm-demo-XXXXXX", t && *t ? t : "/tmp");
    if (!mkdtemp(tmpl)) {
      fprintf(stderr, "hlm demo : impossible de créer un répertoire "
                      "temporaire (%s)\n",
              strerror(errno));
      return EXIT_INTERNAL;
    }
    dir = tmpl;
  }
  opts.progress = gen_progress;
  opts.progress_ctx = ctx;
  hlm_error_clear(&e);
  rc = demo_generate(&opts, dir, &sum, &e);
  if (ctx->progress)
    fputs("\r\033[K", stderr);
  if (rc < 0) {
    rc = cli_fail(&e);
  } else if (!out) {
    rc = load_all(ctx, dir, &sum);
  }
  if (!out)
    remove_dir(dir, &sum);
  if (rc == 0)
    rc = ctx->fmt == FMT_JSON ? print_json(ctx, &sum, out)
                              : (print_summary(ctx, &sum, out), 0);
  demo_summary_free(&sum);
  return rc;
}
