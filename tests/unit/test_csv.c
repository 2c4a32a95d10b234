/*
 * test_csv.c: src/base/csv.c, the streaming ';' reader: LF and CRLF, quotes,
 * BOM, blank lines, invalid UTF-8 and its position, overlong lines, and
 * going on after an error.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/csv.h"
#include "hlm/error.h"

static char path[64];

/* Writes len bytes to a fresh temporary file (path). */
static void write_file(const char *data, size_t len) {
  int fd;
  strcpy(path, "/tmp/hlm_csv_XXXXXX");
  fd = mkstemp(path);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, data, len), (ssize_t)len);
  close(fd);
}

static void expect_fields(const hlm_csv *c, int n, ...) {
  va_list ap;
  int i;
  assert_int_equal(c->nf, n);
  va_start(ap, n);
  for (i = 0; i < n; i++) {
    const char *want = va_arg(ap, const char *);
    assert_int_equal(c->fields[i].len, strlen(want));
    assert_memory_equal(c->fields[i].p, want, strlen(want));
  }
  va_end(ap);
}

static void test_crlf_quotes_bom_blank(void **state) {
  static const char data[] = "\xEF\xBB\xBFid;name\r\n"
                             "\r\n"
                             "1;\"a;b\"\r\n"
                             "2;\"say \"\"hi\"\"\"\r\n"
                             "\n"
                             "3;\n"
                             "4;last";
  hlm_csv c;
  hlm_error e;
  (void)state;
  write_file(data, sizeof data - 1);
  assert_int_equal(hlm_csv_open(&c, path, &e), HLM_OK);
  assert_int_equal(hlm_csv_next(&c, &e), 1);
  expect_fields(&c, 2, "id", "name"); /* BOM skipped, CR not in value */
  assert_int_equal(c.line, 1);
  assert_int_equal(hlm_csv_next(&c, &e), 1);
  assert_int_equal(c.line, 3); /* the blank CRLF line is skipped */
  expect_fields(&c, 2, "1", "a;b");
  assert_int_equal(hlm_csv_next(&c, &e), 1);
  expect_fields(&c, 2, "2", "say \"hi\"");
  assert_int_equal(hlm_csv_next(&c, &e), 1);
  assert_int_equal(c.line, 6);
  expect_fields(&c, 2, "3", ""); /* trailing separator: an empty field */
  assert_int_equal(hlm_csv_next(&c, &e), 1);
  expect_fields(&c, 2, "4", "last"); /* no final newline */
  assert_int_equal(hlm_csv_next(&c, &e), 0);
  assert_int_equal(hlm_csv_next(&c, &e), 0);
  assert_int_equal(c.consumed, sizeof data - 1);
  hlm_csv_close(&c);
  unlink(path);
}

static void test_invalid_utf8_position(void **state) {
  /* line 2: "ok;" then 0xC3 0x28 (a lead byte without continuation): the
   * bad byte is the 4th of the line: column 4 */
  static const char data[] = "a;b\nok;\xC3\x28x\n\xC0\xAF\n\xED\xA0\x80\n"
                             "\xC3\xA9t\xC3\xA9;x\n";
  hlm_csv c;
  hlm_error e;
  (void)state;
  write_file(data, sizeof data - 1);
  assert_int_equal(hlm_csv_open(&c, path, &e), HLM_OK);
  assert_int_equal(hlm_csv_next(&c, &e), 1);
  hlm_error_clear(&e);
  assert_int_equal(hlm_csv_next(&c, &e), HLM_EINPUT);
  assert_int_equal(e.line, 2);
  assert_int_equal(e.column, 4);
  assert_non_null(strstr(e.message, "UTF-8"));
  assert_non_null(strstr(e.message, "0xC3"));
  /* overlong encoding of '/' and a UTF-16 surrogate are refused too */
  assert_int_equal(hlm_csv_next(&c, &e), HLM_EINPUT);
  assert_int_equal(e.line, 3);
  assert_int_equal(e.column, 1);
  assert_int_equal(hlm_csv_next(&c, &e), HLM_EINPUT);
  assert_int_equal(e.line, 4);
  /* the reader goes on: "été;x" is valid; column counts characters */
  assert_int_equal(hlm_csv_next(&c, &e), 1);
  expect_fields(&c, 2, "\xC3\xA9t\xC3\xA9", "x");
  assert_int_equal(hlm_csv_column(&c, 1), 5);
  assert_int_equal(hlm_csv_next(&c, &e), 0);
  hlm_csv_close(&c);
  unlink(path);
}

static void test_quote_errors(void **state) {
  static const char data[] = "a;\"bc\n\"a\"b;c\nfine\n";
  hlm_csv c;
  hlm_error e;
  (void)state;
  write_file(data, sizeof data - 1);
  assert_int_equal(hlm_csv_open(&c, path, &e), HLM_OK);
  assert_int_equal(hlm_csv_next(&c, &e), HLM_EINPUT);
  assert_int_equal(e.line, 1);
  assert_int_equal(e.column, 3);
  assert_non_null(strstr(e.message, "guillemet"));
  assert_int_equal(hlm_csv_next(&c, &e), HLM_EINPUT);
  assert_int_equal(e.line, 2);
  assert_int_equal(e.column, 4);
  assert_int_equal(hlm_csv_next(&c, &e), 1);
  expect_fields(&c, 1, "fine");
  hlm_csv_close(&c);
  unlink(path);
}

static void test_overlong_line(void **state) {
  /* default cap 1 MiB: a 1.5 MiB line is refused, the next line read */
  size_t big = 3u << 19, n = 0;
  char *data = malloc(big + 64);
  hlm_csv c;
  hlm_error e;
  (void)state;
  assert_non_null(data);
  memcpy(data, "h;1\n", 4);
  n = 4;
  memset(data + n, 'x', big);
  n += big;
  memcpy(data + n, "\nafter;2\n", 9);
  n += 9;
  write_file(data, n);
  free(data);
  assert_int_equal(hlm_csv_open(&c, path, &e), HLM_OK);
  assert_int_equal(c.max_line, 1u << 20);
  assert_int_equal(hlm_csv_next(&c, &e), 1);
  assert_int_equal(hlm_csv_next(&c, &e), HLM_EINPUT);
  assert_int_equal(e.line, 2);
  assert_non_null(strstr(e.message, "trop longue"));
  assert_int_equal(hlm_csv_next(&c, &e), 1);
  assert_int_equal(c.line, 3);
  expect_fields(&c, 2, "after", "2");
  assert_int_equal(hlm_csv_next(&c, &e), 0);
  hlm_csv_close(&c);
  unlink(path);
}

static void test_overlong_line_small_cap(void **state) {
  /* a cap below the read chunk is enforced too */
  static const char data[] = "short\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nend\n";
  hlm_csv c;
  hlm_error e;
  (void)state;
  write_file(data, sizeof data - 1);
  assert_int_equal(hlm_csv_open(&c, path, &e), HLM_OK);
  c.max_line = 16;
  assert_int_equal(hlm_csv_next(&c, &e), 1);
  assert_int_equal(hlm_csv_next(&c, &e), HLM_EINPUT);
  assert_int_equal(e.line, 2);
  assert_int_equal(hlm_csv_next(&c, &e), 1);
  expect_fields(&c, 1, "end");
  assert_int_equal(c.line, 3);
  hlm_csv_close(&c);
  unlink(path);
}

static void test_empty_and_missing(void **state) {
  hlm_csv c;
  hlm_error e;
  (void)state;
  write_file("\n\r\n\n", 4);
  assert_int_equal(hlm_csv_open(&c, path, &e), HLM_OK);
  assert_int_equal(hlm_csv_next(&c, &e), 0);
  hlm_csv_close(&c);
  unlink(path);
  write_file("", 0);
  assert_int_equal(hlm_csv_open(&c, path, &e), HLM_OK);
  assert_int_equal(hlm_csv_next(&c, &e), 0);
  hlm_csv_close(&c);
  unlink(path);
  hlm_error_clear(&e);
  assert_int_equal(hlm_csv_open(&c, "/nonexistent/x.csv", &e), HLM_EIO);
  assert_string_equal(e.file, "/nonexistent/x.csv");
  assert_int_equal(hlm_csv_open(&c, "/tmp", &e), HLM_EIO);
  assert_non_null(strstr(e.message, "répertoire"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_crlf_quotes_bom_blank),
      cmocka_unit_test(test_invalid_utf8_position),
      cmocka_unit_test(test_quote_errors),
      cmocka_unit_test(test_overlong_line),
      cmocka_unit_test(test_overlong_line_small_cap),
      cmocka_unit_test(test_empty_and_missing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
