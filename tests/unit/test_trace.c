/*
 * test_trace.c: src/base/trace.c: traces (steps with article, what and
 * value) and findings (stable id, sort order, severity names).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "hlm/date.h"
#include "hlm/error.h"
#include "hlm/trace.h"

static hlm_date d(const char *s) {
  hlm_date t;
  assert_int_equal(hlm_date_parse(s, strlen(s), &t), HLM_OK);
  return t;
}

static void test_trace_steps(void **state) {
  hlm_trace t = {0}, u = {0};
  int i;
  (void)state;
  assert_int_equal(
      hlm_trace_add(&t, "R411-6 1°", "Logements conventionnés", "%d", 14001),
      HLM_OK);
  assert_int_equal(hlm_trace_add(&t, NULL, NULL, "%s (%lld)", "x", 5LL),
                   HLM_OK);
  assert_int_equal(t.n, 2);
  assert_string_equal(t.steps[0].article, "R411-6 1°");
  assert_string_equal(t.steps[0].what, "Logements conventionnés");
  assert_string_equal(t.steps[0].value, "14001");
  assert_string_equal(t.steps[1].article, "");
  assert_string_equal(t.steps[1].value, "x (5)");
  for (i = 0; i < 20; i++) /* growth past the first 8 */
    assert_int_equal(hlm_trace_add(&t, "a", "b", "%d", i), HLM_OK);
  assert_int_equal(hlm_trace_append(&u, &t), HLM_OK);
  assert_int_equal(u.n, 22);
  assert_string_equal(u.steps[21].value, "19");
  assert_ptr_not_equal(u.steps[0].value, t.steps[0].value); /* copies */
  hlm_trace_clear(&t);
  hlm_trace_clear(&u);
  hlm_trace_clear(NULL);
  assert_int_equal(t.n, 0);
  assert_null(t.steps);
}

static void test_findings(void **state) {
  hlm_findings fs = {0};
  hlm_finding *f;
  (void)state;
  f = hlm_findings_add(&fs, "L423-2", "L423-2 I", "2018-11-25",
                       HLM_SEV_VIOLATION, "organism", "552081317",
                       "GROUP_REQUIRED", d("2021-01-01"), "%s gère %d", "O",
                       11999);
  assert_non_null(f);
  assert_string_equal(f->id, "L423-2.GROUP_REQUIRED.552081317.2021-01-01");
  assert_string_equal(f->message, "O gère 11999");
  assert_int_equal(f->trace.n, 0);
  /* spaces in an id become '_' */
  f = hlm_findings_add(&fs, "L423-1", "L423-1", "1978-06-08", HLM_SEV_INFO,
                       "group", "G 1", "X", d("2020-12-31"), "m");
  assert_string_equal(f->id, "L423-1.X.G_1.2020-12-31");
  hlm_findings_add(&fs, "DATA-REF", "—", "1900-01-01", HLM_SEV_WARNING,
                   "organism", "552081317", "UNKNOWN_REFERENCE",
                   d("2021-01-01"), "m");
  hlm_findings_add(&fs, "L423-1", "L423-1", "1978-06-08", HLM_SEV_INFO,
                   "organism", "123456782", "DISSOLUTION_POSSIBLE",
                   d("2021-01-01"), "m");
  hlm_findings_add(&fs, "L423-2", "L423-2", "1978-06-08", HLM_SEV_INFO,
                   "organism", "552081317", "GROUP_EXEMPT_ACCESSION",
                   d("2021-01-01"), "m");
  assert_int_equal(fs.n, 5);
  /* sorted by subject type, subject id, rule, code */
  hlm_findings_sort(&fs);
  assert_string_equal(fs.items[0].subject_type, "group");
  assert_string_equal(fs.items[1].subject_id, "123456782");
  assert_string_equal(fs.items[2].rule, "DATA-REF");
  assert_string_equal(fs.items[3].code, "GROUP_EXEMPT_ACCESSION");
  assert_string_equal(fs.items[4].code, "GROUP_REQUIRED");
  hlm_findings_clear(&fs);
  hlm_findings_clear(NULL);
  assert_int_equal(fs.n, 0);
}

static void test_severity_names(void **state) {
  (void)state;
  assert_string_equal(hlm_severity_name(HLM_SEV_INFO), "info");
  assert_string_equal(hlm_severity_name(HLM_SEV_WARNING), "warning");
  assert_string_equal(hlm_severity_name(HLM_SEV_VIOLATION), "violation");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_trace_steps),
      cmocka_unit_test(test_findings),
      cmocka_unit_test(test_severity_names),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
