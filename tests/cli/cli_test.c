/* cli_test.c: see cli_test.h. */
#define _POSIX_C_SOURCE 200809L
#include "cli_test.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

int run_capture(const char *cmdline, char **out) {
  FILE *p;
  size_t n = 0, cap = 1 << 16;
  char *buf = malloc(cap);
  int st;
  p = popen(cmdline, "r");
  if (!p || !buf) {
    perror("popen");
    exit(4);
  }
  for (;;) {
    size_t k;
    if (n + 4096 > cap) {
      char *nb = realloc(buf, cap *= 2);
      if (!nb)
        exit(4);
      buf = nb;
    }
    k = fread(buf + n, 1, cap - n - 1, p);
    if (k == 0)
      break;
    n += k;
  }
  buf[n] = '\0';
  st = pclose(p);
  *out = buf;
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

static int checks, failures;

static void vfail(const char *fmt, va_list ap) {
  fprintf(stderr, "ÉCHEC : ");
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  failures++;
}

void ct_check(int ok, const char *fmt, ...) {
  va_list ap;
  checks++;
  if (ok)
    return;
  va_start(ap, fmt);
  vfail(fmt, ap);
  va_end(ap);
}

void ct_pass(void) { checks++; }

void ct_fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfail(fmt, ap);
  va_end(ap);
}

int ct_summary(void) {
  printf("%d vérifications, %d échec%s\n", checks, failures,
         failures > 1 ? "s" : "");
  return failures ? 1 : 0;
}
