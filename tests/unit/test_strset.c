/*
 * test_strset.c: src/base/strset.c, the set used to find duplicate keys
 * in an input file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "base/strset.h"

static void test_add_has(void **state) {
  hlm_strset s;
  (void)state;
  hlm_strset_init(&s);
  assert_false(hlm_strset_has(&s, "a", 1)); /* empty set */
  assert_int_equal(hlm_strset_add(&s, "a", 1), 1);
  assert_int_equal(hlm_strset_add(&s, "a", 1), 0);
  assert_int_equal(hlm_strset_add(&s, "ab", 2), 1);
  assert_true(hlm_strset_has(&s, "ab", 2));
  assert_false(hlm_strset_has(&s, "b", 1));
  /* keys are bytes: a prefix or an embedded NUL is another key */
  assert_int_equal(hlm_strset_add(&s, "a\0b", 3), 1);
  assert_int_equal(hlm_strset_add(&s, "a\0c", 3), 1);
  assert_int_equal(hlm_strset_add(&s, "", 0), 1);
  assert_int_equal(hlm_strset_add(&s, "", 0), 0);
  assert_int_equal(s.n, 5);
  hlm_strset_free(&s);
  assert_int_equal(s.n, 0);
}

static void test_growth(void **state) {
  hlm_strset s;
  char k[32];
  int i;
  (void)state;
  hlm_strset_init(&s);
  for (i = 0; i < 5000; i++) {
    int n = snprintf(k, sizeof k, "552081317\x1f%d", i);
    assert_int_equal(hlm_strset_add(&s, k, (size_t)n), 1);
  }
  for (i = 0; i < 5000; i++) {
    int n = snprintf(k, sizeof k, "552081317\x1f%d", i);
    assert_true(hlm_strset_has(&s, k, (size_t)n));
    assert_int_equal(hlm_strset_add(&s, k, (size_t)n), 0);
  }
  assert_int_equal(s.n, 5000);
  assert_true(s.cap >= 10000); /* kept at most half full */
  assert_int_equal(s.cap & (s.cap - 1), 0);
  hlm_strset_free(&s);
}

static void test_fnv1a(void **state) {
  (void)state;
  /* FNV-1a 64-bit reference values: "" is the offset basis; "a" is
   * 0xaf63dc4c8601ec8c (published test vector) */
  assert_true(hlm_fnv1a("", 0) == 0xcbf29ce484222325ULL);
  assert_true(hlm_fnv1a("a", 1) == 0xaf63dc4c8601ec8cULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_add_has),
      cmocka_unit_test(test_growth),
      cmocka_unit_test(test_fnv1a),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
