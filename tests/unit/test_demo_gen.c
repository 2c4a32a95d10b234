/*
 * test_demo_gen.c: the synthetic data set of `hlm demo` (src/cli/demo_gen.c).
 *
 * Proves what the demo promises (spec/cli.md, formats.md, rpls.md):
 * the same seed gives the same bytes and another seed other bytes; every
 * SIREN and SIRET carries a valid Luhn key and is unique; the RPLS files of
 * the latest year hold exactly --dwellings lines, with the columns and
 * code lists of rpls.md; a landlord sending a submission file is absent
 * from that year's open data; stock sizes are heavy-tailed; and the
 * project's own importers accept organisms.csv, groups.csv, foyers.csv
 * and the eleven capital and money files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "cli/demo_gen.h"
#include "hlm/hlm.h"
#include "base/strset.h"
#include "io/table.h"

/* Digests of the files of seed 1, 5 000 dwellings (test_golden).
 * GOLDEN_ORGANISMS is that of organisms.csv cut to its first ten columns:
 * the capital columns were appended without changing a byte of them. */
#define GOLDEN_ORGANISMS 0x15fb502a6f793186ULL
#define GOLDEN_GROUPS 0x81200890677e8e41ULL
#define GOLDEN_FOYERS 0x59aebdbef9cb12c2ULL
#define GOLDEN_RPLS_2025 0xe717c0b3dca8486dULL
#define GOLDEN_ORGANISMS_ALL 0x97048051abbc0755ULL
#define GOLDEN_HOLDINGS 0xeab2947aba3b0bb9ULL
#define GOLDEN_STATUTES 0x1b70cddc07bad7f5ULL
#define GOLDEN_TRANSFERS 0x514a85bbde1f4518ULL
#define GOLDEN_DIVIDENDS 0x287843488b598e35ULL
#define GOLDEN_CAPITAL_OPS 0x805b23304c027b14ULL
#define GOLDEN_LOANS 0x2b8ab6efa64d8955ULL
#define GOLDEN_FINANCIALS 0x89da449284b4aaf2ULL
#define GOLDEN_COOPERATION 0x99c4fc5cb91df322ULL
#define GOLDEN_SERVICES 0x5a72863764ec501dULL
#define GOLDEN_USAGE 0xc0fd6bb8a4fec78bULL
#define GOLDEN_INVOICES 0x2ec509263e4cab11ULL

/* ---- helpers ---- */

typedef struct run {
  char dir[256];
  demo_summary sum;
} run;

static void generate(run *r, uint64_t seed, int64_t n) {
  demo_opts o;
  hlm_error e;
  const char *t = getenv("TMPDIR");
  memset(&o, 0, sizeof o);
  o.dwellings = n;
  o.seed = seed;
  snprintf(r->dir, sizeof r->dir, "%s/hlm-demo-test-XXXXXX",
           t && *t ? t : "/tmp");
  assert_non_null(mkdtemp(r->dir));
  hlm_error_clear(&e);
  if (demo_generate(&o, r->dir, &r->sum, &e) != HLM_OK)
    fail_msg("demo_generate: %s", e.message);
}

static void path_of(const run *r, const char *name, char *out, size_t n) {
  int k = snprintf(out, n, "%s/%s", r->dir, name);
  assert_true(k > 0 && (size_t)k < n);
}

static void cleanup(run *r) {
  size_t i;
  char p[512];
  for (i = 0; i < r->sum.n_files; i++) {
    path_of(r, r->sum.files[i].name, p, sizeof p);
    unlink(p);
  }
  rmdir(r->dir);
  demo_summary_free(&r->sum);
}

static char *slurp(const char *path, size_t *len) {
  FILE *fp = fopen(path, "rb");
  char *buf;
  long n;
  assert_non_null(fp);
  fseek(fp, 0, SEEK_END);
  n = ftell(fp);
  fseek(fp, 0, SEEK_SET);
  buf = malloc((size_t)n + 1);
  assert_non_null(buf);
  assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
  buf[n] = '\0';
  fclose(fp);
  *len = (size_t)n;
  return buf;
}

/* A decimal number (the whole string), or -1. */
static long long num(const char *s) {
  char *end;
  long long v = strtoll(s, &end, 10);
  return *s && !*end ? v : -1;
}

/* Splits line (modified) on ';' into f (at most max); returns the count. */
static int split(char *line, char **f, int max) {
  int n = 0;
  char *p = line;
  size_t l = strlen(line);
  if (l && line[l - 1] == '\n')
    line[l - 1] = '\0';
  f[n++] = p;
  for (; *p; p++)
    if (*p == ';') {
      *p = '\0';
      if (n < max)
        f[n++] = p + 1;
      else
        return max + 1;
    }
  return n;
}

/* Removes a test store and its WAL files. */
static void remove_db(const char *db) {
  static const char *const sfx[] = {"", "-wal", "-shm", "-journal"};
  char p[600];
  size_t i;
  for (i = 0; i < sizeof sfx / sizeof sfx[0]; i++)
    if (snprintf(p, sizeof p, "%s%s", db, sfx[i]) < (int)sizeof p)
      unlink(p);
}

static const demo_file *find_file(const run *r, const char *name) {
  size_t i;
  for (i = 0; i < r->sum.n_files; i++)
    if (strcmp(r->sum.files[i].name, name) == 0)
      return &r->sum.files[i];
  return NULL;
}

/* The organisms of a run: id, kind. */
typedef struct orgrow {
  char id[10];
  hlm_kind kind;
  int64_t lines[2]; /* RPLS lines owned: [0] latest, [1] early */
  int submit[2];    /* in a submission file that year */
} orgrow;

static orgrow *read_orgs(const run *r, size_t *n) {
  char p[512], line[1024];
  char *f[16];
  orgrow *rows = calloc(2000, sizeof *rows);
  FILE *fp;
  path_of(r, "organisms.csv", p, sizeof p);
  fp = fopen(p, "r");
  assert_non_null(fp);
  assert_non_null(rows);
  assert_non_null(fgets(line, sizeof line, fp));
  *n = 0;
  while (fgets(line, sizeof line, fp)) {
    assert_int_equal(split(line, f, 16), 13);
    assert_true(*n < 2000);
    assert_int_equal(strlen(f[0]), 9);
    memcpy(rows[*n].id, f[0], 10);
    assert_int_equal(hlm_kind_parse(f[2], strlen(f[2]), &rows[*n].kind),
                     HLM_OK);
    (*n)++;
  }
  fclose(fp);
  return rows;
}

static orgrow *org_find(orgrow *rows, size_t n, const char *id) {
  size_t i;
  for (i = 0; i < n; i++)
    if (strncmp(rows[i].id, id, 9) == 0)
      return &rows[i];
  return NULL;
}

/* ---- tests ---- */

/* demo_luhn_digit gives the one key hlm_siren_valid accepts. */
static void test_luhn_key(void **state) {
  char s[10];
  int i, k, d;
  (void)state;
  for (i = 0; i < 200; i++) {
    snprintf(s, sizeof s, "%08d", i * 4999 + 12345);
    k = demo_luhn_digit(s, 8);
    for (d = 0; d < 10; d++) {
      s[8] = (char)('0' + d);
      s[9] = '\0';
      assert_int_equal(hlm_siren_valid(s, 9), d == k);
    }
  }
}

/* Same seed, same bytes; another seed, other bytes. */
static void test_deterministic(void **state) {
  run a, b, c;
  size_t i;
  (void)state;
  generate(&a, 42, 30000);
  generate(&b, 42, 30000);
  generate(&c, 43, 30000);
  assert_int_equal(a.sum.n_files, b.sum.n_files);
  for (i = 0; i < a.sum.n_files; i++) {
    char pa[512], pb[512];
    size_t la, lb;
    char *xa, *xb;
    assert_string_equal(a.sum.files[i].name, b.sum.files[i].name);
    path_of(&a, a.sum.files[i].name, pa, sizeof pa);
    path_of(&b, b.sum.files[i].name, pb, sizeof pb);
    xa = slurp(pa, &la);
    xb = slurp(pb, &lb);
    assert_int_equal(la, lb);
    assert_memory_equal(xa, xb, la);
    free(xa);
    free(xb);
  }
  {
    static const char *const names[] = {"organisms.csv", "rpls-2025.csv",
                                        "foyers.csv"};
    for (i = 0; i < 3; i++) {
      char pa[512], pc[512];
      size_t la, lc;
      char *xa, *xc;
      path_of(&a, names[i], pa, sizeof pa);
      path_of(&c, names[i], pc, sizeof pc);
      xa = slurp(pa, &la);
      xc = slurp(pc, &lc);
      assert_true(la != lc || memcmp(xa, xc, la) != 0);
      free(xa);
      free(xc);
    }
  }
  cleanup(&a);
  cleanup(&b);
  cleanup(&c);
}

/* Every SIREN valid and unique; groups point at organisms; submission
 * headers carry a valid SIRET of their owner and their line count. */
static void test_identifiers(void **state) {
  run r;
  size_t n, i, j;
  orgrow *rows;
  char p[512], line[4096];
  char *f[80];
  FILE *fp;
  (void)state;
  generate(&r, 5, 20000);
  rows = read_orgs(&r, &n);
  assert_true(n >= 550 && n <= 700);
  for (i = 0; i < n; i++) {
    assert_true(hlm_siren_valid(rows[i].id, 9));
    for (j = i + 1; j < n; j++)
      assert_string_not_equal(rows[i].id, rows[j].id);
  }
  path_of(&r, "groups.csv", p, sizeof p);
  fp = fopen(p, "r");
  assert_non_null(fp);
  assert_non_null(fgets(line, sizeof line, fp));
  assert_string_equal(line, "id;name;kind;head_id;departement\n");
  while (fgets(line, sizeof line, fp)) {
    orgrow *h;
    assert_int_equal(split(line, f, 80), 5);
    h = org_find(rows, n, f[3]);
    assert_non_null(h);
    assert_true(strcmp(f[2], "SOC_COORDINATION") == 0
                    ? h->kind == HLM_KIND_SOC_COORDINATION
                    : h->kind == HLM_KIND_ESH);
    assert_true(hlm_dept_valid(f[4], strlen(f[4])));
  }
  fclose(fp);
  for (i = 0; i < r.sum.n_files; i++) {
    const demo_file *df = &r.sum.files[i];
    int64_t lines = 0;
    if (strstr(df->name, ".txt") == NULL)
      continue;
    path_of(&r, df->name, p, sizeof p);
    fp = fopen(p, "r");
    assert_non_null(fp);
    assert_non_null(fgets(line, sizeof line, fp));
    assert_int_equal(split(line, f, 80), 12);
    assert_int_equal(strlen(f[1]), 9); /* ministry number */
    assert_true(demo_siret_valid(f[9], strlen(f[9])));
    assert_non_null(org_find(rows, n, f[9]));
    assert_memory_equal(f[9], df->name + 10, 9); /* rpls-YYYY-<siren> */
    assert_int_equal(num(f[10]), df->rows);
    while (fgets(line, sizeof line, fp)) {
      assert_int_equal(split(line, f, 80), 64);
      assert_true(hlm_depcom_valid(f[3], strlen(f[3])));
      lines++;
    }
    assert_int_equal(lines, df->rows);
    fclose(fp);
  }
  free(rows);
  cleanup(&r);
}

static int in_list(const char *s, const char *const *list) {
  for (; *list; list++)
    if (strcmp(s, *list) == 0)
      return 1;
  return 0;
}

/* Reads every RPLS file of r: tallies per owner, checks each line's
 * columns and codes (rpls.md). */
static void read_rpls(run *r, orgrow *rows, size_t n) {
  static const char *const head =
      "siren;manager;DEPCOM;CODEPOSTAL;DROIT_CODE;TYPECONST_CODE;NBPIECE;"
      "SURFHAB;CONSTRUCT;LOCAT;PATRIMOINE;ORIGINE;FINAN_CODE;CONV;QPV_CODE;"
      "DPEENERGIE;DPESERRE\n";
  static const char *const finan_old[] = {"50", "51", "52", "53",
                                          "54", "55", "99", NULL};
  static const char *const finan_new[] = {"10", "11", "12", "13", "14",
                                          "15", "16", "17", "49", NULL};
  size_t i;
  char p[512], line[4096];
  char *f[80];
  orgrow *last = NULL;
  /* submission files first: their owners */
  for (i = 0; i < r->sum.n_files; i++) {
    const demo_file *df = &r->sum.files[i];
    orgrow *o;
    char yy[5];
    int y;
    if (strstr(df->name, ".txt") == NULL)
      continue;
    memcpy(yy, df->name + 5, 4); /* rpls-YYYY-<siren>.txt */
    yy[4] = '\0';
    y = num(yy) == DEMO_YEAR_LATEST ? 0 : 1;
    o = org_find(rows, n, df->name + 10);
    assert_non_null(o);
    o->submit[y] = 1;
    o->lines[y] += df->rows;
  }
  for (i = 0; i < r->sum.n_files; i++) {
    const demo_file *df = &r->sum.files[i];
    FILE *fp;
    int64_t lines = 0;
    int y, year;
    if (strcmp(df->import_kind, "rpls") != 0 || !df->year)
      continue;
    year = df->year;
    y = year == DEMO_YEAR_LATEST ? 0 : 1;
    path_of(r, df->name, p, sizeof p);
    fp = fopen(p, "r");
    assert_non_null(fp);
    assert_non_null(fgets(line, sizeof line, fp));
    assert_string_equal(line, head);
    while (fgets(line, sizeof line, fp)) {
      orgrow *o;
      int construct, locat, patrimoine;
      assert_int_equal(split(line, f, 80), 17);
      /* lines come grouped by owner: try the previous one first */
      o = last && strncmp(last->id, f[0], 10) == 0 ? last
                                                   : org_find(rows, n, f[0]);
      last = o;
      assert_non_null(o);
      assert_true(hlm_kind_is_counting(o->kind));
      assert_false(o->submit[y]); /* not in both shapes the same year */
      o->lines[y]++;
      if (*f[1]) {
        orgrow *m = org_find(rows, n, f[1]);
        assert_non_null(m);
        assert_true(hlm_kind_is_counting(m->kind));
        assert_string_not_equal(f[0], f[1]);
      }
      assert_true(hlm_depcom_valid(f[2], strlen(f[2])));
      assert_int_equal(strlen(f[3]), 5);
      assert_true(f[4][0] >= '1' && f[4][0] <= '5' && !f[4][1]);
      assert_true(strcmp(f[5], "C") == 0 || strcmp(f[5], "I") == 0);
      assert_true(f[6][0] >= '1' && f[6][0] <= '9' && !f[6][1]);
      assert_true(num(f[7]) >= 9 && num(f[7]) <= 999);
      construct = (int)num(f[8]);
      locat = (int)num(f[9]);
      patrimoine = (int)num(f[10]);
      assert_true(construct >= 1800 && construct <= year - 1);
      assert_true(locat >= construct && locat <= year - 1);
      assert_true(patrimoine >= construct - 1 && patrimoine <= year - 1);
      assert_true(f[11][0] >= '1' && f[11][0] <= '4' && !f[11][1]);
      assert_true(in_list(f[12], finan_old) || in_list(f[12], finan_new));
      assert_true(strcmp(f[13], "1") == 0 || strcmp(f[13], "2") == 0);
      if (o->kind == HLM_KIND_SEM_AGREE) /* rpls.md: SEM non-conv. left out */
        assert_string_equal(f[13], "1");
      assert_true(strcmp(f[14], "1") == 0 || strcmp(f[14], "2") == 0);
      assert_true(f[15][0] >= 'A' && f[15][0] <= 'G' && !f[15][1]);
      assert_true(f[16][0] >= 'A' && f[16][0] <= 'G' && !f[16][1]);
      lines++;
    }
    assert_int_equal(lines, df->rows);
    fclose(fp);
  }
}

/* The latest year holds exactly --dwellings lines; codes are well formed. */
static void test_rpls_lines(void **state) {
  run r;
  size_t n, i;
  orgrow *rows;
  int64_t latest = 0, early = 0, submitted = 0;
  (void)state;
  generate(&r, 3, 25000);
  rows = read_orgs(&r, &n);
  read_rpls(&r, rows, n);
  for (i = 0; i < n; i++) {
    latest += rows[i].lines[0];
    early += rows[i].lines[1];
    if (rows[i].submit[0] || rows[i].submit[1])
      submitted++;
    if (!hlm_kind_is_counting(rows[i].kind)) /* no stock for the others */
      assert_int_equal(rows[i].lines[0] + rows[i].lines[1], 0);
  }
  assert_int_equal(latest, 25000);
  assert_int_equal(r.sum.dwellings_latest, 25000);
  assert_int_equal(early, r.sum.dwellings_early);
  assert_true(early > 20000 && early < 25000);
  assert_true(submitted >= 2);
  assert_non_null(find_file(&r, "rpls-2020.csv"));
  free(rows);
  cleanup(&r);
}

/* Heavy tail, at a 25th of the national size with every threshold
 * scaled alike: a few giants (> 100 000 nationally), most under
 * 12 000, some under 1 500, and organisms of counting kinds with no
 * stock at all (MISSING_FACT). */
#define SCALE 25
static void test_heavy_tail(void **state) {
  const int64_t n_lines = DEMO_DWELLINGS_NATIONAL / SCALE;
  run r;
  size_t n, i;
  orgrow *rows;
  int over_100k = 0, under_12k = 0, under_1500 = 0, owners = 0, none = 0;
  (void)state;
  generate(&r, 1, n_lines);
  rows = read_orgs(&r, &n);
  read_rpls(&r, rows, n);
  for (i = 0; i < n; i++) {
    int64_t s = rows[i].lines[0];
    if (!hlm_kind_is_counting(rows[i].kind))
      continue;
    if (s == 0) {
      none++;
      continue;
    }
    owners++;
    over_100k += s > 100000 / SCALE;
    under_12k += s < 12000 / SCALE;
    under_1500 += s < 1500 / SCALE;
  }
  assert_true(over_100k >= 3 && over_100k <= 12);
  assert_true(under_12k * 2 > owners);
  assert_true(under_1500 * 10 > owners);
  assert_true(none >= 1);
  assert_int_equal(none, r.sum.orgs_without_stock);
  free(rows);
  cleanup(&r);
}

/* The project's importers accept the files (formats.md). */
static void test_imports(void **state) {
  static const char *const kinds[] = {
      "organisms", "groups",   "foyers",     "holdings",    "statutes",
      "transfers", "dividends", "capital_ops", "loans",      "financials",
      "cooperation", "services", "usage",     "invoices"};
  static const char *const files[] = {
      "organisms.csv",   "groups.csv",    "foyers.csv",   "holdings.csv",
      "statutes.csv",    "transfers.csv", "dividends.csv", "capital_ops.csv",
      "loans.csv",       "financials.csv", "cooperation.csv", "services.csv",
      "usage.csv",       "invoices.csv"};
  run r;
  hlm_store *s = NULL;
  hlm_error e;
  char db[512], p[512];
  size_t i;
  (void)state;
  generate(&r, 9, 20000);
  path_of(&r, "test.db", db, sizeof db);
  hlm_error_clear(&e);
  assert_int_equal(hlm_store_open(&s, db, &e), HLM_OK);
  for (i = 0; i < sizeof kinds / sizeof *kinds; i++) {
    const hlm_import_kind *k = hlm_import_kind_find(kinds[i]);
    hlm_import_opts io;
    hlm_import_report rep;
    hlm_diags d;
    int rc;
    assert_non_null(k);
    hlm_import_opts_init(&io);
    hlm_diags_init(&d, 10);
    path_of(&r, files[i], p, sizeof p);
    rc = k->run(s, p, &io, &rep, &d, &e);
    if (rc != HLM_OK) {
      char buf[1024];
      hlm_error_format(d.n ? &d.items[0] : &e, buf, sizeof buf);
      fail_msg("import %s: %s", kinds[i], buf);
    }
    assert_non_null(find_file(&r, files[i]));
    assert_int_equal(rep.rows, find_file(&r, files[i])->rows);
    assert_true(rep.rows > 0);
    hlm_diags_free(&d);
  }
  hlm_store_close(s);
  remove_db(db);
  cleanup(&r);
}

/* The capital and money files name only organisms of organisms.csv
 * (persons and funds apart), and of the right kinds: every SA d'HLM has a
 * cap table and statutes are for SA d'HLM only; loans and accounts are
 * between organisms of the world; the seed does not matter. */
static int ref_ok(const hlm_strset *ids, const char *s) {
  return (s[0] && s[1] == ':') || hlm_strset_has(ids, s, strlen(s));
}

static void check_refs(const run *r, const char *name, const int *cols,
                       int n_cols, const hlm_strset *ids, int64_t *rows) {
  char p[512], line[2048];
  char *f[32];
  FILE *fp;
  int k;
  path_of(r, name, p, sizeof p);
  fp = fopen(p, "r");
  assert_non_null(fp);
  assert_non_null(fgets(line, sizeof line, fp));
  *rows = 0;
  while (fgets(line, sizeof line, fp)) {
    int n = split(line, f, 32);
    for (k = 0; k < n_cols; k++) {
      assert_true(cols[k] < n);
      if (!ref_ok(ids, f[cols[k]]))
        fail_msg("%s: « %s » absent de organisms.csv", name, f[cols[k]]);
    }
    (*rows)++;
  }
  fclose(fp);
  assert_int_equal(*rows, find_file(r, name)->rows);
}

static void test_capital_refs(void **state) {
  static const struct {
    const char *name;
    int cols[3], n;
  } files[] = {
      {"holdings.csv", {0, 1}, 2},     {"statutes.csv", {0}, 1},
      {"transfers.csv", {1, 2, 3}, 3}, {"dividends.csv", {0}, 1},
      {"capital_ops.csv", {0}, 1},     {"loans.csv", {1, 2}, 2},
      {"financials.csv", {0}, 1},      {"cooperation.csv", {0, 1}, 2},
      {"services.csv", {0}, 1},        {"usage.csv", {0, 3}, 2},
      {"invoices.csv", {0, 1}, 2},
  };
  static const uint64_t seeds[] = {2, 17};
  size_t si;
  (void)state;
  for (si = 0; si < sizeof seeds / sizeof *seeds; si++) {
    run r;
    size_t n, i;
    orgrow *rows;
    hlm_strset ids, esh, with_table;
    char p[512], line[2048];
    char *f[32];
    FILE *fp;
    int64_t count;
    generate(&r, seeds[si], 12000);
    rows = read_orgs(&r, &n);
    hlm_strset_init(&ids);
    hlm_strset_init(&esh);
    hlm_strset_init(&with_table);
    for (i = 0; i < n; i++) {
      assert_true(hlm_strset_add(&ids, rows[i].id, 9) >= 0);
      if (rows[i].kind == HLM_KIND_ESH)
        assert_true(hlm_strset_add(&esh, rows[i].id, 9) >= 0);
    }
    for (i = 0; i < sizeof files / sizeof *files; i++) {
      check_refs(&r, files[i].name, files[i].cols, files[i].n, &ids, &count);
      assert_true(count > 0);
    }
    /* every SA d'HLM has a cap table; statutes are for SA d'HLM only */
    path_of(&r, "holdings.csv", p, sizeof p);
    fp = fopen(p, "r");
    assert_non_null(fp);
    assert_non_null(fgets(line, sizeof line, fp));
    while (fgets(line, sizeof line, fp)) {
      assert_int_equal(split(line, f, 32), 8);
      assert_true(hlm_strset_add(&with_table, f[0], strlen(f[0])) >= 0);
    }
    fclose(fp);
    for (i = 0; i < n; i++)
      if (rows[i].kind == HLM_KIND_ESH &&
          !hlm_strset_has(&with_table, rows[i].id, 9))
        fail_msg("SA d'HLM %s sans actionnariat", rows[i].id);
    path_of(&r, "statutes.csv", p, sizeof p);
    fp = fopen(p, "r");
    assert_non_null(fp);
    assert_non_null(fgets(line, sizeof line, fp));
    while (fgets(line, sizeof line, fp)) {
      assert_int_equal(split(line, f, 32), 3);
      assert_true(hlm_strset_has(&esh, f[0], strlen(f[0])));
    }
    fclose(fp);
    hlm_strset_free(&ids);
    hlm_strset_free(&esh);
    hlm_strset_free(&with_table);
    free(rows);
    cleanup(&r);
  }
}

/* The RPLS files through the RPLS importer: skipped while the reader is
 * not in this build (it reports itself unavailable). */
static void test_import_rpls(void **state) {
  run r;
  hlm_store *s = NULL;
  hlm_error e;
  char db[512], p[512];
  size_t i;
  int unavailable = 0;
  (void)state;
  generate(&r, 11, 20000);
  path_of(&r, "test.db", db, sizeof db);
  hlm_error_clear(&e);
  assert_int_equal(hlm_store_open(&s, db, &e), HLM_OK);
  for (i = 0; i < r.sum.n_files && !unavailable; i++) {
    const demo_file *df = &r.sum.files[i];
    hlm_import_opts io;
    hlm_import_report rep;
    hlm_diags d;
    int rc;
    hlm_import_opts_init(&io);
    io.year = df->year;
    hlm_diags_init(&d, 10);
    path_of(&r, df->name, p, sizeof p);
    hlm_error_clear(&e);
    rc = hlm_import_kind_find(df->import_kind)->run(s, p, &io, &rep, &d, &e);
    if (rc == HLM_EINTERNAL && strstr(e.message, "indisponible")) {
      unavailable = 1;
    } else if (rc != HLM_OK) {
      char buf[1024];
      hlm_error_format(d.n ? &d.items[0] : &e, buf, sizeof buf);
      fail_msg("import %s: %s", df->name, buf);
    } else {
      assert_int_equal(rep.rows, df->rows);
    }
    hlm_diags_free(&d);
  }
  hlm_store_close(s);
  remove_db(db);
  cleanup(&r);
  if (unavailable)
    skip();
}

/* Bit-identical everywhere: a pinned digest of one small data set.  When
 * a change to the generator is meant to change the data, update the
 * digests below (the failure message prints the new ones). */
/* organisms.csv cut to its first n columns (in place); returns the new
 * length. */
static size_t cut_columns(char *x, size_t len, int n) {
  size_t i, o = 0;
  int col = 0;
  for (i = 0; i < len; i++) {
    if (x[i] == '\n') {
      col = 0;
      x[o++] = '\n';
      continue;
    }
    if (x[i] == ';' && ++col >= n)
      continue;
    if (col < n)
      x[o++] = x[i];
  }
  return o;
}

static void test_golden(void **state) {
  static const struct {
    const char *name;
    uint64_t fnv;
    int cut; /* columns kept before hashing, 0: all */
  } golden[] = {
      {"organisms.csv", GOLDEN_ORGANISMS, 10},
      {"organisms.csv", GOLDEN_ORGANISMS_ALL, 0},
      {"groups.csv", GOLDEN_GROUPS, 0},
      {"foyers.csv", GOLDEN_FOYERS, 0},
      {"rpls-2025.csv", GOLDEN_RPLS_2025, 0},
      {"holdings.csv", GOLDEN_HOLDINGS, 0},
      {"statutes.csv", GOLDEN_STATUTES, 0},
      {"transfers.csv", GOLDEN_TRANSFERS, 0},
      {"dividends.csv", GOLDEN_DIVIDENDS, 0},
      {"capital_ops.csv", GOLDEN_CAPITAL_OPS, 0},
      {"loans.csv", GOLDEN_LOANS, 0},
      {"financials.csv", GOLDEN_FINANCIALS, 0},
      {"cooperation.csv", GOLDEN_COOPERATION, 0},
      {"services.csv", GOLDEN_SERVICES, 0},
      {"usage.csv", GOLDEN_USAGE, 0},
      {"invoices.csv", GOLDEN_INVOICES, 0},
  };
  run r;
  size_t i;
  int bad = 0;
  (void)state;
  generate(&r, 1, 5000);
  for (i = 0; i < sizeof golden / sizeof golden[0]; i++) {
    char p[512];
    size_t len;
    char *x;
    uint64_t h;
    path_of(&r, golden[i].name, p, sizeof p);
    x = slurp(p, &len);
    if (golden[i].cut)
      len = cut_columns(x, len, golden[i].cut);
    h = hlm_fnv1a(x, len);
    if (h != golden[i].fnv) {
      print_message("%s (%d): FNV-1a 0x%016llxULL, attendu 0x%016llxULL\n",
                    golden[i].name, golden[i].cut, (unsigned long long)h,
                    (unsigned long long)golden[i].fnv);
      bad = 1;
    }
    free(x);
  }
  cleanup(&r);
  assert_false(bad);
}

static void test_bounds(void **state) {
  demo_opts o;
  demo_summary sum;
  hlm_error e;
  (void)state;
  memset(&o, 0, sizeof o);
  o.dwellings = DEMO_DWELLINGS_MIN - 1;
  hlm_error_clear(&e);
  assert_int_equal(demo_generate(&o, "/nonexistent", &sum, &e), HLM_EUSAGE);
  demo_summary_free(&sum);
  o.dwellings = DEMO_DWELLINGS_MIN;
  assert_int_equal(demo_generate(&o, "/nonexistent/dir", &sum, &e), HLM_EIO);
  demo_summary_free(&sum);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_luhn_key),    cmocka_unit_test(test_deterministic),
      cmocka_unit_test(test_identifiers), cmocka_unit_test(test_rpls_lines),
      cmocka_unit_test(test_heavy_tail),  cmocka_unit_test(test_imports),
      cmocka_unit_test(test_import_rpls), cmocka_unit_test(test_golden),
      cmocka_unit_test(test_bounds),      cmocka_unit_test(test_capital_refs),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
