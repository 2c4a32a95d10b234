/*
 * test_error.c: src/base/error.c: the error record, its one-line format
 * "file:line:column: field: message" (spec/cli.md), and the bounded list
 * of input errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "hlm/error.h"

static void test_format(void **state) {
  hlm_error e;
  char buf[256];
  (void)state;
  hlm_error_clear(&e);
  assert_int_equal(hlm_error_at(&e, HLM_EINPUT, "org.csv", 3, 7, "id",
                                "SIREN invalide « %s »", "12"),
                   HLM_EINPUT);
  hlm_error_format(&e, buf, sizeof buf);
  assert_string_equal(buf, "org.csv:3:7: id: SIREN invalide « 12 »");
  /* no column */
  hlm_error_at(&e, HLM_EINPUT, "org.csv", 3, 0, NULL, "ligne vide");
  hlm_error_format(&e, buf, sizeof buf);
  assert_string_equal(buf, "org.csv:3: ligne vide");
  /* a file, no line */
  hlm_error_at(&e, HLM_EIO, "x.csv", 0, 0, NULL, "illisible");
  hlm_error_format(&e, buf, sizeof buf);
  assert_string_equal(buf, "x.csv: illisible");
  /* only a message */
  assert_int_equal(hlm_error_set(&e, HLM_ENOMEM, "mémoire %d", 1),
                   HLM_ENOMEM);
  hlm_error_format(&e, buf, sizeof buf);
  assert_string_equal(buf, "mémoire 1");
  assert_int_equal(e.code, HLM_ENOMEM);
  /* a NULL record only returns the code */
  assert_int_equal(hlm_error_set(NULL, HLM_EIO, "x"), HLM_EIO);
  assert_int_equal(hlm_error_at(NULL, HLM_EINPUT, "f", 1, 1, "g", "x"),
                   HLM_EINPUT);
}

static void test_format_bounded(void **state) {
  hlm_error e;
  char buf[12];
  (void)state;
  hlm_error_at(&e, HLM_EINPUT, "a-long-file-name.csv", 123, 45, "field",
               "message");
  hlm_error_format(&e, buf, sizeof buf);
  assert_int_equal(strlen(buf), sizeof buf - 1);
  assert_memory_equal(buf, "a-long-file", 11);
}

static void test_diags_cap(void **state) {
  hlm_diags d;
  int i;
  (void)state;
  hlm_diags_init(&d, 2);
  for (i = 1; i <= 5; i++)
    assert_int_equal(hlm_diags_at(&d, "f.csv", i, 1, "id", "erreur %d", i),
                     HLM_OK);
  assert_int_equal(d.total, 5);
  assert_int_equal(d.n, 2);
  assert_int_equal(d.items[1].line, 2);
  assert_string_equal(d.items[0].message, "erreur 1");
  assert_int_equal(d.items[0].code, HLM_EINPUT);
  hlm_diags_free(&d);
  hlm_diags_free(NULL);
  hlm_diags_init(&d, 0); /* count only */
  hlm_diags_at(&d, "f", 1, 1, NULL, "x");
  assert_int_equal(d.total, 1);
  assert_int_equal(d.n, 0);
  hlm_diags_free(&d);
}

static void test_strerror(void **state) {
  (void)state;
  assert_string_equal(hlm_strerror(HLM_OK), "succès");
  assert_string_equal(hlm_strerror(HLM_EINPUT), "entrée invalide");
  assert_string_equal(hlm_strerror(HLM_ENOMEM), "mémoire insuffisante");
  assert_string_equal(hlm_strerror(-999), "erreur interne");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_format),
      cmocka_unit_test(test_format_bounded),
      cmocka_unit_test(test_diags_cap),
      cmocka_unit_test(test_strerror),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
