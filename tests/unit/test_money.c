/*
 * test_money.c: integer cents (src/base/money.c): French display
 * ("1 234 567,89 €") and parsing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "hlm/error.h"
#include "hlm/money.h"

static void expect_fmt(hlm_cents c, const char *want) {
  char buf[40];
  hlm_money_format(c, buf, sizeof buf);
  assert_string_equal(buf, want);
}

static void test_format(void **state) {
  (void)state;
  expect_fmt(0, "0,00 €");
  expect_fmt(5, "0,05 €");
  expect_fmt(100, "1,00 €");
  expect_fmt(99999, "999,99 €");
  expect_fmt(100000, "1 000,00 €");
  expect_fmt(123456789, "1 234 567,89 €");
  expect_fmt(-5, "-0,05 €");
  expect_fmt(-123456789, "-1 234 567,89 €");
  /* the extremes: no overflow when negating INT64_MIN */
  expect_fmt(INT64_MAX, "92 233 720 368 547 758,07 €");
  expect_fmt(INT64_MIN, "-92 233 720 368 547 758,08 €");
}

static void test_format_truncates(void **state) {
  char buf[6];
  (void)state;
  hlm_money_format(123456789, buf, sizeof buf);
  assert_int_equal(strlen(buf), 5); /* bounded, NUL-terminated */
}

static void expect_parse(const char *s, int rc, hlm_cents want) {
  hlm_cents v = -42;
  assert_int_equal(hlm_cents_parse(s, strlen(s), &v), rc);
  assert_true(rc == HLM_OK ? v == want : v == -42);
}

static void test_parse(void **state) {
  (void)state;
  expect_parse("0", HLM_OK, 0);
  expect_parse("123456", HLM_OK, 123456);
  expect_parse("-1", HLM_OK, -1);
  expect_parse("9223372036854775807", HLM_OK, INT64_MAX);
  expect_parse("-9223372036854775807", HLM_OK, -INT64_MAX);
  expect_parse("9223372036854775808", HLM_EINPUT, 0);
  expect_parse("99999999999999999999", HLM_EINPUT, 0);
  expect_parse("", HLM_EINPUT, 0);
  expect_parse("-", HLM_EINPUT, 0);
  expect_parse("12,50", HLM_EINPUT, 0);
  expect_parse("1 000", HLM_EINPUT, 0);
  expect_parse("+5", HLM_EINPUT, 0);
  expect_parse("12a", HLM_EINPUT, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_format),
      cmocka_unit_test(test_format_truncates),
      cmocka_unit_test(test_parse),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
