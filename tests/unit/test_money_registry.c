/*
 * test_money_registry.c: the registry entries of the money rules
 * (L423-15, L423-16, L423-14, L423-6): for every day from 1990 to 2040,
 * at most one entry of each id is in force, and exactly one on the days
 * the spec dates the texts.  Also: the levy bands and bounds are dated
 * parameters with a source.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "hlm/hlm.h"

static int in_force(const char *id, hlm_date d) {
  size_t n, i;
  int k = 0;
  const hlm_rule *r = hlm_rules(&n);
  for (i = 0; i < n; i++)
    if (strcmp(r[i].id, id) == 0 && hlm_rule_in_force(&r[i], d))
      k++;
  return k;
}

static hlm_date D(int y, int m, int d) { return hlm_date_make(y, m, d); }

static void sweep(void **state) {
  static const char *ids[] = {"L423-15", "L423-16", "L423-14", "L423-6"};
  hlm_date d;
  size_t k;
  (void)state;
  for (d = D(1990, 1, 1); d <= D(2040, 12, 31); d++)
    for (k = 0; k < 4; k++)
      assert_true(in_force(ids[k], d) <= 1);
}

static void boundaries(void **state) {
  (void)state;
  /* L423-15, L423-16: from 2011-05-19; one version each side of
   * 2019-05-01 */
  assert_int_equal(in_force("L423-15", D(2011, 5, 18)), 0);
  assert_int_equal(in_force("L423-15", D(2011, 5, 19)), 1);
  assert_int_equal(in_force("L423-15", D(2019, 4, 30)), 1);
  assert_int_equal(in_force("L423-15", D(2019, 5, 1)), 1);
  assert_int_equal(in_force("L423-16", D(2011, 5, 19)), 1);
  assert_int_equal(in_force("L423-16", D(2030, 1, 1)), 1);
  /* L423-14: levy years 2011 and 2012 */
  assert_int_equal(in_force("L423-14", D(2010, 12, 31)), 0);
  assert_int_equal(in_force("L423-14", D(2011, 1, 1)), 1);
  assert_int_equal(in_force("L423-14", D(2012, 12, 31)), 1);
  assert_int_equal(in_force("L423-14", D(2013, 1, 1)), 0);
  /* L423-6: 2012 wording until 2016-12-31, Action Logement from
   * 2017-01-01 */
  assert_int_equal(in_force("L423-6", D(2016, 12, 31)), 1);
  assert_int_equal(in_force("L423-6", D(2017, 1, 1)), 1);
}

static void versions(void **state) {
  size_t n, i;
  const hlm_rule *r = hlm_rules(&n);
  (void)state;
  for (i = 0; i < n; i++) {
    if (strcmp(r[i].id, "L423-6") == 0 &&
        hlm_rule_in_force(&r[i], D(2016, 12, 31)))
      assert_string_equal(r[i].version, "2009-03-28");
    if (strcmp(r[i].id, "L423-6") == 0 &&
        hlm_rule_in_force(&r[i], D(2017, 1, 1)))
      assert_string_equal(r[i].version, "2017-01-01");
    if (strcmp(r[i].id, "L423-15") == 0 &&
        hlm_rule_in_force(&r[i], D(2019, 4, 30)))
      assert_string_equal(r[i].version, "2011-05-19");
    if (strcmp(r[i].id, "L423-15") == 0 &&
        hlm_rule_in_force(&r[i], D(2019, 5, 1)))
      assert_string_equal(r[i].version, "2019-05-01");
  }
}

static void levy_params(void **state) {
  static const char *names[] = {
      "levy_band1_cents", "levy_band2_cents", "levy_band3_cents",
      "levy_band4_cents", "levy_r1_low",      "levy_r1_high",
      "levy_r2_low",      "levy_r2_high",     "levy_r3_low",
      "levy_r3_high",     "levy_r4_low",      "levy_r4_high"};
  static const int64_t values[] = {90000, 150000, 200000, 300000, 400,  800,
                                   800,   1200,   1200,   1600,   1600, 2000};
  size_t k;
  hlm_error e;
  (void)state;
  for (k = 0; k < 12; k++) {
    const hlm_param_row *row;
    assert_int_equal(hlm_param_at(names[k], D(2012, 1, 1), &row, &e), HLM_OK);
    assert_int_equal(row->value, values[k]);
    assert_true(strlen(row->source) > 10);
    assert_int_equal(hlm_param_at(names[k], D(2010, 12, 31), &row, &e),
                     HLM_EPARAM);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(sweep),
      cmocka_unit_test(boundaries),
      cmocka_unit_test(versions),
      cmocka_unit_test(levy_params),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
