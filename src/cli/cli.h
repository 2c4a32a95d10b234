/*
 * cli.h: what the subcommands of the hlm program share: the context
 * (store path, as-of date, output format), option parsing, output in
 * table / JSON / CSV, and the exit codes of spec/cli.md.
 */
#ifndef HLM_CLI_H
#define HLM_CLI_H

#include <jansson.h>
#include <stdio.h>

#include "hlm/hlm.h"

enum {
  EXIT_OK_ = 0,        /* success, no violation */
  EXIT_VIOLATION = 1,  /* success with at least one violation */
  EXIT_USAGE = 2,      /* usage error */
  EXIT_INPUT = 3,      /* invalid input; nothing was written */
  EXIT_INTERNAL = 4    /* internal error */
};

typedef enum cli_format { FMT_TABLE, FMT_JSON, FMT_CSV, FMT_MD } cli_format;

typedef struct cli_ctx {
  const char *db;     /* store path */
  hlm_date as_of;     /* --as-of, default today */
  int as_of_given;
  cli_format fmt;
  int tty;            /* stdout is a terminal */
  int progress;       /* stderr is a terminal: show progress */
  const char *prog;   /* "hlm" */
} cli_ctx;

typedef struct cli_cmd {
  const char *name;
  int (*fn)(cli_ctx *ctx, int argc, char **argv);
  const char *summary_fr;
  const char *help_fr; /* full help text (man-page style) */
} cli_cmd;

/* The command table (main.c). */
const cli_cmd *cli_commands(size_t *n);

/* ---- options ---- */

/* The arguments a command takes, declared instead of walked by hand:
 *   {"organism", &org, NULL}  --organism VALUE (last one wins)
 *   {"all", NULL, &all}       --all, a flag set to 1
 *   {NULL, &company, NULL}    the next positional argument
 * ended by {NULL, NULL, NULL}.  cli_args handles --help and the common
 * options too; anything else is a usage error.  Returns CLI_GO when the
 * command should go on, else the exit code to return (EXIT_OK_ after
 * --help, EXIT_USAGE). */
typedef struct cli_arg {
  const char *name;
  const char **value;
  int *flag;
} cli_arg;
#define CLI_GO (-1)
int cli_args(cli_ctx *ctx, const cli_cmd *cmd, int argc, char **argv,
             const cli_arg *spec);

/* The options hlm import and hlm rpls validate share, as given (NULL when
 * absent): --owner SIREN, --year AAAA, --max-errors N, set into io.
 * Returns CLI_GO, or EXIT_USAGE after a usage message. */
int cli_import_opts(const cli_cmd *cmd, const char *owner, const char *year,
                    const char *max_errors, hlm_import_opts *io);

/* Prints a usage error for cmd (French) and returns EXIT_USAGE. */
int cli_usage(const cli_cmd *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Prints an hlm_error on stderr and returns the exit code for it. */
int cli_fail(const hlm_error *e);
/* Prints every diagnostic of d on stderr ("file:line:col: field: msg"). */
void cli_print_diags(const hlm_diags *d);
/* Exit code for a library status. */
int cli_exit_for(int rc);

/* Parses YYYY-MM-DD or fails with a usage message. */
int cli_parse_date(const cli_cmd *cmd, const char *opt, const char *s,
                   hlm_date *out);
int cli_parse_int(const cli_cmd *cmd, const char *opt, const char *s,
                  long long min, long long max, long long *out);

/* Opens the store: read-write (create) or read-only. */
int cli_open_store(cli_ctx *ctx, int writable, hlm_store **s);

/* Opens the store read-only and loads the facts as of ctx->as_of. */
int cli_load_facts(cli_ctx *ctx, hlm_store **s, hlm_facts *f);

/* The organism siren of f, or NULL after printing "hlm CMD : organisme
 * SIREN inconnu de la base" (or "société … inconnue" with CLI_COMPANY). */
typedef enum cli_org_word { CLI_ORGANISM, CLI_COMPANY } cli_org_word;
const hlm_organism *cli_known_org(const cli_cmd *cmd, const hlm_facts *f,
                                  const char *siren, cli_org_word word);
/* 1 when group id is in f, else 0 after printing "... groupe ID inconnu". */
int cli_known_group(const cli_cmd *cmd, const hlm_facts *f, const char *id);

/* ---- output ---- */

/* json_pack that does not fail silently: on failure (out of memory, or a
 * NULL string or value given by mistake) it prints the reason on stderr
 * and marks the output as failed, so that cli_json_out writes nothing and
 * returns EXIT_INTERNAL instead of a document with a part missing. */
json_t *cli_pack(const char *fmt, ...);
/* 0 after a cli_pack failure (for output streamed piece by piece). */
int cli_json_ok(void);

/* Dumps a JSON document on stdout (UTF-8, one document, newline); after a
 * cli_pack failure, prints nothing and returns EXIT_INTERNAL. */
int cli_json_out(json_t *doc);
json_t *cli_json_trace(const hlm_trace *t);
json_t *cli_json_finding(const hlm_finding *f);
json_t *cli_json_date(hlm_date d);   /* string or null */
json_t *cli_json_int_or_null(int known, long long v);

/* A table for people: rows of UTF-8 strings, aligned on display width.
 * Columns whose spec starts with '>' are right-aligned. */
typedef struct cli_table {
  size_t ncols;
  const char **heads;
  char **cells; /* rows * ncols, owned */
  size_t nrows, cap;
} cli_table;

void cli_table_init(cli_table *t, size_t ncols, const char **heads);
void cli_table_row(cli_table *t, ...); /* ncols const char* values */
void cli_table_print(const cli_table *t, FILE *out);
void cli_table_csv(const cli_table *t, FILE *out);
void cli_table_free(cli_table *t);

/* French names of a severity and of a finding's subject type
 * ("organism" -> "organisme", "loan" -> "prêt", ...). */
const char *cli_severity_fr(hlm_severity s);
const char *cli_subject_fr(const char *subject_type);
/* Prints the findings for people, one block each after a blank line
 * (severity, code, article and version, message, subject, id), then how to
 * see a trace.  Nothing when fs is empty. */
void cli_print_findings_fr(const hlm_findings *fs, FILE *out);
/* How many findings of fs have severity sev. */
size_t cli_count_severity(const hlm_findings *fs, hlm_severity sev);
/* The codes of the findings of fs about subject_id, as a JSON array. */
json_t *cli_json_codes(const hlm_findings *fs, const char *subject_id);

/* Prints a trace as indented lines (French, for people). */
void cli_print_trace(const hlm_trace *t, FILE *out, const char *indent);

/* Progress bar on stderr (only when ctx->progress). */
void cli_progress(void *ctx, uint64_t done, uint64_t total);
void cli_progress_done(cli_ctx *ctx);

/* Formats a number with French thousands separators. */
void cli_fmt_int(long long v, char *buf, size_t n);

/* The subcommands. */
int cmd_import(cli_ctx *ctx, int argc, char **argv);
int cmd_rpls(cli_ctx *ctx, int argc, char **argv);
int cmd_count(cli_ctx *ctx, int argc, char **argv);
int cmd_check(cli_ctx *ctx, int argc, char **argv);
int cmd_explain(cli_ctx *ctx, int argc, char **argv);
int cmd_rules(cli_ctx *ctx, int argc, char **argv);
int cmd_demo(cli_ctx *ctx, int argc, char **argv);
int cmd_votes(cli_ctx *ctx, int argc, char **argv);
int cmd_share_price(cli_ctx *ctx, int argc, char **argv);
int cmd_transfers(cli_ctx *ctx, int argc, char **argv);
int cmd_loans(cli_ctx *ctx, int argc, char **argv);
int cmd_levy(cli_ctx *ctx, int argc, char **argv);
int cmd_costs(cli_ctx *ctx, int argc, char **argv);

const cli_cmd *cli_find(const char *name);

#endif
