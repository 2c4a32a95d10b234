/*
 * test_alloc.c: src/base/alloc.c's failure hook, driven through the law
 * room: the Nth allocation of hlm_count_all, hlm_eval_init and hlm_check
 * fails, for every N until the call succeeds.  Each failing call must
 * return HLM_ENOMEM (with the error record set) and leave nothing
 * allocated: under ASan (scripts/test.sh) LeakSanitizer checks the last
 * part at exit.  The facts reach every finding path of the rules in force
 * at the two dates (1993 and 2012 texts with the ELAN announcement;
 * R411-6 and the ELAN texts).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "hlm/alloc.h"
#include "hlm/law.h"

static hlm_date d(const char *s) {
  hlm_date t;
  assert_int_equal(hlm_date_parse(s, strlen(s), &t), HLM_OK);
  return t;
}

static void org(hlm_facts *f, const char *id, hlm_kind k, const char *dep,
                const char *group, int accession, int contribution) {
  hlm_organism *o = &f->orgs[f->n_orgs++];
  memset(o, 0, sizeof *o);
  strcpy(o->id, id);
  o->name = hlm_strdup(id);
  o->kind = k;
  strcpy(o->departement, dep);
  strcpy(o->group_id, group);
  o->accession_main_activity = accession;
  o->loans_granted_10y = -1;
  o->insufficient_mission_contribution = contribution;
  o->turnover_avg_3y_cents = -1;
  o->share_nominal_cents = -1;
}

static void stock(hlm_facts *f, int year, const char *owner,
                  const char *manager, int64_t lines, int64_t conv,
                  int64_t pre77, int64_t built10, int64_t entered6) {
  hlm_stock_agg *a = &f->stock[f->n_stock++];
  memset(a, 0, sizeof *a);
  a->year = year;
  strcpy(a->owner, owner);
  strcpy(a->manager, manager);
  a->lines = lines;
  a->conv = conv;
  a->pre77_nc = pre77;
  a->built10 = built10;
  a->entered6 = entered6;
}

static void group(hlm_facts *f, const char *id, const char *head,
                  const char *dep) {
  hlm_group *g = &f->groups[f->n_groups++];
  memset(g, 0, sizeof *g);
  strcpy(g->id, id);
  g->name = hlm_strdup(id);
  g->kind = HLM_GROUP_CONTROL;
  strcpy(g->head_id, head);
  strcpy(g->departement, dep);
}

static void build(hlm_facts *f) {
  int y;
  memset(f, 0, sizeof *f);
  f->orgs = hlm_calloc(16, sizeof *f->orgs);
  f->groups = hlm_calloc(8, sizeof *f->groups);
  f->stock = hlm_calloc(32, sizeof *f->stock);
  f->foyers = hlm_calloc(4, sizeof *f->foyers);
  assert_non_null(f->foyers);
  org(f, "A", HLM_KIND_OPH, "13", "", 0, 0);
  org(f, "B", HLM_KIND_SEM_AGREE, "13", "", -1, -1);
  org(f, "C", HLM_KIND_COOP, "48", "", 1, 1);
  org(f, "D", HLM_KIND_ESH, "69", "G2", 0, 0);
  org(f, "E", HLM_KIND_OPH, "75", "", 0, 0);
  org(f, "U", HLM_KIND_ESH, "69", "G1", 0, 0);
  org(f, "V", HLM_KIND_ESH, "75", "", 0, -1);
  org(f, "X", HLM_KIND_ESH, "75", "GX", 0, 0);
  group(f, "G1", "U", "69");
  group(f, "G2", "D", "69");
  group(f, "G3", "NOBODY", "69");
  for (y = 2019; y <= 2021; y += 2) {
    stock(f, y, "A", "", 13000, 11000, 0, 0, 0);
    stock(f, y, "C", "", 1000, 1000, 0, 0, 10);
    stock(f, y, "D", "", 100, 100, 0, 0, 0);
    stock(f, y, "E", "", 60000, 60000, 0, 0, 0);
    stock(f, y, "E", "Z", 5, 5, 0, 0, 0);
    stock(f, y, "V", "", 1000, 900, 50, 0, 0);
    stock(f, y, "X", "", 20, 20, 0, 0, 0);
  }
  strcpy(f->foyers[0].owner, "A");
  f->foyers[0].beds = 5;
  f->foyers[0].conv = 1;
  f->foyers[0].construct = 2000;
  f->foyers[0].year = 2019;
  f->foyers[0].dwellings = -1;
  strcpy(f->foyers[0].structure_id, "F1");
  f->foyers[1] = f->foyers[0];
  strcpy(f->foyers[1].structure_id, "F2");
  f->foyers[1].autonomous = 1;
  f->foyers[1].dwellings = 12;
  f->foyers[2] = f->foyers[0];
  strcpy(f->foyers[2].structure_id, "F3");
  strcpy(f->foyers[2].manager, "Z");
  f->n_foyers = 3;
  hlm_facts_sort(f);
}

/* One evaluation: count, then eval + check.  Returns the status, the
 * number of findings in *nf. */
static int evaluate(const hlm_facts *f, hlm_date as_of, size_t *nf,
                    hlm_error *e) {
  hlm_count *c = NULL;
  hlm_eval ev;
  hlm_findings out = {0};
  int rc;
  *nf = 0;
  rc = hlm_count_all(f, as_of, HLM_COUNT_BY_DATE, &c, e);
  if (rc < 0) {
    assert_null(c);
    return rc;
  }
  hlm_counts_free(c, f->n_orgs);
  rc = hlm_eval_init(&ev, f, as_of, e);
  if (rc < 0)
    return rc;
  rc = hlm_check(&ev, NULL, &out, e);
  *nf = out.n;
  hlm_findings_clear(&out);
  hlm_eval_free(&ev);
  return rc;
}

static void sweep(const char *date, size_t min_findings) {
  hlm_facts f;
  hlm_error e;
  size_t want, got;
  long n, failures = 0;
  build(&f);
  hlm_error_clear(&e);
  assert_int_equal(evaluate(&f, d(date), &want, &e), HLM_OK);
  assert_true(want >= min_findings);
  for (n = 0; n < 100000; n++) {
    int rc;
    hlm_error_clear(&e);
    hlm_alloc_fail_after(n);
    rc = evaluate(&f, d(date), &got, &e);
    hlm_alloc_fail_after(-1);
    if (rc == HLM_OK) {
      assert_int_equal(got, want); /* the same result once memory suffices */
      break;
    }
    assert_int_equal(rc, HLM_ENOMEM);
    assert_int_equal(e.code, HLM_ENOMEM);
    assert_true(e.message[0] != '\0');
    failures++;
  }
  assert_true(failures > 50); /* the sweep went through many allocations */
  hlm_facts_clear(&f);
}

static void test_enomem_before_2021(void **state) {
  (void)state;
  /* OVER_50000 (E), GROUP_REQUIRED_SOON (A), DISSOLUTION_POSSIBLE or
   * MISSING_FACT (L423-1 2012: unknown loans), UNKNOWN_REFERENCE (X, G3,
   * E's manager Z, A's foyer) */
  sweep("2019-06-30", 6);
}

static void test_enomem_elan(void **state) {
  (void)state;
  /* GROUP_REQUIRED, exemptions, MISSING_FACT on G1 (U unknown),
   * DISSOLUTION_POSSIBLE (C), MISSING_FACT (V contribution), references */
  sweep("2021-06-30", 6);
}

static void test_hook_counts_allocations(void **state) {
  void *p, *q;
  (void)state;
  hlm_alloc_fail_after(2);
  p = hlm_malloc(8);
  q = hlm_strdup("x");
  assert_non_null(p);
  assert_non_null(q);
  assert_null(hlm_calloc(1, 8));
  assert_null(hlm_realloc(p, 16)); /* p is still ours */
  hlm_alloc_fail_after(-1);
  hlm_free(p);
  hlm_free(q);
  hlm_free(NULL);
  assert_null(hlm_strdup(NULL));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_hook_counts_allocations),
      cmocka_unit_test(test_enomem_before_2021),
      cmocka_unit_test(test_enomem_elan),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
