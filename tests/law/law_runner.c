/*
 * law_runner.c: runs the worked legal cases of the files tests/law/cases/NAME.case.
 *
 * A case is plain data (format in tests/law/README.md): the paragraph it
 * proves, the source of its expected figures, the as-of date, the facts
 * (organisms, groups, foyers, RPLS dwelling lines) and the expected
 * results (per-organism counts as `hlm count` shows them, and the exact
 * set of findings of `hlm check`).  The runner builds hlm_facts in memory
 * (no store): each dwelling row goes through hlm_dwelling_classify and is
 * summed per (year, owner, manager, manager_rpls), exactly as the RPLS
 * importer fills stock_agg.  Then hlm_facts_sort, hlm_count_all
 * (HLM_COUNT_BY_DATE, what `hlm count` prints), hlm_eval_init, hlm_check.
 * A finding that is expected but missing, or present but not expected,
 * fails the case.
 *
 * Usage:
 *   law_runner FILE_OR_DIR...          run the cases, print one line per
 *                                      case and "N passed, N failed"
 *   law_runner --art-coverage SRCDIR CASEDIR
 *                                      every "ART: <paragraph> —" marker of
 *                                      SRCDIR (files *.c) is named by the proves:
 *                                      line of at least one case
 * Exit status 0 when everything passed, 1 otherwise.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_util.h"
#include "hlm/hlm.h"

#define MAXLINE 4096
#define MAXF 32

/* ---- small helpers ---- */

static int nfail_parse;

static void perr(const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void perr(const char *file, long line, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "%s:%ld: ", file, line);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  nfail_parse++;
}

/* Parses a decimal integer; 1 when the whole text is one. */
static int to_ll(const char *s, long long *out) {
  char *end;
  if (!*s)
    return 0;
  *out = strtoll(s, &end, 10);
  return *end == '\0';
}

/* ---- one case ---- */

typedef struct want_count {
  char id[16];
  int unknown; /* every field null */
  /* managed, conventionne, pre_1977_only, foyer_beds, foyer_equivalent,
   * foyer_autonomous, counted; null[k]: "-" (null in hlm count) */
  long long v[7];
  int null[7];
  long line;
} want_count;

typedef struct want_finding {
  char rule[32], code[48], severity[16], type[16], id[64], version[16];
  int matched;
  long line;
} want_finding;

typedef struct want_trace {
  char code[48], id[64], text[256];
  long line;
} want_trace;

typedef struct kase {
  char file[512];
  long line;
  char title[256];
  char proves[256];
  char source[2048];
  hlm_date as_of;
  char filter_org[16], filter_group[64], filter_rule[32];
  int has_findings;
  hlm_facts f;
  size_t cap_orgs, cap_groups, cap_stock, cap_foyers;
  want_count *counts;
  size_t n_counts, cap_counts;
  want_finding *finds;
  size_t n_finds, cap_finds;
  want_trace *traces;
  size_t n_traces, cap_traces;
  /* header of the current section (organisms, groups, foyers) */
  char hdr[MAXF][48];
  int n_hdr;
  int bad;
} kase;

static void case_free(kase *k) {
  hlm_facts_clear(&k->f);
  hlm_free(k->counts);
  hlm_free(k->finds);
  hlm_free(k->traces);
  memset(k, 0, sizeof *k);
}

static const char *counts_names[7] = {
    "managed",          "conventionne",     "pre_1977_only", "foyer_beds",
    "foyer_equivalent", "foyer_autonomous", "counted"};

/* Column c of the current header, or -1. */
static int hcol(const kase *k, const char *name) {
  int i;
  for (i = 0; i < k->n_hdr; i++)
    if (strcmp(k->hdr[i], name) == 0)
      return i;
  return -1;
}

static const char *fld(const kase *k, char **f, int n, const char *name) {
  int c = hcol(k, name);
  return c >= 0 && c < n ? f[c] : "";
}

/* Optional integer: "" is unknown (-1). */
static int opt_int(const kase *k, long line, const char *name, const char *s,
                   long long *out) {
  if (!*s) {
    *out = -1;
    return 1;
  }
  if (!to_ll(s, out)) {
    perr(k->file, line, "%s : entier attendu, lu « %s »", name, s);
    return 0;
  }
  return 1;
}

static void add_org(kase *k, long line, char **f, int n) {
  hlm_organism *o;
  long long v = -1;
  const char *kind = fld(k, f, n, "kind");
  k->f.orgs = cu_grow(k->f.orgs, &k->cap_orgs, k->f.n_orgs, sizeof *o);
  o = &k->f.orgs[k->f.n_orgs];
  memset(o, 0, sizeof *o);
  snprintf(o->id, sizeof o->id, "%s", fld(k, f, n, "id"));
  o->name = cu_strdup(fld(k, f, n, "name"));
  k->f.n_orgs++;
  if (!o->id[0])
    perr(k->file, line, "organisms : id vide");
  if (hlm_kind_parse(kind, strlen(kind), &o->kind) < 0)
    perr(k->file, line, "organisms : nature inconnue « %s »", kind);
  snprintf(o->departement, sizeof o->departement, "%s",
           fld(k, f, n, "departement"));
  snprintf(o->group_id, sizeof o->group_id, "%s", fld(k, f, n, "group_id"));
  snprintf(o->rpls_number, sizeof o->rpls_number, "%s",
           fld(k, f, n, "rpls_number"));
  opt_int(k, line, "accession_main_activity",
          fld(k, f, n, "accession_main_activity"), &v);
  o->accession_main_activity = (int)v;
  opt_int(k, line, "loans_granted_10y", fld(k, f, n, "loans_granted_10y"),
          &v);
  o->loans_granted_10y = v;
  opt_int(k, line, "turnover_avg_3y_cents",
          fld(k, f, n, "turnover_avg_3y_cents"), &v);
  o->turnover_avg_3y_cents = v;
  opt_int(k, line, "insufficient_mission_contribution",
          fld(k, f, n, "insufficient_mission_contribution"), &v);
  o->insufficient_mission_contribution = (int)v;
  o->share_nominal_cents = -1;
}

static void add_group(kase *k, long line, char **f, int n) {
  hlm_group *g;
  const char *kind = fld(k, f, n, "kind");
  k->f.groups = cu_grow(k->f.groups, &k->cap_groups, k->f.n_groups, sizeof *g);
  g = &k->f.groups[k->f.n_groups];
  memset(g, 0, sizeof *g);
  snprintf(g->id, sizeof g->id, "%s", fld(k, f, n, "id"));
  g->name = cu_strdup(fld(k, f, n, "name"));
  k->f.n_groups++;
  if (strcmp(kind, "CONTROL") == 0)
    g->kind = HLM_GROUP_CONTROL;
  else if (strcmp(kind, "SOC_COORDINATION") == 0)
    g->kind = HLM_GROUP_SOC_COORDINATION;
  else
    perr(k->file, line, "groups : nature inconnue « %s »", kind);
  snprintf(g->head_id, sizeof g->head_id, "%s", fld(k, f, n, "head_id"));
  snprintf(g->departement, sizeof g->departement, "%s",
           fld(k, f, n, "departement"));
}

static void add_foyer(kase *k, long line, char **f, int n) {
  hlm_foyer *y;
  long long v = -1;
  k->f.foyers = cu_grow(k->f.foyers, &k->cap_foyers, k->f.n_foyers, sizeof *y);
  y = &k->f.foyers[k->f.n_foyers++];
  memset(y, 0, sizeof *y);
  snprintf(y->owner, sizeof y->owner, "%s", fld(k, f, n, "owner"));
  snprintf(y->manager, sizeof y->manager, "%s", fld(k, f, n, "manager"));
  snprintf(y->structure_id, sizeof y->structure_id, "%s",
           fld(k, f, n, "structure_id"));
  if (!to_ll(fld(k, f, n, "beds"), &v))
    perr(k->file, line, "foyers : beds obligatoire");
  y->beds = v;
  opt_int(k, line, "autonomous", fld(k, f, n, "autonomous"), &v);
  y->autonomous = v == 1;
  opt_int(k, line, "dwellings", fld(k, f, n, "dwellings"), &v);
  y->dwellings = v;
  if (!to_ll(fld(k, f, n, "conv"), &v))
    perr(k->file, line, "foyers : conv obligatoire");
  y->conv = (int)v;
  if (!to_ll(fld(k, f, n, "construct"), &v))
    perr(k->file, line, "foyers : construct obligatoire");
  y->construct = (int)v;
  if (!to_ll(fld(k, f, n, "year"), &v))
    perr(k->file, line, "foyers : year obligatoire");
  y->year = (int)v;
}

/* year;owner;manager;manager_rpls;CONV;CONSTRUCT;ORIGINE;PATRIMOINE;n:
 * n identical lines, classified and summed into the row of their
 * (year, owner, manager, manager_rpls), created in first-seen order. */
static void add_dwellings(kase *k, long line, char **f, int n) {
  long long v[5], year, count;
  hlm_line_flags fl;
  hlm_stock_agg *a = NULL;
  size_t i;
  int j;
  if (n != 9) {
    perr(k->file, line,
         "dwellings : 9 champs attendus (year;owner;manager;manager_rpls;"
         "CONV;CONSTRUCT;ORIGINE;PATRIMOINE;n), %d lus",
         n);
    return;
  }
  if (!to_ll(f[0], &year) || !to_ll(f[8], &count) || count < 0) {
    perr(k->file, line, "dwellings : année et nombre entiers attendus");
    return;
  }
  for (j = 0; j < 4; j++)
    if (!opt_int(k, line, "dwellings", f[4 + j], &v[j]))
      return;
  hlm_dwelling_classify((int)year, (int)v[0], (int)v[1], (int)v[2],
                        (int)v[3], &fl);
  for (i = 0; i < k->f.n_stock; i++) {
    hlm_stock_agg *b = &k->f.stock[i];
    if (b->year == year && strcmp(b->owner, f[1]) == 0 &&
        strcmp(b->manager, f[2]) == 0 && strcmp(b->manager_rpls, f[3]) == 0) {
      a = b;
      break;
    }
  }
  if (!a) {
    k->f.stock = cu_grow(k->f.stock, &k->cap_stock, k->f.n_stock, sizeof *a);
    a = &k->f.stock[k->f.n_stock++];
    memset(a, 0, sizeof *a);
    a->year = (int)year;
    snprintf(a->owner, sizeof a->owner, "%s", f[1]);
    snprintf(a->manager, sizeof a->manager, "%s", f[2]);
    snprintf(a->manager_rpls, sizeof a->manager_rpls, "%s", f[3]);
  }
  a->lines += count;
  a->conv += fl.conv * count;
  a->pre77_nc += fl.pre77_nc * count;
  a->built10 += fl.built10 * count;
  a->entered6 += fl.entered6 * count;
}

static void add_count(kase *k, long line, char **f, int n) {
  want_count *w;
  int j;
  k->counts = cu_grow(k->counts, &k->cap_counts, k->n_counts, sizeof *w);
  w = &k->counts[k->n_counts++];
  memset(w, 0, sizeof *w);
  w->line = line;
  snprintf(w->id, sizeof w->id, "%s", f[0]);
  if (n == 2 && strcmp(f[1], "unknown") == 0) {
    w->unknown = 1;
    return;
  }
  if (n != 8) {
    perr(k->file, line,
         "count : « id;unknown » ou 8 champs attendus (id;managed;"
         "conventionne;pre_1977_only;foyer_beds;foyer_equivalent;"
         "foyer_autonomous;counted)");
    return;
  }
  for (j = 0; j < 7; j++) {
    if (strcmp(f[1 + j], "-") == 0)
      w->null[j] = 1;
    else if (!to_ll(f[1 + j], &w->v[j]))
      perr(k->file, line, "count : %s : entier ou « - » attendu, lu « %s »",
           counts_names[j], f[1 + j]);
  }
}

static void add_finding(kase *k, long line, char **f, int n) {
  want_finding *w;
  if (n != 5 && n != 6) {
    perr(k->file, line, "findings : rule;code;severity;subject_type;"
                        "subject_id[;version] attendu");
    return;
  }
  k->finds = cu_grow(k->finds, &k->cap_finds, k->n_finds, sizeof *w);
  w = &k->finds[k->n_finds++];
  memset(w, 0, sizeof *w);
  w->line = line;
  snprintf(w->rule, sizeof w->rule, "%s", f[0]);
  snprintf(w->code, sizeof w->code, "%s", f[1]);
  snprintf(w->severity, sizeof w->severity, "%s", f[2]);
  snprintf(w->type, sizeof w->type, "%s", f[3]);
  snprintf(w->id, sizeof w->id, "%s", f[4]);
  if (n == 6)
    snprintf(w->version, sizeof w->version, "%s", f[5]);
  if (strcmp(w->severity, "info") && strcmp(w->severity, "warning") &&
      strcmp(w->severity, "violation"))
    perr(k->file, line, "findings : gravité inconnue « %s »", w->severity);
}

static void add_trace(kase *k, long line, char **f, int n) {
  want_trace *w;
  if (n != 3) {
    perr(k->file, line, "trace : code;subject_id;texte attendu");
    return;
  }
  k->traces = cu_grow(k->traces, &k->cap_traces, k->n_traces, sizeof *w);
  w = &k->traces[k->n_traces++];
  memset(w, 0, sizeof *w);
  w->line = line;
  snprintf(w->code, sizeof w->code, "%s", f[0]);
  snprintf(w->id, sizeof w->id, "%s", f[1]);
  snprintf(w->text, sizeof w->text, "%s", f[2]);
}

/* ---- running one case ---- */

static int fails_in_case;

static void fail(const kase *k, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void fail(const kase *k, long line, const char *fmt, ...) {
  va_list ap;
  if (fails_in_case++ == 0)
    printf("FAIL %s:%ld: %s\n", k->file, k->line, k->title);
  printf("     %s:%ld: ", k->file, line);
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  putchar('\n');
}

static void check_counts(const kase *k, const hlm_count *c) {
  size_t i;
  for (i = 0; i < k->n_counts; i++) {
    const want_count *w = &k->counts[i];
    long idx = hlm_facts_org_index(&k->f, w->id);
    const hlm_count *x;
    long long got[7];
    int null[7], j;
    if (idx < 0) {
      fail(k, w->line, "count : organisme %s absent des faits", w->id);
      continue;
    }
    x = &c[idx];
    if (w->unknown) {
      if (x->known)
        fail(k, w->line, "count %s : décompte connu (counted %lld), "
                         "« unknown » attendu",
             w->id, (long long)x->counted);
      continue;
    }
    if (!x->known) {
      fail(k, w->line, "count %s : décompte inconnu, valeurs attendues",
           w->id);
      continue;
    }
    got[0] = x->managed;
    got[1] = x->conventionne;
    got[2] = x->pre_1977_only;
    got[3] = x->foyer_beds;
    got[4] = x->foyer_equivalent;
    got[5] = x->foyer_autonomous;
    got[6] = x->counted;
    /* as `hlm count` prints them: the breakdown is null before R411-6 */
    for (j = 0; j < 7; j++)
      null[j] = j > 0 && j < 6 && !x->r411_6;
    for (j = 0; j < 7; j++) {
      if (w->null[j] != null[j])
        fail(k, w->line, "count %s : %s %s, attendu %s", w->id,
             counts_names[j], null[j] ? "null" : "non null",
             w->null[j] ? "null (-)" : "un nombre");
      else if (!null[j] && got[j] != w->v[j])
        fail(k, w->line, "count %s : %s = %lld, attendu %lld", w->id,
             counts_names[j], got[j], w->v[j]);
    }
  }
}

static int trace_has(const hlm_trace *t, const char *text) {
  size_t i;
  for (i = 0; i < t->n; i++)
    if (strstr(t->steps[i].what, text) || strstr(t->steps[i].value, text) ||
        strstr(t->steps[i].article, text))
      return 1;
  return 0;
}

static void check_findings(kase *k, const hlm_findings *out) {
  size_t i, j;
  int *used = calloc(out->n ? out->n : 1, sizeof *used);
  if (!used)
    exit(2);
  for (j = 0; j < k->n_finds; j++) {
    want_finding *w = &k->finds[j];
    for (i = 0; i < out->n; i++) {
      const hlm_finding *g = &out->items[i];
      if (used[i] || strcmp(g->rule, w->rule) || strcmp(g->code, w->code) ||
          strcmp(hlm_severity_name(g->severity), w->severity) ||
          strcmp(g->subject_type, w->type) || strcmp(g->subject_id, w->id) ||
          (w->version[0] && strcmp(g->version, w->version)))
        continue;
      used[i] = 1;
      w->matched = 1;
      break;
    }
    if (!w->matched)
      fail(k, w->line, "constat attendu absent : %s;%s;%s;%s;%s%s%s",
           w->rule, w->code, w->severity, w->type, w->id,
           w->version[0] ? ";" : "", w->version);
  }
  for (i = 0; i < out->n; i++) {
    const hlm_finding *g = &out->items[i];
    if (used[i])
      continue;
    fail(k, k->line, "constat en trop : %s;%s;%s;%s;%s;%s — %s", g->rule,
         g->code, hlm_severity_name(g->severity), g->subject_type,
         g->subject_id, g->version, g->message);
  }
  for (j = 0; j < k->n_traces; j++) {
    const want_trace *w = &k->traces[j];
    int found = 0;
    for (i = 0; i < out->n && !found; i++)
      if (strcmp(out->items[i].code, w->code) == 0 &&
          strcmp(out->items[i].subject_id, w->id) == 0 &&
          trace_has(&out->items[i].trace, w->text))
        found = 1;
    if (!found)
      fail(k, w->line, "aucun constat %s de %s dont la trace contient « %s »",
           w->code, w->id, w->text);
  }
  free(used);
}

/* Returns 1 when the case passed. */
static int run_case(kase *k) {
  hlm_count *c = NULL;
  hlm_eval ev;
  hlm_findings out = {0};
  hlm_error e;
  fails_in_case = 0;
  hlm_error_clear(&e);
  if (!k->proves[0] || !k->source[0] || k->as_of == HLM_DATE_NONE ||
      !k->has_findings) {
    fail(k, k->line, "cas incomplet : proves:, source:, as_of: et une "
                     "section [findings] (même vide) sont obligatoires");
    return 0;
  }
  hlm_facts_sort(&k->f);
  if (hlm_count_all(&k->f, k->as_of, HLM_COUNT_BY_DATE, &c, &e) < 0) {
    fail(k, k->line, "hlm_count_all : %s", e.message);
    return 0;
  }
  check_counts(k, c);
  hlm_counts_free(c, k->f.n_orgs);
  if (hlm_eval_init(&ev, &k->f, k->as_of, &e) < 0) {
    fail(k, k->line, "hlm_eval_init : %s", e.message);
    return 0;
  }
  ev.only_organism = k->filter_org[0] ? k->filter_org : NULL;
  ev.only_group = k->filter_group[0] ? k->filter_group : NULL;
  if (hlm_check(&ev, k->filter_rule[0] ? k->filter_rule : NULL, &out, &e) <
      0)
    fail(k, k->line, "hlm_check : %s", e.message);
  else
    check_findings(k, &out);
  hlm_findings_clear(&out);
  hlm_eval_free(&ev);
  if (fails_in_case == 0)
    printf("ok   %s:%ld: %s\n", k->file, k->line, k->title);
  return fails_in_case == 0;
}

/* ---- reading a file ---- */

typedef enum section {
  S_NONE,
  S_ORGS,
  S_GROUPS,
  S_FOYERS,
  S_DWELLINGS,
  S_COUNT,
  S_FINDINGS,
  S_TRACE
} section;

static int npass, nfailc;

/* Callback used by the coverage mode: receives each case's proves:. */
typedef void (*proves_fn)(const char *proves, void *ctx);

static void finish(kase *k, proves_fn pf, void *ctx) {
  if (!k->title[0])
    return;
  if (pf)
    pf(k->proves, ctx);
  else if (k->bad)
    nfailc++;
  else if (run_case(k))
    npass++;
  else
    nfailc++;
  case_free(k);
}

static void read_file(const char *path, proves_fn pf, void *ctx) {
  FILE *fp = fopen(path, "r");
  char buf[MAXLINE];
  long line = 0;
  kase k;
  section sec = S_NONE;
  int need_header = 0;
  char *lastkey = NULL; /* the text a continuation line extends */
  size_t lastcap = 0;
  memset(&k, 0, sizeof k);
  if (!fp) {
    perr(path, 0, "impossible d'ouvrir le fichier");
    return;
  }
  while (fgets(buf, sizeof buf, fp)) {
    char *s, *f[MAXF];
    int n, before = nfail_parse;
    line++;
    if (!strchr(buf, '\n') && !feof(fp)) {
      perr(path, line, "ligne trop longue");
      break;
    }
    /* continuation of source:/title: — a line that starts with spaces */
    if ((buf[0] == ' ' || buf[0] == '\t') && sec == S_NONE && lastkey) {
      s = cu_trim(buf);
      if (*s && strlen(lastkey) + strlen(s) + 2 < lastcap) {
        strcat(lastkey, " ");
        strcat(lastkey, s);
      }
      continue;
    }
    s = cu_trim(buf);
    if (!*s || *s == '#')
      continue;
    if (*s == '[') {
      char *e = strchr(s, ']');
      if (!k.title[0]) {
        perr(path, line, "section avant le premier title:");
        continue;
      }
      if (!e) {
        perr(path, line, "section mal formée");
        continue;
      }
      *e = '\0';
      s++;
      lastkey = NULL;
      need_header = 0;
      if (strcmp(s, "organisms") == 0)
        sec = S_ORGS, need_header = 1;
      else if (strcmp(s, "groups") == 0)
        sec = S_GROUPS, need_header = 1;
      else if (strcmp(s, "foyers") == 0)
        sec = S_FOYERS, need_header = 1;
      else if (strcmp(s, "dwellings") == 0)
        sec = S_DWELLINGS;
      else if (strcmp(s, "count") == 0)
        sec = S_COUNT;
      else if (strcmp(s, "findings") == 0)
        sec = S_FINDINGS, k.has_findings = 1;
      else if (strcmp(s, "trace") == 0)
        sec = S_TRACE;
      else
        perr(path, line, "section inconnue [%s]", s);
      continue;
    }
    {
      /* key: value */
      size_t kl = strspn(s, "abcdefghijklmnopqrstuvwxyz_");
      if (kl > 0 && s[kl] == ':') {
        char *v = cu_trim(s + kl + 1);
        s[kl] = '\0';
        sec = S_NONE;
        lastkey = NULL;
        if (strcmp(s, "title") == 0) {
          finish(&k, pf, ctx);
          snprintf(k.file, sizeof k.file, "%s", path);
          k.line = line;
          k.as_of = HLM_DATE_NONE;
          snprintf(k.title, sizeof k.title, "%s", v);
          lastkey = k.title;
          lastcap = sizeof k.title;
        } else if (!k.title[0]) {
          perr(path, line, "%s: avant le premier title:", s);
        } else if (strcmp(s, "proves") == 0) {
          snprintf(k.proves, sizeof k.proves, "%s", v);
        } else if (strcmp(s, "source") == 0) {
          snprintf(k.source, sizeof k.source, "%s", v);
          lastkey = k.source;
          lastcap = sizeof k.source;
        } else if (strcmp(s, "as_of") == 0) {
          if (hlm_date_parse(v, strlen(v), &k.as_of) < 0)
            perr(path, line, "as_of : date AAAA-MM-JJ attendue");
        } else if (strcmp(s, "filter_organism") == 0) {
          snprintf(k.filter_org, sizeof k.filter_org, "%s", v);
        } else if (strcmp(s, "filter_group") == 0) {
          snprintf(k.filter_group, sizeof k.filter_group, "%s", v);
        } else if (strcmp(s, "filter_rule") == 0) {
          snprintf(k.filter_rule, sizeof k.filter_rule, "%s", v);
        } else {
          perr(path, line, "clé inconnue « %s: »", s);
        }
        if (nfail_parse != before)
          k.bad = 1;
        continue;
      }
    }
    if (sec == S_NONE) {
      perr(path, line, "ligne hors section : « %s »", s);
      k.bad = 1;
      continue;
    }
    n = cu_split(s, f, MAXF);
    if (need_header) {
      int j;
      k.n_hdr = n;
      for (j = 0; j < n; j++)
        snprintf(k.hdr[j], sizeof k.hdr[j], "%s", f[j]);
      need_header = 0;
      continue;
    }
    if ((sec == S_ORGS || sec == S_GROUPS || sec == S_FOYERS) &&
        n != k.n_hdr) {
      perr(path, line, "%d champs au lieu des %d de l'en-tête", n, k.n_hdr);
      k.bad = 1;
      continue;
    }
    switch (sec) {
    case S_ORGS:
      add_org(&k, line, f, n);
      break;
    case S_GROUPS:
      add_group(&k, line, f, n);
      break;
    case S_FOYERS:
      add_foyer(&k, line, f, n);
      break;
    case S_DWELLINGS:
      add_dwellings(&k, line, f, n);
      break;
    case S_COUNT:
      add_count(&k, line, f, n);
      break;
    case S_FINDINGS:
      add_finding(&k, line, f, n);
      break;
    case S_TRACE:
      add_trace(&k, line, f, n);
      break;
    default:
      break;
    }
    if (nfail_parse != before)
      k.bad = 1;
  }
  finish(&k, pf, ctx);
  fclose(fp);
}

/* ---- coverage of the ART: markers ---- */

typedef struct markers {
  char items[256][64];
  char where[256][128];
  int covered[256];
  size_t n;
} markers;

static void scan_source(const char *path, void *ctx) {
  markers *m = ctx;
  FILE *fp = fopen(path, "r");
  char buf[MAXLINE];
  long line = 0;
  if (!fp) {
    perr(path, 0, "impossible d'ouvrir le fichier");
    return;
  }
  while (fgets(buf, sizeof buf, fp)) {
    char *p = strstr(buf, "ART: "), *e;
    size_t i;
    line++;
    if (!p)
      continue;
    p += 5;
    /* the paragraph runs up to the " — " that opens the quotation */
    e = strstr(p, " \xE2\x80\x94");
    if (!e) {
      perr(path, line, "marqueur ART: sans « — » après le paragraphe");
      continue;
    }
    *e = '\0';
    for (i = 0; i < m->n; i++)
      if (strcmp(m->items[i], p) == 0)
        break;
    if (i == m->n && m->n < 256) {
      snprintf(m->items[m->n], sizeof m->items[0], "%s", p);
      snprintf(m->where[m->n], sizeof m->where[0], "%s:%ld", path, line);
      m->n++;
    }
  }
  fclose(fp);
}

static void mark_proves(const char *proves, void *ctx) {
  markers *m = ctx;
  char buf[256], *s = buf;
  snprintf(buf, sizeof buf, "%s", proves);
  /* proves: lists paragraphs separated by ',' */
  for (;;) {
    char *c = strchr(s, ','), *t;
    size_t i;
    if (c)
      *c = '\0';
    t = cu_trim(s);
    for (i = 0; i < m->n; i++)
      if (strcmp(m->items[i], t) == 0)
        m->covered[i] = 1;
    if (!c)
      break;
    s = c + 1;
  }
}

/* Coverage reads only the proves: lines, so that it can scan the cases of
 * every runner (tests/law/cases, capital, money), whatever their sections. */
static void read_cases_for_cov(const char *path, void *ctx) {
  FILE *fp = fopen(path, "r");
  char buf[MAXLINE];
  if (!fp) {
    nfail_parse++;
    return;
  }
  while (fgets(buf, sizeof buf, fp)) {
    char *t = cu_trim(buf);
    if (strncmp(t, "proves:", 7) == 0)
      mark_proves(t + 7, ctx);
  }
  fclose(fp);
}

static void read_cases(const char *path, void *ctx) {
  (void)ctx;
  read_file(path, NULL, NULL);
}

static int art_coverage(const char *srcdir, int ndirs, char **casedirs) {
  static markers m;
  size_t i, bad = 0;
  int k;
  cu_each_file(srcdir, ".c", scan_source, &m);
  for (k = 0; k < ndirs; k++)
    cu_each_file(casedirs[k], ".case", read_cases_for_cov, &m);
  if (m.n == 0) {
    printf("aucun marqueur ART: trouvé dans %s\n", srcdir);
    return 1;
  }
  for (i = 0; i < m.n; i++) {
    if (m.covered[i]) {
      printf("ok   ART: %s\n", m.items[i]);
    } else {
      printf("FAIL ART: %s (%s) : aucun cas ne le prouve (proves:)\n",
             m.items[i], m.where[i]);
      bad++;
    }
  }
  printf("%zu passed, %zu failed\n", m.n - bad, bad + (size_t)nfail_parse);
  return bad || nfail_parse ? 1 : 0;
}

int main(int argc, char **argv) {
  int i;
  if (argc >= 4 && strcmp(argv[1], "--art-coverage") == 0)
    return art_coverage(argv[2], argc - 3, argv + 3);
  if (argc < 2) {
    fprintf(stderr, "usage : law_runner FICHIER_OU_RÉPERTOIRE...\n"
                    "        law_runner --art-coverage SRCDIR CASEDIR...\n");
    return 2;
  }
  for (i = 1; i < argc; i++)
    cu_each_file(argv[i], ".case", read_cases, NULL);
  printf("%d passed, %d failed\n", npass, nfailc + nfail_parse);
  return nfailc || nfail_parse || npass == 0 ? 1 : 0;
}
