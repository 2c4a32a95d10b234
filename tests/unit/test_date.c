/*
 * test_date.c: civil dates (src/base/date.c): parsing, formatting, leap
 * years, day numbers, and the end-of-month rule of month arithmetic
 * (hlm/date.h: the day is kept, or the last day of the month when it does
 * not exist — Code civil, delays counted in months).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "hlm/date.h"
#include "hlm/error.h"

static hlm_date d(const char *s) {
  hlm_date t = HLM_DATE_NONE;
  assert_int_equal(hlm_date_parse(s, strlen(s), &t), HLM_OK);
  return t;
}

static void expect_date(hlm_date t, const char *want) {
  char buf[11];
  hlm_date_format(t, buf);
  assert_string_equal(buf, want);
}

static void test_parse_valid(void **state) {
  (void)state;
  /* day numbers: 1970-01-01 is 0; 2000-01-01 is 30 years of which 7 leap
   * (1972..1996): 30*365 + 7 = 10957; 2000-03-01 adds 31 + 29 = 11017 */
  assert_int_equal(d("1970-01-01"), 0);
  assert_int_equal(d("1969-12-31"), -1);
  assert_int_equal(d("2000-01-01"), 10957);
  assert_int_equal(d("2000-03-01"), 11017);
  assert_int_equal(d("2024-02-29") + 1, d("2024-03-01"));
  assert_int_equal(d("2021-01-01") - d("2020-12-31"), 1);
}

static void test_parse_invalid(void **state) {
  static const char *bad[] = {"2023-02-29", "2024-02-30", "2024-13-01",
                              "2024-00-10", "2024-04-31", "2024-1-01",
                              "20240101",   "2024/01/01", "2024-01-1a",
                              "0000-01-01", "",           " 2024-01-01",
                              "2024-01-01 "};
  size_t i;
  (void)state;
  for (i = 0; i < sizeof bad / sizeof *bad; i++) {
    hlm_date t = 123;
    assert_int_equal(hlm_date_parse(bad[i], strlen(bad[i]), &t), HLM_EINPUT);
    assert_int_equal(t, 123); /* untouched on failure */
  }
}

static void test_leap_years(void **state) {
  (void)state;
  assert_int_equal(hlm_date_days_in_month(1900, 2), 28); /* century */
  assert_int_equal(hlm_date_days_in_month(2000, 2), 29); /* 400 */
  assert_int_equal(hlm_date_days_in_month(2024, 2), 29);
  assert_int_equal(hlm_date_days_in_month(2023, 2), 28);
  assert_int_equal(hlm_date_days_in_month(2100, 2), 28);
  assert_int_equal(hlm_date_days_in_month(2023, 4), 30);
  assert_int_equal(hlm_date_days_in_month(2023, 12), 31);
  assert_true(hlm_date_valid(2000, 2, 29));
  assert_false(hlm_date_valid(1900, 2, 29));
  /* 365 days in 2023, 366 in 2024 */
  assert_int_equal(d("2024-01-01") - d("2023-01-01"), 365);
  assert_int_equal(d("2025-01-01") - d("2024-01-01"), 366);
}

static void test_format_roundtrip(void **state) {
  static const char *s[] = {"1900-03-01", "1970-01-01", "1999-12-31",
                            "2000-02-29", "2018-11-25", "2035-12-31",
                            "9999-12-31", "0001-01-01"};
  size_t i;
  char buf[11];
  (void)state;
  for (i = 0; i < sizeof s / sizeof *s; i++)
    expect_date(d(s[i]), s[i]);
  hlm_date_format(HLM_DATE_NONE, buf);
  assert_string_equal(buf, "");
  assert_int_equal(hlm_date_year(d("2020-12-31")), 2020);
  assert_int_equal(hlm_date_year(d("2021-01-01")), 2021);
}

static void test_add_months_end_of_month(void **state) {
  (void)state;
  /* 31 January + 1 month: no 31 February: last day of February */
  expect_date(hlm_date_add_months(d("2023-01-31"), 1), "2023-02-28");
  expect_date(hlm_date_add_months(d("2024-01-31"), 1), "2024-02-29");
  /* + 3 months: no 31 April: 30 April (not 1 May, not 28) */
  expect_date(hlm_date_add_months(d("2024-01-31"), 3), "2024-04-30");
  /* the day is kept when it exists */
  expect_date(hlm_date_add_months(d("2024-01-15"), 1), "2024-02-15");
  expect_date(hlm_date_add_months(d("2024-01-31"), 2), "2024-03-31");
  /* across years, and 0 months */
  expect_date(hlm_date_add_months(d("2023-11-30"), 3), "2024-02-29");
  expect_date(hlm_date_add_months(d("2023-12-31"), 12), "2024-12-31");
  expect_date(hlm_date_add_months(d("2024-02-29"), 12), "2025-02-28");
  expect_date(hlm_date_add_months(d("2024-05-17"), 0), "2024-05-17");
}

static void test_add_months_negative(void **state) {
  (void)state;
  expect_date(hlm_date_add_months(d("2024-03-31"), -1), "2024-02-29");
  expect_date(hlm_date_add_months(d("2023-03-31"), -1), "2023-02-28");
  expect_date(hlm_date_add_months(d("2024-01-15"), -1), "2023-12-15");
  expect_date(hlm_date_add_months(d("2024-01-15"), -13), "2022-12-15");
  expect_date(hlm_date_add_months(d("2024-01-31"), -24), "2022-01-31");
  expect_date(hlm_date_add_months(d("2024-05-31"), -3), "2024-02-29");
  /* 120 months back = ten years (L423-1's period) */
  expect_date(hlm_date_add_months(d("2021-01-01"), -120), "2011-01-01");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_parse_valid),
      cmocka_unit_test(test_parse_invalid),
      cmocka_unit_test(test_leap_years),
      cmocka_unit_test(test_format_roundtrip),
      cmocka_unit_test(test_add_months_end_of_month),
      cmocka_unit_test(test_add_months_negative),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
