/* run_capture.c: see run_capture.h. */
#define _POSIX_C_SOURCE 200809L
#include "run_capture.h"

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
