/*
 * capital_runner.c: the worked legal cases of the capital rules, as data
 * (tests/law/capital, files NAME.case; format in tests/law/capital/README.md).
 *
 * Each case's input files go through the real importers into a fresh
 * store; the facts are loaded as of the case's date; then the runner
 * compares, with what the case expects:
 *   [findings]         the exact set of findings of the capital rules
 *                      (L422-2-1, L423-4, L423-5, R423-86, L423-1-2; or
 *                      only those of the case's `rules:` line) that
 *                      `hlm check` gives at the date;
 *   [votes], [holder_votes], [ties]   hlm_votes_compute;
 *   [share_price], [years]            hlm_share_price_compute;
 *   [transfer_states]                 hlm_transfer_state_compute;
 *   [trace]            a finding's trace contains a text.
 *
 * Usage: capital_runner DIR_OR_FILE…
 *        capital_runner --art-coverage CASES_DIR SOURCE.c…
 * The second form fails when an `ART:` marker of the sources names a
 * paragraph that no case's `proves:` lists.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "case_util.h"
#include "hlm/capital_law.h"
#include "hlm/hlm.h"

#define MAXLINES 4096
#define NSECT 16

typedef struct section {
  char name[32];
  char **lines;
  size_t n, cap;
} section;

typedef struct kase {
  char file[512];
  int line;
  char title[4200];
  char proves[4200];
  char as_of[16];
  char rules[256]; /* "rules:" — the rule ids [findings] covers, "" all */
  section sect[NSECT];
  size_t nsect;
} kase;

static int failures, cases;

static void fail(const kase *k, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "ÉCHEC %s:%d « %s » : ", k->file, k->line, k->title);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  failures++;
}

static section *sect_get(kase *k, const char *name, int create) {
  size_t i;
  for (i = 0; i < k->nsect; i++)
    if (strcmp(k->sect[i].name, name) == 0)
      return &k->sect[i];
  if (!create || k->nsect == NSECT)
    return NULL;
  memset(&k->sect[k->nsect], 0, sizeof k->sect[0]);
  snprintf(k->sect[k->nsect].name, sizeof k->sect[0].name, "%s", name);
  return &k->sect[k->nsect++];
}

static void sect_add(section *s, const char *line) {
  if (s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 16;
    s->lines = realloc(s->lines, s->cap * sizeof *s->lines);
    if (!s->lines)
      exit(4);
  }
  s->lines[s->n++] = cu_strdup(line);
}

static void kase_free(kase *k) {
  size_t i, j;
  for (i = 0; i < k->nsect; i++) {
    for (j = 0; j < k->sect[i].n; j++)
      free(k->sect[i].lines[j]);
    free(k->sect[i].lines);
  }
  memset(k, 0, sizeof *k);
}

/* ---- running one case ---- */

static int write_file(const char *path, const section *s) {
  FILE *fp = fopen(path, "w");
  size_t i;
  if (!fp)
    return -1;
  for (i = 0; i < s->n; i++)
    fprintf(fp, "%s\n", s->lines[i]);
  return fclose(fp);
}

static const char *const input_kinds[] = {
    "organisms", "holdings", "statutes", "transfers", "dividends",
    "capital_ops", NULL};

static const char *const capital_rules[] = {"L422-2-1", "L423-4", "L423-5",
                                            "R423-86", "L423-1-2", NULL};

static const kase *current;

/* 1 when [findings] covers rule r: a capital rule, and one of the case's
 * `rules:` when it names some. */
static int is_capital_rule(const char *r) {
  const char *const *p;
  for (p = capital_rules; *p; p++)
    if (strcmp(*p, r) == 0) {
      const char *q = current ? current->rules : "";
      size_t n = strlen(r);
      if (!q[0])
        return 1;
      for (; (q = strstr(q, r)) != NULL; q += n)
        if ((q == current->rules || q[-1] == ' ' || q[-1] == ',') &&
            (q[n] == '\0' || q[n] == ' ' || q[n] == ','))
          return 1;
      return 0;
    }
  return 0;
}

static int64_t num_or_null(const char *s) {
  return strcmp(s, "-") == 0 ? -1 : strtoll(s, NULL, 10);
}

static void check_findings(kase *k, const hlm_findings *fs) {
  section *s = sect_get(k, "findings", 0);
  size_t i, j;
  char *used;
  if (!s) {
    fail(k, "section [findings] absente (obligatoire, même vide)");
    return;
  }
  used = calloc(fs->n + 1, 1);
  for (i = 0; i < s->n; i++) {
    char buf[512], *f[8];
    int n, found = 0;
    snprintf(buf, sizeof buf, "%s", s->lines[i]);
    n = cu_split(buf, f, 8);
    if (n < 5) {
      fail(k, "[findings] ligne invalide « %s »", s->lines[i]);
      continue;
    }
    for (j = 0; j < fs->n; j++) {
      const hlm_finding *x = &fs->items[j];
      if (used[j] || !is_capital_rule(x->rule))
        continue;
      if (strcmp(x->rule, f[0]) || strcmp(x->code, f[1]) ||
          strcmp(hlm_severity_name(x->severity), f[2]) ||
          strcmp(x->subject_type, f[3]) || strcmp(x->subject_id, f[4]))
        continue;
      if (n >= 6 && f[5][0] && strcmp(x->version, f[5]) != 0)
        continue;
      used[j] = 1;
      found = 1;
      break;
    }
    if (!found)
      fail(k, "constat attendu absent : %s", s->lines[i]);
  }
  for (j = 0; j < fs->n; j++) {
    const hlm_finding *x = &fs->items[j];
    if (!used[j] && is_capital_rule(x->rule))
      fail(k, "constat inattendu : %s;%s;%s;%s;%s;%s — %s", x->rule, x->code,
           hlm_severity_name(x->severity), x->subject_type, x->subject_id,
           x->version, x->message);
  }
  free(used);
}

static void check_trace(kase *k, const hlm_findings *fs) {
  section *s = sect_get(k, "trace", 0);
  size_t i, j, t;
  for (i = 0; s && i < s->n; i++) {
    char buf[512], *f[4];
    int found = 0;
    snprintf(buf, sizeof buf, "%s", s->lines[i]);
    if (cu_split(buf, f, 3) < 3) {
      fail(k, "[trace] ligne invalide « %s »", s->lines[i]);
      continue;
    }
    for (j = 0; j < fs->n && !found; j++) {
      const hlm_finding *x = &fs->items[j];
      if (strcmp(x->code, f[0]) || strcmp(x->subject_id, f[1]))
        continue;
      for (t = 0; t < x->trace.n && !found; t++)
        found = strstr(x->trace.steps[t].what, f[2]) ||
                strstr(x->trace.steps[t].value, f[2]) ||
                strstr(x->trace.steps[t].article, f[2]);
      if (!found)
        found = strstr(x->message, f[2]) != NULL;
    }
    if (!found)
      fail(k, "trace : aucun constat %s de %s ne contient « %s »", f[0], f[1],
           f[2]);
  }
}

static void check_votes(kase *k, const hlm_facts *f, hlm_date as_of) {
  section *sv = sect_get(k, "votes", 0), *sh = sect_get(k, "holder_votes", 0);
  section *st = sect_get(k, "ties", 0);
  size_t i, j;
  /* every company named in the three sections */
  char companies[64][16];
  size_t nc = 0;
  section *all[3] = {sv, sh, st};
  int a;
  for (a = 0; a < 3; a++)
    for (i = 0; all[a] && i < all[a]->n; i++) {
      char c[16];
      size_t len = strcspn(all[a]->lines[i], ";");
      int seen = 0;
      snprintf(c, sizeof c, "%.*s", (int)(len < 15 ? len : 15),
               all[a]->lines[i]);
      for (j = 0; j < nc; j++)
        seen |= strcmp(companies[j], c) == 0;
      if (!seen && nc < 64)
        snprintf(companies[nc++], 16, "%s", c);
    }
  for (j = 0; j < nc; j++) {
    hlm_votes v;
    hlm_error e;
    hlm_error_clear(&e);
    if (hlm_votes_compute(f, companies[j], as_of, &v, &e) < 0) {
      fail(k, "votes %s : %s", companies[j], e.message);
      hlm_votes_clear(&v);
      continue;
    }
    for (i = 0; sv && i < sv->n; i++) {
      char buf[256], *x[8];
      int c;
      snprintf(buf, sizeof buf, "%s", sv->lines[i]);
      if (cu_split(buf, x, 8) != 6) {
        fail(k, "[votes] ligne invalide « %s »", sv->lines[i]);
        continue;
      }
      if (strcmp(x[0], companies[j]))
        continue;
      if (v.total_votes != num_or_null(x[1]))
        fail(k, "votes %s : total %lld, attendu %s", x[0],
             (long long)v.total_votes, x[1]);
      for (c = 1; c <= 4; c++)
        if (v.cat_votes[c] != num_or_null(x[1 + c]))
          fail(k, "votes %s : catégorie %d : %lld, attendu %s", x[0], c,
               (long long)v.cat_votes[c], x[1 + c]);
    }
    for (i = 0; sh && i < sh->n; i++) {
      char buf[256], *x[8];
      size_t l;
      int found = 0;
      snprintf(buf, sizeof buf, "%s", sh->lines[i]);
      if (cu_split(buf, x, 8) != 4) {
        fail(k, "[holder_votes] ligne invalide « %s »", sh->lines[i]);
        continue;
      }
      if (strcmp(x[0], companies[j]))
        continue;
      for (l = 0; l < v.n_lines; l++)
        if (strcmp(v.lines[l].holder, x[1]) == 0 &&
            v.lines[l].category == atoi(x[2])) {
          found = 1;
          if (v.lines[l].votes != num_or_null(x[3]))
            fail(k, "votes de %s (catégorie %s) : %lld, attendu %s", x[1],
                 x[2], (long long)v.lines[l].votes, x[3]);
        }
      if (!found)
        fail(k, "détenteur %s catégorie %s absent des voix de %s", x[1], x[2],
             x[0]);
    }
    if (st) {
      /* exact set of tie groups of the company ("1,4" = categories) */
      size_t want = 0, cat_tie = 0;
      for (i = 0; i < st->n; i++) {
        char buf[512], *x[4], got[512];
        size_t t, m, p;
        int found = 0;
        snprintf(buf, sizeof buf, "%s", st->lines[i]);
        if (cu_split(buf, x, 4) != 2) {
          fail(k, "[ties] ligne invalide « %s »", st->lines[i]);
          continue;
        }
        if (strcmp(x[0], companies[j]))
          continue;
        if (strcmp(x[1], "categories:1,4") == 0) {
          cat_tie = 1;
          if (!v.category_tie)
            fail(k, "%s : égalité entre catégories 1 et 4 attendue",
                 companies[j]);
          continue;
        }
        want++;
        for (t = 0; t < v.n_ties && !found; t++) {
          p = 0;
          got[0] = '\0';
          for (m = 0; m < v.ties[t].n; m++)
            p += (size_t)snprintf(got + p, sizeof got - p, "%s%s",
                                  m ? "," : "",
                                  v.lines[v.ties[t].idx[m]].holder);
          found = strcmp(got, x[1]) == 0;
        }
        if (!found)
          fail(k, "%s : égalité attendue « %s » absente", companies[j], x[1]);
      }
      if (want != v.n_ties)
        fail(k, "%s : %zu groupe(s) d'égalité, attendu %zu", companies[j],
             v.n_ties, want);
      if (!cat_tie && v.category_tie)
        fail(k, "%s : égalité inattendue entre catégories 1 et 4",
             companies[j]);
    }
    hlm_votes_clear(&v);
  }
}

static int exact_eq(const char *want, const char *got) {
  return got && strcmp(want, got) == 0;
}

static void check_price(kase *k, const hlm_facts *f) {
  section *s = sect_get(k, "share_price", 0), *sy = sect_get(k, "years", 0);
  size_t i, y;
  for (i = 0; s && i < s->n; i++) {
    char buf[512], *x[10];
    hlm_price_query q;
    hlm_share_price p;
    hlm_error e;
    int rc;
    snprintf(buf, sizeof buf, "%s", s->lines[i]);
    if (cu_split(buf, x, 10) != 8) {
      fail(k, "[share_price] ligne invalide « %s »", s->lines[i]);
      continue;
    }
    memset(&q, 0, sizeof q);
    q.company = x[0];
    q.base_cents = -1;
    q.acquired = HLM_DATE_NONE;
    hlm_date_parse(x[1], strlen(x[1]), &q.sold);
    if (strncmp(x[2], "holder:", 7) == 0) {
      q.holder = x[2] + 7;
    } else if (strncmp(x[2], "base:", 5) == 0) {
      char *at = strchr(x[2], '@');
      q.base_cents = strtoll(x[2] + 5, NULL, 10);
      if (at)
        hlm_date_parse(at + 1, strlen(at + 1), &q.acquired);
    } else if (strcmp(x[2], "nominal_rule") == 0) {
      q.nominal_rule = 1;
    }
    hlm_error_clear(&e);
    rc = hlm_share_price_compute(f, &q, &p, &e);
    if (strncmp(x[3], "error:", 6) == 0) {
      if (rc >= 0)
        fail(k, "prix %s : erreur attendue (%s)", s->lines[i], x[3]);
      else if (!strstr(e.message, x[3] + 6))
        fail(k, "prix %s : erreur « %s », attendu « %s »", x[0], e.message,
             x[3] + 6);
      hlm_share_price_clear(&p);
      continue;
    }
    if (rc < 0) {
      fail(k, "prix %s : %s", s->lines[i], e.message);
      hlm_share_price_clear(&p);
      continue;
    }
    if (strcmp(x[3], p.version ? p.version : "-"))
      fail(k, "prix %s : version %s, attendu %s", x[0],
           p.version ? p.version : "-", x[3]);
    if (p.version) {
      if (strcmp(x[4], p.base_acquisition ? "acquisition" : "nominal"))
        fail(k, "prix %s : base %s, attendu %s", x[0],
             p.base_acquisition ? "acquisition" : "nominal", x[4]);
      if (!exact_eq(x[5], p.base_cents))
        fail(k, "prix %s : base_cents %s, attendu %s", x[0],
             p.base_cents ? p.base_cents : "?", x[5]);
      if (p.dividends_cents != strtoll(x[6], NULL, 10))
        fail(k, "prix %s : dividendes %lld, attendu %s", x[0],
             (long long)p.dividends_cents, x[6]);
    }
    if (p.cap_cents != num_or_null(x[7]))
      fail(k, "prix %s (cession %s) : plafond %lld centimes, attendu %s",
           x[0], x[1], (long long)p.cap_cents, x[7]);
    /* [years] applies to the last [share_price] line */
    if (sy && i + 1 == s->n) {
      if (sy->n != p.n_years)
        fail(k, "prix %s : %zu années comptées, attendu %zu", x[0], p.n_years,
             sy->n);
      for (y = 0; y < sy->n && y < p.n_years; y++) {
        char yb[256], *z[4];
        snprintf(yb, sizeof yb, "%s", sy->lines[y]);
        if (cu_split(yb, z, 4) != 3) {
          fail(k, "[years] ligne invalide « %s »", sy->lines[y]);
          continue;
        }
        if (p.years[y].year != atoi(z[0]) ||
            p.years[y].livret_a_bp != strtoll(z[1], NULL, 10) ||
            !exact_eq(z[2], p.years[y].interest_cents))
          fail(k, "prix %s : année %d livret A %lld intérêt %s, attendu %s",
               x[0], p.years[y].year, (long long)p.years[y].livret_a_bp,
               p.years[y].interest_cents, sy->lines[y]);
      }
    }
    hlm_share_price_clear(&p);
  }
}

static void check_transfers(kase *k, const hlm_facts *f, hlm_date as_of) {
  section *s = sect_get(k, "transfer_states", 0);
  size_t i, j;
  for (i = 0; s && i < s->n; i++) {
    char buf[256], *x[6], dl[11];
    const hlm_transfer *t = NULL;
    hlm_transfer_state st;
    hlm_error e;
    snprintf(buf, sizeof buf, "%s", s->lines[i]);
    if (cu_split(buf, x, 6) != 4) {
      fail(k, "[transfer_states] ligne invalide « %s »", s->lines[i]);
      continue;
    }
    for (j = 0; f->capital && j < f->capital->n_transfers; j++)
      if (strcmp(f->capital->transfers[j].id, x[0]) == 0)
        t = &f->capital->transfers[j];
    if (!t) {
      fail(k, "cession %s absente", x[0]);
      continue;
    }
    hlm_error_clear(&e);
    if (hlm_transfer_state_compute(f, t, as_of, &st, &e) < 0) {
      fail(k, "cession %s : %s", x[0], e.message);
      continue;
    }
    hlm_date_format(st.deadline, dl);
    if (strcmp(hlm_transfer_status_name(st.status), x[1]))
      fail(k, "cession %s : statut %s, attendu %s", x[0],
           hlm_transfer_status_name(st.status), x[1]);
    if (strcmp(st.refusal ? st.refusal : "-", x[2]))
      fail(k, "cession %s : refus %s, attendu %s", x[0],
           st.refusal ? st.refusal : "-", x[2]);
    if (strcmp(dl[0] ? dl : "-", x[3]))
      fail(k, "cession %s : échéance %s, attendu %s", x[0], dl[0] ? dl : "-",
           x[3]);
    hlm_transfer_state_clear(&st);
  }
}

static void run_case(kase *k, const char *tmp) {
  char dir[600], db[700], path[800];
  hlm_store *s = NULL;
  hlm_error e;
  hlm_facts f;
  hlm_eval ev;
  hlm_findings fs;
  hlm_date as_of;
  const char *const *kind;
  static int seq;

  cases++;
  current = k;
  if (hlm_date_parse(k->as_of, strlen(k->as_of), &as_of) < 0) {
    fail(k, "as_of invalide « %s »", k->as_of);
    return;
  }
  snprintf(dir, sizeof dir, "%s/case%d", tmp, ++seq);
  mkdir(dir, 0700);
  snprintf(db, sizeof db, "%s/hlm.db", dir);
  hlm_error_clear(&e);
  if (hlm_store_open(&s, db, &e) < 0) {
    fail(k, "base : %s", e.message);
    return;
  }
  for (kind = input_kinds; *kind; kind++) {
    section *sec = sect_get(k, *kind, 0);
    const hlm_import_kind *ik;
    hlm_import_opts o;
    hlm_import_report rep;
    hlm_diags d;
    size_t i;
    if (!sec)
      continue;
    snprintf(path, sizeof path, "%s/%s.csv", dir, *kind);
    if (write_file(path, sec) < 0) {
      fail(k, "écriture de %s", path);
      continue;
    }
    ik = hlm_import_kind_find(*kind);
    hlm_import_opts_init(&o);
    memset(&rep, 0, sizeof rep);
    hlm_diags_init(&d, 20);
    if (ik->run(s, path, &o, &rep, &d, &e) < 0 || d.total) {
      char b[1024];
      fail(k, "import %s : %s", *kind, e.message);
      for (i = 0; i < d.n; i++) {
        hlm_error_format(&d.items[i], b, sizeof b);
        fprintf(stderr, "  %s\n", b);
      }
    }
    hlm_diags_free(&d);
    hlm_error_clear(&e);
  }
  memset(&f, 0, sizeof f);
  if (hlm_store_load_facts(s, as_of, &f, &e) < 0) {
    fail(k, "chargement : %s", e.message);
    hlm_store_close(s);
    return;
  }
  memset(&fs, 0, sizeof fs);
  if (hlm_eval_init(&ev, &f, as_of, &e) < 0 ||
      hlm_check(&ev, NULL, &fs, &e) < 0) {
    fail(k, "hlm_check : %s", e.message);
  } else {
    check_findings(k, &fs);
    check_trace(k, &fs);
  }
  check_votes(k, &f, as_of);
  check_price(k, &f);
  check_transfers(k, &f, as_of);
  hlm_findings_clear(&fs);
  hlm_eval_free(&ev);
  hlm_facts_clear(&f);
  hlm_store_close(s);
}

/* ---- reading case files ---- */

static void run_file(const char *file, const char *tmp,
                     void (*fn)(kase *, const char *)) {
  FILE *fp = fopen(file, "r");
  char line[4096];
  kase k;
  int ln = 0, have = 0;
  char *last_key = NULL;
  section *cur = NULL;
  if (!fp) {
    fprintf(stderr, "%s : illisible\n", file);
    failures++;
    return;
  }
  memset(&k, 0, sizeof k);
  while (fgets(line, sizeof line, fp)) {
    ln++;
    cu_rtrim(line);
    if (line[0] == '#' || line[0] == '\0')
      continue;
    if (strncmp(line, "title:", 6) == 0) {
      if (have)
        fn(&k, tmp);
      kase_free(&k);
      snprintf(k.file, sizeof k.file, "%s", file);
      k.line = ln;
      snprintf(k.title, sizeof k.title, "%s", line + 6 + (line[6] == ' '));
      have = 1;
      cur = NULL;
      last_key = k.title;
      continue;
    }
    if (!have)
      continue;
    if ((line[0] == ' ' || line[0] == '\t') && !cur && last_key) {
      size_t n = strlen(last_key);
      if (last_key == k.proves)
        snprintf(last_key + n, sizeof k.proves - n, " %s", line);
      continue; /* continued title or source: kept for people */
    }
    if (line[0] == '[') {
      char name[32];
      size_t n = strcspn(line + 1, "]");
      snprintf(name, sizeof name, "%.*s", (int)(n < 31 ? n : 31), line + 1);
      cur = sect_get(&k, name, 1);
      continue;
    }
    if (!cur) {
      if (strncmp(line, "proves:", 7) == 0) {
        snprintf(k.proves, sizeof k.proves, "%s", line + 7);
        last_key = k.proves;
      } else if (strncmp(line, "rules:", 6) == 0) {
        snprintf(k.rules, sizeof k.rules, "%s", line + 6 + (line[6] == ' '));
        last_key = NULL;
      } else if (strncmp(line, "as_of:", 6) == 0) {
        snprintf(k.as_of, sizeof k.as_of, "%s", line + 6 + (line[6] == ' '));
        last_key = NULL;
      } else if (strncmp(line, "source:", 7) == 0) {
        last_key = k.title; /* continuation lines ignored */
      }
      continue;
    }
    sect_add(cur, line);
  }
  if (have)
    fn(&k, tmp);
  kase_free(&k);
  fclose(fp);
}

typedef struct walk {
  const char *tmp;
  void (*fn)(kase *, const char *);
} walk;

static void run_path(const char *path, void *ctx) {
  const walk *w = ctx;
  run_file(path, w->tmp, w->fn);
}

int main(int argc, char **argv) {
  char tmp[] = "/tmp/hlm-capital-XXXXXX";
  int i;
  if (argc < 2) {
    fprintf(stderr, "usage : capital_runner DOSSIER_OU_FICHIER…\n");
    return 2;
  }
  if (!mkdtemp(tmp)) {
    perror("mkdtemp");
    return 4;
  }
  for (i = 1; i < argc; i++) {
    walk w = {tmp, run_case};
    cu_each_file(argv[i], ".case", run_path, &w);
  }
  {
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmp);
    if (system(cmd) != 0)
      fprintf(stderr, "nettoyage de %s impossible\n", tmp);
  }
  printf("%d cas, %d échec%s\n", cases, failures, failures > 1 ? "s" : "");
  return failures ? 1 : 0;
}
