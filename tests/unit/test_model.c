/*
 * test_model.c: src/model/model.c: SIREN Luhn keys, organism kinds, and
 * the lookups of hlm_facts after hlm_facts_sort.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "hlm/alloc.h"
#include "hlm/error.h"
#include "hlm/model.h"

static int siren(const char *s) { return hlm_siren_valid(s, strlen(s)); }

static void test_siren_luhn(void **state) {
  (void)state;
  /* 552081317 (a real SIREN): from the right, digits at odd positions
   * doubled: 7 + 2 + 3 + 2 + 8 + 0 + 2 + 1 + 5 -> 7+(1*2=2)+3+(1*2=2)
   * +8+(0)+2+(5*2=10->1)+5 = 30, a multiple of 10: valid. */
  assert_true(siren("552081317"));
  assert_true(siren("732829320"));
  assert_true(siren("123456782"));
  assert_true(siren("000000000"));
  assert_false(siren("552081318")); /* key off by one */
  assert_false(siren("123456789"));
  assert_false(siren("55208131"));  /* 8 digits */
  assert_false(siren("5520813170")); /* 10 digits */
  assert_false(siren("55208131A"));
  assert_false(siren(""));
  /* a transposition of two neighbours is caught */
  assert_false(siren("525081317"));
}

static void test_kinds(void **state) {
  hlm_kind k;
  int i;
  (void)state;
  for (i = 1; i < HLM_KIND_COUNT_; i++) {
    const char *n = hlm_kind_name((hlm_kind)i);
    assert_true(n[0] != '\0');
    assert_true(hlm_kind_label_fr((hlm_kind)i)[0] != '\0');
    assert_int_equal(hlm_kind_parse(n, strlen(n), &k), HLM_OK);
    assert_int_equal(k, i);
  }
  assert_int_equal(hlm_kind_parse("oph", 3, &k), HLM_EINPUT);
  assert_int_equal(hlm_kind_parse("OPHX", 4, &k), HLM_EINPUT);
  assert_int_equal(hlm_kind_parse("OP", 2, &k), HLM_EINPUT);
  /* L411-2: OPH, ESH, COOP, SCIC, FONDATION; counting kinds (R411-6): those
   * and the SEM agréées (spec rules-count-thresholds.md) */
  assert_true(hlm_kind_is_l411_2(HLM_KIND_OPH));
  assert_true(hlm_kind_is_l411_2(HLM_KIND_FONDATION));
  assert_false(hlm_kind_is_l411_2(HLM_KIND_SEM_AGREE));
  assert_true(hlm_kind_is_counting(HLM_KIND_SEM_AGREE));
  assert_true(hlm_kind_is_counting(HLM_KIND_SCIC));
  assert_false(hlm_kind_is_counting(HLM_KIND_SEM));
  assert_false(hlm_kind_is_counting(HLM_KIND_SOC_COORDINATION));
  assert_false(hlm_kind_is_counting(HLM_KIND_LOCAL_AUTHORITY));
  assert_string_equal(hlm_kind_name(HLM_KIND_NONE), "");
}

static void test_facts_lookup(void **state) {
  hlm_facts f;
  static const char *ids[] = {"552081317", "123456782", "732829320"};
  size_t i;
  (void)state;
  memset(&f, 0, sizeof f);
  f.orgs = hlm_calloc(3, sizeof *f.orgs);
  f.groups = hlm_calloc(2, sizeof *f.groups);
  f.stock = hlm_calloc(3, sizeof *f.stock);
  assert_non_null(f.orgs);
  for (i = 0; i < 3; i++) {
    strcpy(f.orgs[i].id, ids[i]);
    f.orgs[i].name = hlm_strdup("x");
  }
  strcpy(f.orgs[2].rpls_number, "4471");
  f.n_orgs = 3;
  strcpy(f.groups[0].id, "GZ");
  strcpy(f.groups[1].id, "GA");
  f.groups[0].name = hlm_strdup("z");
  f.groups[1].name = hlm_strdup("a");
  f.n_groups = 2;
  /* stock rows out of order: sorted by owner, then year */
  strcpy(f.stock[0].owner, "B");
  f.stock[0].year = 2021;
  strcpy(f.stock[1].owner, "A");
  f.stock[1].year = 2022;
  strcpy(f.stock[2].owner, "A");
  f.stock[2].year = 2020;
  f.n_stock = 3;
  hlm_facts_sort(&f);
  assert_string_equal(f.orgs[0].id, "123456782");
  assert_int_equal(hlm_facts_org_index(&f, "552081317"), 1);
  assert_int_equal(hlm_facts_org_index(&f, "999999999"), -1);
  assert_null(hlm_facts_org(&f, ""));
  assert_string_equal(hlm_facts_group(&f, "GA")->name, "a");
  assert_null(hlm_facts_group(&f, "GB"));
  assert_string_equal(hlm_facts_org_by_rpls(&f, "4471")->id, "732829320");
  assert_null(hlm_facts_org_by_rpls(&f, ""));
  assert_null(hlm_facts_org_by_rpls(&f, "4472"));
  assert_string_equal(f.stock[0].owner, "A");
  assert_int_equal(f.stock[0].year, 2020);
  assert_int_equal(f.stock[1].year, 2022);
  assert_string_equal(f.stock[2].owner, "B");
  hlm_facts_clear(&f);
  assert_int_equal(f.n_orgs, 0);
  hlm_facts_clear(NULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_siren_luhn),
      cmocka_unit_test(test_kinds),
      cmocka_unit_test(test_facts_lookup),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
