/*
 * test_registry.c: src/law/registry.c and rules.def.
 *
 * The date sweep (STYLE.md, Tests): for every rule id of the registry,
 * every day from 1994-01-01 to 2035-12-31 has at most one entry in force,
 * and exactly one from the id's first valid_from on.  Also: every entry's
 * dates are valid, valid_from <= valid_to, the dates the spec fixes
 * (rules-count-thresholds.md, I7, I8) and the edges of each period.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "hlm/law.h"

static hlm_date d(const char *s) {
  hlm_date t;
  assert_int_equal(hlm_date_parse(s, strlen(s), &t), HLM_OK);
  return t;
}

static void test_entries_well_formed(void **state) {
  size_t n, i;
  const hlm_rule *r = hlm_rules(&n);
  (void)state;
  assert_true(n >= 5);
  for (i = 0; i < n; i++) {
    hlm_date t;
    assert_true(r[i].id[0] && r[i].article[0] && r[i].title_fr[0]);
    assert_non_null(r[i].fn);
    assert_int_equal(hlm_date_parse(r[i].version, strlen(r[i].version), &t),
                     HLM_OK);
    assert_true(t <= d(r[i].valid_from)); /* a text applies once published */
    if (r[i].valid_to[0])
      assert_true(d(r[i].valid_from) <= d(r[i].valid_to));
  }
}

/* Periods where an id has, by the spec, no text encoded: the SA de
 * coordination rules end on 2018-11-24 and the société de coordination
 * rules start on 2019-09-01 (rules-capital-money.md, "Dates of texts"). */
static const struct {
  const char *id, *from, *to;
} gaps[] = {{"L423-1-2", "2018-11-25", "2019-08-31"}};

static int in_gap(const char *id, hlm_date t) {
  size_t k;
  for (k = 0; k < sizeof gaps / sizeof gaps[0]; k++)
    if (strcmp(gaps[k].id, id) == 0 && t >= d(gaps[k].from) &&
        t <= d(gaps[k].to))
      return 1;
  return 0;
}

static void test_date_sweep(void **state) {
  size_t n, i, j;
  const hlm_rule *r = hlm_rules(&n);
  hlm_date from = d("1994-01-01"), to = d("2035-12-31"), t;
  (void)state;
  for (i = 0; i < n; i++) {
    hlm_date first = d(r[i].valid_from), last = HLM_DATE_NONE;
    int seen = 0;
    /* handle each id once, at its first entry */
    for (j = 0; j < i; j++)
      if (strcmp(r[j].id, r[i].id) == 0)
        seen = 1;
    if (seen)
      continue;
    for (j = i + 1; j < n; j++)
      if (strcmp(r[j].id, r[i].id) == 0 && d(r[j].valid_from) < first)
        first = d(r[j].valid_from);
    /* a repealed text (L423-14, left the code at the end of 2012) has a
     * last day: after it, no version is in force */
    for (j = i; j < n; j++) {
      if (strcmp(r[j].id, r[i].id) != 0)
        continue;
      if (!r[j].valid_to[0]) {
        last = HLM_DATE_NONE;
        break;
      }
      if (last == HLM_DATE_NONE || d(r[j].valid_to) > last)
        last = d(r[j].valid_to);
    }
    for (t = from; t <= to; t++) {
      int in_force = 0;
      for (j = 0; j < n; j++)
        if (strcmp(r[j].id, r[i].id) == 0 && hlm_rule_in_force(&r[j], t))
          in_force++;
      if (in_force > 1 ||
          (t >= first && (last == HLM_DATE_NONE || t <= last) &&
           in_force != 1 && !in_gap(r[i].id, t))) {
        char buf[11];
        hlm_date_format(t, buf);
        fail_msg("%s : %d versions en vigueur le %s", r[i].id, in_force, buf);
      }
    }
  }
}

/* The version in force of rule id at date s, as its valid_from ("" none). */
static const char *in_force(const char *id, const char *s) {
  size_t n, i;
  const hlm_rule *r = hlm_rules(&n);
  for (i = 0; i < n; i++)
    if (strcmp(r[i].id, id) == 0 && hlm_rule_in_force(&r[i], d(s)))
      return r[i].valid_from;
  return "";
}

static void test_legal_changes(void **state) {
  (void)state;
  /* L423-2: 1993 text from 1993-01-30 (loi 93-122), ELAN from 2021-01-01 */
  assert_string_equal(in_force("L423-2", "1993-01-29"), "");
  assert_string_equal(in_force("L423-2", "1993-01-30"), "1993-01-30");
  assert_string_equal(in_force("L423-2", "2020-12-31"), "1993-01-30");
  assert_string_equal(in_force("L423-2", "2021-01-01"), "2021-01-01");
  /* L423-1: 2012 text until 2020-12-31, ELAN from 2021-01-01 (I8) */
  assert_string_equal(in_force("L423-1", "2020-12-31"), "1978-06-08");
  assert_string_equal(in_force("L423-1", "2021-01-01"), "2021-01-01");
  assert_string_equal(in_force("L423-1", "2035-12-31"), "2021-01-01");
  assert_string_equal(in_force("DATA-REF", "1994-01-01"), "1900-01-01");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_entries_well_formed),
      cmocka_unit_test(test_date_sweep),
      cmocka_unit_test(test_legal_changes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
