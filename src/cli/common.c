/*
 * common.c: option parsing, errors, stores and output shared by the
 * subcommands (see cli.h).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

static void print_help(const cli_cmd *cmd) {
  fputs(cmd->help_fr, stdout);
  fputs("\nOptions communes :\n"
        "  --db CHEMIN          base SQLite (défaut : ./hlm.db, ou $HLM_DB)\n"
        "  --as-of AAAA-MM-JJ   date à laquelle le droit et les faits sont "
        "pris\n"
        "                       (défaut : aujourd'hui)\n"
        "  --format FORMAT      table (défaut sur un terminal), json, csv\n"
        "  --help               cette aide\n"
        "\nCodes de sortie : 0 succès sans violation ; 1 succès avec au moins "
        "une\nviolation ; 2 erreur d'usage ; 3 entrée invalide (rien n'a été "
        "écrit) ;\n4 erreur interne.\n",
        stdout);
}

int cli_usage(const cli_cmd *cmd, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "hlm %s : ", cmd ? cmd->name : "");
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, "\nVoir « hlm %s --help ».\n", cmd ? cmd->name : "");
  return EXIT_USAGE;
}

/* 1 when spec declares --name with a value. */
static int takes_value(const char *name, const cli_arg *spec) {
  const cli_arg *a;
  for (a = spec; a->value || a->flag; a++)
    if (a->name && a->value && strcmp(a->name, name) == 0)
      return 1;
  return 0;
}

/* Walks argv: handles --help and the common options (--db, --as-of,
 * --format) itself, returns the name of any other option (and its value
 * when spec declares it with one), or a positional argument.
 * Returns 1 (an item in o->name / o->value), 0 (end), CLI_HELP_SHOWN (help
 * printed: exit 0) or -EXIT_USAGE (usage error printed). */
typedef struct cli_opts {
  int argc;
  char **argv;
  int i;
  const char *name;  /* option name without dashes, NULL for positional */
  const char *value; /* its value, or the positional argument */
} cli_opts;
#define CLI_HELP_SHOWN (-1000)

static int cli_next_opt(cli_ctx *ctx, const cli_cmd *cmd, cli_opts *o,
                        const cli_arg *spec) {
  for (;;) {
    const char *a, *eq;
    char name[64];
    const char *value = NULL;
    size_t nl;
    if (o->i >= o->argc)
      return 0;
    a = o->argv[o->i++];
    if (strncmp(a, "--", 2) != 0 || strcmp(a, "--") == 0 || a[2] == '\0') {
      o->name = NULL;
      o->value = a;
      return 1;
    }
    a += 2;
    eq = strchr(a, '=');
    nl = eq ? (size_t)(eq - a) : strlen(a);
    if (nl >= sizeof name)
      return -cli_usage(cmd, "option inconnue --%s", a);
    memcpy(name, a, nl);
    name[nl] = '\0';
    if (strcmp(name, "help") == 0) {
      print_help(cmd);
      return CLI_HELP_SHOWN;
    }
    if (strcmp(name, "db") == 0 || strcmp(name, "as-of") == 0 ||
        strcmp(name, "format") == 0 || takes_value(name, spec)) {
      if (eq)
        value = eq + 1;
      else if (o->i < o->argc)
        value = o->argv[o->i++];
      else
        return -cli_usage(cmd, "l'option --%s attend une valeur", name);
    } else if (eq) {
      return -cli_usage(cmd, "l'option --%s ne prend pas de valeur", name);
    }
    if (strcmp(name, "db") == 0) {
      ctx->db = value;
      continue;
    }
    if (strcmp(name, "as-of") == 0) {
      if (cli_parse_date(cmd, "--as-of", value, &ctx->as_of) != 0)
        return -EXIT_USAGE;
      ctx->as_of_given = 1;
      continue;
    }
    if (strcmp(name, "format") == 0) {
      if (strcmp(value, "table") == 0)
        ctx->fmt = FMT_TABLE;
      else if (strcmp(value, "json") == 0)
        ctx->fmt = FMT_JSON;
      else if (strcmp(value, "csv") == 0)
        ctx->fmt = FMT_CSV;
      else if (strcmp(value, "md") == 0)
        ctx->fmt = FMT_MD;
      else
        return -cli_usage(cmd,
                          "format inconnu « %s » (table, json ou csv)", value);
      continue;
    }
    {
      /* the command's own option: remember its name in static storage */
      static char keep[64];
      memcpy(keep, name, nl + 1);
      o->name = keep;
      o->value = value;
      return 1;
    }
  }
}

int cli_args(cli_ctx *ctx, const cli_cmd *cmd, int argc, char **argv,
             const cli_arg *spec) {
  const cli_arg *a;
  cli_opts o = {argc, argv, 1, NULL, NULL};
  int rc;
  while ((rc = cli_next_opt(ctx, cmd, &o, spec)) == 1) {
    for (a = spec; a->value || a->flag; a++) {
      if (o.name ? !a->name || strcmp(a->name, o.name) != 0
                 : a->name || !a->value || *a->value)
        continue;
      if (a->flag)
        *a->flag = 1;
      else
        *a->value = o.value;
      break;
    }
    if (!a->value && !a->flag)
      return o.name ? cli_usage(cmd, "option inconnue --%s", o.name)
                    : cli_usage(cmd, "argument en trop « %s »", o.value);
  }
  if (rc == CLI_HELP_SHOWN)
    return EXIT_OK_;
  if (rc < 0)
    return -rc;
  return CLI_GO;
}

int cli_import_opts(const cli_cmd *cmd, const char *owner, const char *year,
                    const char *max_errors, hlm_import_opts *io) {
  long long v = 0;
  if (owner) {
    if (!hlm_siren_valid(owner, strlen(owner)))
      return cli_usage(cmd, "--owner : SIREN invalide « %s »", owner);
    io->owner = owner;
  }
  if (year) {
    if (cli_parse_int(cmd, "--year", year, 1990, 2100, &v))
      return EXIT_USAGE;
    io->year = (int)v;
  }
  if (max_errors) {
    if (cli_parse_int(cmd, "--max-errors", max_errors, 1, 1000000, &v))
      return EXIT_USAGE;
    io->max_errors = (size_t)v;
  }
  return CLI_GO;
}

int cli_parse_date(const cli_cmd *cmd, const char *opt, const char *s,
                   hlm_date *out) {
  if (hlm_date_parse(s, strlen(s), out) != HLM_OK)
    return cli_usage(cmd, "%s : date invalide « %s » (format AAAA-MM-JJ)", opt,
                     s);
  return 0;
}

int cli_parse_int(const cli_cmd *cmd, const char *opt, const char *s,
                  long long min, long long max, long long *out) {
  char *end;
  long long v;
  if (!*s)
    return cli_usage(cmd, "%s : nombre attendu", opt);
  v = strtoll(s, &end, 10);
  if (*end || v < min || v > max)
    return cli_usage(cmd, "%s : nombre entier entre %lld et %lld attendu, lu "
                          "« %s »",
                     opt, min, max, s);
  *out = v;
  return 0;
}

int cli_exit_for(int rc) {
  switch (rc) {
  case HLM_OK:
    return EXIT_OK_;
  case HLM_EINPUT:
  case HLM_ENOTFOUND:
  case HLM_EPARAM:
    return EXIT_INPUT;
  case HLM_EUSAGE:
    return EXIT_USAGE;
  case HLM_EIO:
    return EXIT_INPUT;
  default:
    return EXIT_INTERNAL;
  }
}

int cli_fail(const hlm_error *e) {
  char buf[1024];
  hlm_error_format(e, buf, sizeof buf);
  fprintf(stderr, "hlm : %s\n", buf[0] ? buf : hlm_strerror(e->code));
  return cli_exit_for(e->code);
}

void cli_print_diags(const hlm_diags *d) {
  size_t i;
  char buf[1024];
  for (i = 0; i < d->n; i++) {
    hlm_error_format(&d->items[i], buf, sizeof buf);
    fprintf(stderr, "%s\n", buf);
  }
  if (d->total > d->n)
    fprintf(stderr,
            "… et %zu autre%s erreur%s non affichée%s (--max-errors)\n",
            d->total - d->n, d->total - d->n > 1 ? "s" : "",
            d->total - d->n > 1 ? "s" : "", d->total - d->n > 1 ? "s" : "");
}

int cli_open_store(cli_ctx *ctx, int writable, hlm_store **s) {
  hlm_error e;
  int rc;
  hlm_error_clear(&e);
  rc = writable ? hlm_store_open(s, ctx->db, &e)
                : hlm_store_open_readonly(s, ctx->db, &e);
  if (rc < 0)
    return cli_fail(&e);
  return 0;
}

int cli_load_facts(cli_ctx *ctx, hlm_store **s, hlm_facts *f) {
  hlm_error e;
  int rc;
  if ((rc = cli_open_store(ctx, 0, s)) != 0)
    return rc;
  hlm_error_clear(&e);
  if (hlm_store_load_facts(*s, ctx->as_of, f, &e) < 0) {
    hlm_store_close(*s);
    *s = NULL;
    return cli_fail(&e);
  }
  return 0;
}

const hlm_organism *cli_known_org(const cli_cmd *cmd, const hlm_facts *f,
                                  const char *siren, cli_org_word word) {
  const hlm_organism *o = hlm_facts_org(f, siren);
  if (!o)
    fprintf(stderr, "hlm %s : %s %s %s de la base\n", cmd->name,
            word == CLI_COMPANY ? "société" : "organisme", siren,
            word == CLI_COMPANY ? "inconnue" : "inconnu");
  return o;
}

int cli_known_group(const cli_cmd *cmd, const hlm_facts *f, const char *id) {
  if (hlm_facts_group(f, id))
    return 1;
  fprintf(stderr, "hlm %s : groupe %s inconnu de la base\n", cmd->name, id);
  return 0;
}

const char *cli_severity_fr(hlm_severity s) {
  switch (s) {
  case HLM_SEV_VIOLATION:
    return "violation";
  case HLM_SEV_WARNING:
    return "avertissement";
  default:
    return "information";
  }
}

const char *cli_subject_fr(const char *subject_type) {
  static const char *const names[][2] = {
      {"organism", "organisme"}, {"group", "groupe"}, {"loan", "prêt"},
      {"transfer", "cession"},   {"company", "société"}};
  size_t i;
  for (i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strcmp(subject_type, names[i][0]) == 0)
      return names[i][1];
  return subject_type;
}

void cli_print_findings_fr(const hlm_findings *fs, FILE *out) {
  size_t i;
  for (i = 0; i < fs->n; i++) {
    const hlm_finding *fd = &fs->items[i];
    fprintf(out,
            "\n%s — %s (%s, texte du %s)\n  %s\n  sujet : %s %s\n  id : "
            "%s\n",
            cli_severity_fr(fd->severity), fd->code, fd->article, fd->version,
            fd->message, cli_subject_fr(fd->subject_type), fd->subject_id,
            fd->id);
  }
  if (fs->n)
    fprintf(out, "\n« hlm explain ID » affiche la trace complète d'un "
                 "constat ; --format json la donne aussi.\n");
}

size_t cli_count_severity(const hlm_findings *fs, hlm_severity sev) {
  size_t i, n = 0;
  for (i = 0; i < fs->n; i++)
    n += fs->items[i].severity == sev;
  return n;
}

json_t *cli_json_codes(const hlm_findings *fs, const char *subject_id) {
  json_t *codes = json_array();
  size_t i;
  for (i = 0; codes && i < fs->n; i++)
    if (strcmp(fs->items[i].subject_id, subject_id) == 0)
      json_array_append_new(codes, json_string(fs->items[i].code));
  return codes;
}

/* ---- JSON ---- */

static int json_failed;

json_t *cli_pack(const char *fmt, ...) {
  json_error_t je;
  json_t *j;
  va_list ap;
  va_start(ap, fmt);
  j = json_vpack_ex(&je, 0, fmt, ap);
  va_end(ap);
  if (!j) {
    fprintf(stderr, "hlm : erreur interne en produisant le JSON : %s\n",
            je.text);
    json_failed = 1;
  }
  return j;
}

int cli_json_ok(void) { return !json_failed; }

int cli_json_out(json_t *doc) {
  int rc;
  if (json_failed) {
    json_decref(doc);
    return EXIT_INTERNAL;
  }
  if (!doc) {
    fprintf(stderr, "hlm : mémoire insuffisante\n");
    return EXIT_INTERNAL;
  }
  rc = json_dumpf(doc, stdout, JSON_INDENT(1) |
                                   JSON_PRESERVE_ORDER);
  fputc('\n', stdout);
  json_decref(doc);
  return rc == 0 ? 0 : EXIT_INTERNAL;
}

json_t *cli_json_trace(const hlm_trace *t) {
  json_t *a = json_array();
  size_t i;
  for (i = 0; a && i < t->n; i++)
    json_array_append_new(a, cli_pack("{s:s, s:s, s:s}", "article",
                                       t->steps[i].article, "what",
                                       t->steps[i].what, "value",
                                       t->steps[i].value));
  return a;
}

json_t *cli_json_date(hlm_date d) {
  char buf[11];
  if (d == HLM_DATE_NONE)
    return json_null();
  hlm_date_format(d, buf);
  return json_string(buf);
}

json_t *cli_json_int_or_null(int known, long long v) {
  return known ? json_integer(v) : json_null();
}

json_t *cli_json_finding(const hlm_finding *f) {
  return cli_pack("{s:s, s:s, s:s, s:s, s:s, s:{s:s, s:s}, s:s, s:s, s:o, "
                   "s:o}",
                   "id", f->id, "rule", f->rule, "article", f->article,
                   "version", f->version, "severity",
                   hlm_severity_name(f->severity), "subject", "type",
                   f->subject_type, "id", f->subject_id, "code", f->code,
                   "message", f->message, "as_of", cli_json_date(f->as_of),
                   "trace", cli_json_trace(&f->trace));
}

/* ---- tables ---- */

void cli_table_init(cli_table *t, size_t ncols, const char **heads) {
  memset(t, 0, sizeof *t);
  t->ncols = ncols;
  t->heads = heads;
}

void cli_table_row(cli_table *t, ...) {
  va_list ap;
  size_t i;
  if (t->nrows == t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 32;
    char **p = realloc(t->cells, cap * t->ncols * sizeof *p);
    if (!p)
      return;
    t->cells = p;
    t->cap = cap;
  }
  va_start(ap, t);
  for (i = 0; i < t->ncols; i++) {
    const char *v = va_arg(ap, const char *);
    t->cells[t->nrows * t->ncols + i] = strdup(v ? v : "");
  }
  va_end(ap);
  t->nrows++;
}

static size_t width(const char *s) {
  size_t w = 0;
  for (; *s; s++)
    if (((unsigned char)*s & 0xC0) != 0x80)
      w++;
  return w;
}

static const char *head_text(const char *h) { return h[0] == '>' ? h + 1 : h; }

void cli_table_print(const cli_table *t, FILE *out) {
  size_t *w = calloc(t->ncols, sizeof *w), i, r;
  if (!w)
    return;
  for (i = 0; i < t->ncols; i++)
    w[i] = width(head_text(t->heads[i]));
  for (r = 0; r < t->nrows; r++)
    for (i = 0; i < t->ncols; i++) {
      size_t x = width(t->cells[r * t->ncols + i]);
      if (x > w[i])
        w[i] = x;
    }
  for (r = 0; r <= t->nrows + 1; r++) {
    for (i = 0; i < t->ncols; i++) {
      const char *cell;
      size_t pad, k;
      int right = t->heads[i][0] == '>';
      if (r == 1) {
        for (k = 0; k < w[i]; k++)
          fputs("─", out);
        fputs(i + 1 < t->ncols ? "  " : "\n", out);
        continue;
      }
      cell = r == 0 ? head_text(t->heads[i]) : t->cells[(r - 2) * t->ncols + i];
      pad = w[i] - width(cell);
      if (right)
        for (k = 0; k < pad; k++)
          fputc(' ', out);
      fputs(cell, out);
      if (i + 1 < t->ncols) {
        if (!right)
          for (k = 0; k < pad; k++)
            fputc(' ', out);
        fputs("  ", out);
      } else {
        fputc('\n', out);
      }
    }
  }
  free(w);
}

static void csv_cell(const char *s, FILE *out) {
  if (strpbrk(s, ";\"\n")) {
    fputc('"', out);
    for (; *s; s++) {
      if (*s == '"')
        fputc('"', out);
      fputc(*s, out);
    }
    fputc('"', out);
  } else {
    fputs(s, out);
  }
}

void cli_table_csv(const cli_table *t, FILE *out) {
  size_t i, r;
  for (i = 0; i < t->ncols; i++) {
    csv_cell(head_text(t->heads[i]), out);
    fputc(i + 1 < t->ncols ? ';' : '\n', out);
  }
  for (r = 0; r < t->nrows; r++)
    for (i = 0; i < t->ncols; i++) {
      csv_cell(t->cells[r * t->ncols + i], out);
      fputc(i + 1 < t->ncols ? ';' : '\n', out);
    }
}

void cli_table_free(cli_table *t) {
  size_t i;
  for (i = 0; i < t->nrows * t->ncols; i++)
    free(t->cells[i]);
  free(t->cells);
  memset(t, 0, sizeof *t);
}

void cli_print_trace(const hlm_trace *t, FILE *out, const char *indent) {
  size_t i;
  for (i = 0; i < t->n; i++)
    fprintf(out, "%s[%s] %s : %s\n", indent, t->steps[i].article,
            t->steps[i].what, t->steps[i].value);
}

void cli_fmt_int(long long v, char *buf, size_t n) {
  char d[32], tmp[48];
  int len, i, k = 0, neg = v < 0;
  unsigned long long u = neg ? 0ULL - (unsigned long long)v
                             : (unsigned long long)v;
  len = snprintf(d, sizeof d, "%llu", u);
  if (neg)
    tmp[k++] = '-';
  for (i = 0; i < len; i++) {
    if (i > 0 && (len - i) % 3 == 0)
      tmp[k++] = ' ';
    tmp[k++] = d[i];
  }
  tmp[k] = '\0';
  snprintf(buf, n, "%s", tmp);
}

/* ---- progress ---- */

void cli_progress(void *c, uint64_t done, uint64_t total) {
  cli_ctx *ctx = c;
  int pct, bars, i;
  if (!ctx->progress || total == 0)
    return;
  pct = (int)(done * 100 / total);
  if (pct > 100)
    pct = 100;
  bars = pct * 30 / 100;
  fputs("\r[", stderr);
  for (i = 0; i < 30; i++)
    fputs(i < bars ? "█" : " ", stderr);
  fprintf(stderr, "] %3d %%  %llu / %llu Mo", pct,
          (unsigned long long)(done >> 20), (unsigned long long)(total >> 20));
  fflush(stderr);
}

void cli_progress_done(cli_ctx *ctx) {
  if (ctx->progress)
    fputs("\r\033[K", stderr);
}
