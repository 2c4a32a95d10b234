/*
 * test_rpls_fast.c: the fast path of the RPLS line check (rpls_parse.c,
 * fast_fields) against the field-by-field check it shortcuts.
 *
 * The fast path is a second reading of the field checks, kept for speed:
 * it must accept only lines the field-by-field check accepts, and store
 * the same values and notes.  Every data line of the RPLS test files
 * (tests/data, tests/badinput) and thousands of deterministic mutations
 * of them (a byte replaced by one of the bytes the checks care about, a
 * byte removed, a field emptied, a field doubled) are checked twice, with
 * the fast path and without it (ctx.fast = NULL); the results must be the
 * same: valid or not, the same set columns and values, the same notes,
 * the same number of errors and the same first message.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "hlm/hlm.h"
#include "io/rpls_int.h"

#define MUTATIONS 200 /* per line */

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static uint32_t below(uint32_t n) {
  uint64_t z = (rng += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return (uint32_t)((z ^ (z >> 31)) % n);
}

typedef struct outcome {
  int rc;
  rpls_row row;
  rpls_notes notes;
  size_t errors;
  char first[1024];
} outcome;

static void run_line(rpls_ctx *c, int fast, const char *line, size_t len,
                     rpls_scratch *sc, outcome *o) {
  struct rpls_fast *keep = c->fast;
  char *copy = malloc(len + 1);
  rpls_errs e;
  assert_non_null(copy);
  memcpy(copy, line, len);
  copy[len] = '\0';
  memset(o, 0, sizeof *o);
  memset(&e, 0, sizeof e);
  e.max = 8;
  if (!fast)
    c->fast = NULL;
  o->rc = hlm__rpls_line(c, copy, len, 2, sc, &o->row, &e, &o->notes);
  c->fast = keep;
  o->errors = e.total;
  if (e.n)
    snprintf(o->first, sizeof o->first, "%ld:%s: %s", e.items[0].column,
             e.items[0].field, e.items[0].message);
  hlm__rpls_errs_free(&e);
  free(copy);
}

/* 1 when the two outcomes are the same. */
static int same(const outcome *a, const outcome *b) {
  int c;
  if (a->rc != b->rc || a->errors != b->errors ||
      strcmp(a->first, b->first) != 0 ||
      memcmp(&a->notes, &b->notes, sizeof a->notes) != 0)
    return 0;
  if (a->rc != 1)
    return 1;
  if (memcmp(a->row.set, b->row.set, sizeof a->row.set) != 0)
    return 0;
  for (c = 0; c < DW_N; c++)
    if (rpls_row_has(&a->row, c) && a->row.v[c] != b->row.v[c])
      return 0;
  return 1;
}

typedef struct tally {
  long lines, valid, failed;
} tally;

static void check_both(rpls_ctx *c, const char *file, const char *line,
                       size_t len, rpls_scratch *sc, tally *t) {
  outcome a, b;
  run_line(c, 1, line, len, sc, &a);
  run_line(c, 0, line, len, sc, &b);
  t->lines++;
  t->valid += b.rc == 1;
  if (!same(&a, &b)) {
    t->failed++;
    fprintf(stderr,
            "ÉCHEC %s : « %.*s » : rapide %d (%zu erreurs, %s), champ par "
            "champ %d (%zu erreurs, %s)\n",
            file, (int)len, line, a.rc, a.errors, a.first, b.rc, b.errors,
            b.first);
  }
}

/* A mutation of line[0..len) into out (room for 2 * len + 64 bytes). */
static size_t mutate(const char *line, size_t len, char *out) {
  static const char bytes[] = "0123456789;\"ABCDEGIQPVZ -/.\r\t\xc3\xa9";
  uint32_t what = below(4), at = len ? below((uint32_t)len) : 0;
  size_t n = 0, i, fs = 0, fe;
  switch (what) {
  case 0: /* a byte replaced */
    memcpy(out, line, len);
    if (len)
      out[at] = bytes[below(sizeof bytes - 1)];
    return len;
  case 1: /* a byte removed */
    for (i = 0; i < len; i++)
      if (i != at)
        out[n++] = line[i];
    return n;
  default: /* the field around at emptied (2) or doubled (3) */
    for (i = 0; i < at; i++)
      if (line[i] == ';')
        fs = i + 1;
    for (fe = at; fe < len && line[fe] != ';'; fe++)
      ;
    memcpy(out, line, fs);
    n = fs;
    if (what == 3) {
      memcpy(out + n, line + fs, fe - fs);
      n += fe - fs;
      memcpy(out + n, line + fs, fe - fs);
      n += fe - fs;
    }
    memcpy(out + n, line + fe, len - fe);
    return n + len - fe;
  }
}

static void one_file(const char *name, int year, tally *t) {
  char path[1024], *text = NULL, *p, *end, *header = NULL;
  FILE *f;
  long size;
  rpls_ctx c;
  rpls_scratch sc;
  hlm_import_opts o;
  hlm_diags d;
  hlm_error e;
  size_t hlen = 0;
  long lineno = 0;
  snprintf(path, sizeof path, "%s/%s", HLM_SOURCE_DIR, name);
  f = fopen(path, "rb");
  assert_non_null(f);
  assert_int_equal(fseek(f, 0, SEEK_END), 0);
  size = ftell(f);
  assert_true(size >= 0);
  rewind(f);
  text = malloc((size_t)size + 1);
  assert_non_null(text);
  assert_int_equal(fread(text, 1, (size_t)size, f), (size_t)size);
  text[size] = '\0';
  fclose(f);

  memset(&c, 0, sizeof c);
  memset(&sc, 0, sizeof sc);
  hlm_import_opts_init(&o);
  o.year = year;
  hlm_diags_init(&d, 8);
  hlm_error_clear(&e);
  for (p = text, end = text + size; p < end;) {
    char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
    lineno++;
    if (len && p[len - 1] == '\r')
      len--;
    if (len == 0) {
      /* blank line */
    } else if (!header) {
      header = p;
      hlen = len;
      if (hlm__rpls_header(&c, path, header, hlen, lineno, &o, &d, &e) !=
          HLM_OK)
        break; /* a file whose header is refused has no data line to read */
    } else {
      char *m = malloc(2 * len + 64);
      int k;
      assert_non_null(m);
      check_both(&c, name, p, len, &sc, t);
      for (k = 0; k < MUTATIONS; k++) {
        size_t n = mutate(p, len, m);
        check_both(&c, name, m, n, &sc, t);
      }
      free(m);
    }
    if (!nl)
      break;
    p = nl + 1;
  }
  hlm__rpls_ctx_free(&c);
  hlm__rpls_scratch_free(&sc);
  hlm_diags_free(&d);
  free(text);
}

static void test_fast_path_agrees(void **state) {
  static const struct {
    const char *file;
    int year;
  } files[] = {
      {"tests/data/rpls-od.csv", 2024},
      {"tests/data/rpls-od-crlf.csv", 2024},
      {"tests/data/rpls-od-own2.csv", 2024},
      {"tests/data/rpls-sub.csv", 0},
      {"tests/badinput/rpls-od-bad-conv.csv", 2024},
      {"tests/badinput/rpls-od-bad-depcom.csv", 2024},
      {"tests/badinput/rpls-od-bad-dpe.csv", 2024},
      {"tests/badinput/rpls-od-bad-finan.csv", 2024},
      {"tests/badinput/rpls-od-bad-manager.csv", 2024},
      {"tests/badinput/rpls-od-bad-siren-key.csv", 2024},
      {"tests/badinput/rpls-od-several-errors-capped.csv", 2024},
      {"tests/badinput/rpls-od-year-after-millesime.csv", 2024},
      {"tests/badinput/rpls-od-year-before-1800.csv", 2024},
      {"tests/badinput/rpls-validate-bad-code.csv", 2024},
      {"tests/badinput/rpls-sub-bad-date.csv", 0},
      {"tests/badinput/rpls-sub-bad-droit.csv", 0},
      {"tests/badinput/rpls-sub-bad-month.csv", 0},
      {"tests/badinput/rpls-sub-bad-pos53.csv", 0},
      {"tests/badinput/rpls-sub-bad-typeconst.csv", 0},
      {"tests/badinput/rpls-sub-missing-required.csv", 0},
      {"tests/badinput/rpls-sub-year-after-millesime.csv", 0},
  };
  tally t = {0, 0, 0};
  size_t i;
  (void)state;
  for (i = 0; i < sizeof files / sizeof files[0]; i++)
    one_file(files[i].file, files[i].year, &t);
  printf("%ld lignes (%ld valides), %ld passed, %ld failed\n", t.lines,
         t.valid, t.lines - t.failed, t.failed);
  /* enough of both kinds for the comparison to mean something */
  assert_true(t.lines > 1000);
  assert_true(t.valid > 50);
  assert_true(t.lines - t.valid > 500);
  assert_int_equal(t.failed, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_fast_path_agrees),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
