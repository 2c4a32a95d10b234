/*
 * test_capital_registry.c: the capital entries of rules.def.
 *
 * A sweep of every day from 1978-01-01 to 2040-12-31 proves that no two
 * entries of one id are in force on the same day (for every id of the
 * registry), and that each capital rule has exactly one version in force
 * on the days its texts apply: L422-2-1 from 2004-07-04; L423-4 from
 * 1978-06-08 (1978 and 1993 texts not encoded, 2008, ALUR); L423-5 from
 * 1978-06-08; R423-86 from 2019-09-01; L423-1-2 from 2004-09-07 to
 * 2018-11-24 (SA de coordination) and from 2019-09-01 (société de
 * coordination), none in between (reading C20).  The version boundaries
 * are checked on each side.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "hlm/hlm.h"

static hlm_date day(const char *s) {
  hlm_date d;
  assert_int_equal(hlm_date_parse(s, strlen(s), &d), HLM_OK);
  return d;
}

/* Entries of id in force on d; *version gets the last one's version. */
static int in_force(const char *id, hlm_date d, const char **version) {
  size_t n, i;
  const hlm_rule *r = hlm_rules(&n);
  int k = 0;
  for (i = 0; i < n; i++)
    if (strcmp(r[i].id, id) == 0 && hlm_rule_in_force(&r[i], d)) {
      k++;
      if (version)
        *version = r[i].version;
    }
  return k;
}

static void test_no_overlap(void **state) {
  size_t n, i;
  const hlm_rule *r = hlm_rules(&n);
  hlm_date d, from = day("1978-01-01"), to = day("2040-12-31");
  (void)state;
  for (d = from; d <= to; d++)
    for (i = 0; i < n; i++)
      if (in_force(r[i].id, d, NULL) > 1)
        fail_msg("%s: several versions in force", r[i].id);
}

static void test_capital_coverage(void **state) {
  static const struct {
    const char *id, *from, *to; /* "" = open */
  } spans[] = {
      {"L422-2-1", "2004-07-04", ""},
      {"L423-4", "1978-06-08", ""},
      {"L423-5", "1978-06-08", ""},
      {"R423-86", "2019-09-01", ""},
  };
  size_t i;
  hlm_date d, end = day("2040-12-31");
  (void)state;
  for (i = 0; i < sizeof spans / sizeof *spans; i++) {
    hlm_date f = day(spans[i].from);
    assert_int_equal(in_force(spans[i].id, f - 1, NULL), 0);
    for (d = f; d <= end; d++)
      if (in_force(spans[i].id, d, NULL) != 1)
        fail_msg("%s: not exactly one version", spans[i].id);
  }
  for (d = day("2004-09-07"); d <= day("2018-11-24"); d++)
    assert_int_equal(in_force("L423-1-2", d, NULL), 1);
  for (d = day("2018-11-25"); d <= day("2019-08-31"); d++)
    assert_int_equal(in_force("L423-1-2", d, NULL), 0);
  for (d = day("2019-09-01"); d <= end; d++)
    assert_int_equal(in_force("L423-1-2", d, NULL), 1);
  assert_int_equal(in_force("L423-1-2", day("2004-09-06"), NULL), 0);
}

static void test_versions_at_boundaries(void **state) {
  static const struct {
    const char *id, *date, *version;
  } v[] = {
      {"L423-4", "1993-01-29", "1978-06-08"},
      {"L423-4", "1993-01-30", "1993-01-30"},
      {"L423-4", "2007-12-31", "1993-01-30"},
      {"L423-4", "2008-01-01", "2008-01-01"},
      {"L423-4", "2014-03-26", "2008-01-01"},
      {"L423-4", "2014-03-27", "2014-03-27"},
      {"L423-1-2", "2018-11-24", "2004-09-07"},
      {"L423-1-2", "2019-09-01", "2018-11-25"},
      {"L422-2-1", "2004-07-04", "2004-07-04"},
      {"R423-86", "2019-09-01", "2019-09-01"},
  };
  size_t i;
  (void)state;
  for (i = 0; i < sizeof v / sizeof *v; i++) {
    const char *got = NULL;
    assert_int_equal(in_force(v[i].id, day(v[i].date), &got), 1);
    assert_string_equal(got, v[i].version);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_no_overlap),
      cmocka_unit_test(test_capital_coverage),
      cmocka_unit_test(test_versions_at_boundaries),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
