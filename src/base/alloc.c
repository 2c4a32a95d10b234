/*
 * alloc.c: the one allocator of libhlm, with a failure hook for tests.
 */
#include <stdlib.h>
#include <string.h>

#include "hlm/alloc.h"

static long fail_after = -1;

static int should_fail(void) {
  if (fail_after < 0)
    return 0;
  if (fail_after == 0)
    return 1;
  fail_after--;
  return 0;
}

void hlm_alloc_fail_after(long n) { fail_after = n; }

void *hlm_malloc(size_t n) {
  if (should_fail())
    return NULL;
  return malloc(n ? n : 1);
}

void *hlm_calloc(size_t count, size_t n) {
  if (should_fail())
    return NULL;
  return calloc(count ? count : 1, n ? n : 1);
}

void *hlm_realloc(void *p, size_t n) {
  if (should_fail())
    return NULL;
  return realloc(p, n ? n : 1);
}

void hlm_free(void *p) { free(p); }

char *hlm_strndup(const char *s, size_t n) {
  char *r;
  if (!s)
    return NULL;
  r = hlm_malloc(n + 1);
  if (!r)
    return NULL;
  memcpy(r, s, n);
  r[n] = '\0';
  return r;
}

char *hlm_strdup(const char *s) { return s ? hlm_strndup(s, strlen(s)) : NULL; }
