/* case_util.c: see case_util.h. */
#include "case_util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hlm/alloc.h"

static void out_of_memory(void) {
  fprintf(stderr, "mémoire insuffisante\n");
  exit(2);
}

void cu_rtrim(char *s) {
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' ||
               s[n - 1] == '\n'))
    s[--n] = '\0';
}

char *cu_trim(char *s) {
  while (*s == ' ' || *s == '\t')
    s++;
  cu_rtrim(s);
  return s;
}

int cu_split(char *s, char **f, int max) {
  int n = 0;
  for (;;) {
    char *p = strchr(s, ';');
    if (n == max)
      return n;
    if (p)
      *p = '\0';
    f[n++] = cu_trim(s);
    if (!p)
      return n;
    s = p + 1;
  }
}

char *cu_strdup(const char *s) {
  char *r = hlm_strdup(s);
  if (!r)
    out_of_memory();
  return r;
}

void *cu_grow(void *p, size_t *cap, size_t n, size_t size) {
  if (n < *cap)
    return p;
  *cap = *cap ? *cap * 2 : 8;
  p = hlm_realloc(p, *cap * size);
  if (!p)
    out_of_memory();
  return p;
}

void *cu_grow1(void *p, size_t n, size_t size) {
  void *q = hlm_realloc(p, (n + 1) * size);
  if (!q)
    out_of_memory();
  memset((char *)q + n * size, 0, size);
  return q;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

void cu_each_file(const char *dir, const char *suffix,
                  void (*fn)(const char *path, void *ctx), void *ctx) {
  DIR *d = opendir(dir);
  struct dirent *de;
  char **names = NULL;
  size_t n = 0, cap = 0, i, sl = strlen(suffix);
  if (!d) {
    fn(dir, ctx);
    return;
  }
  while ((de = readdir(d)) != NULL) {
    size_t l = strlen(de->d_name);
    char path[1024];
    if (l <= sl || strcmp(de->d_name + l - sl, suffix) != 0)
      continue;
    snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
    names = cu_grow(names, &cap, n, sizeof *names);
    names[n++] = cu_strdup(path);
  }
  closedir(d);
  qsort(names, n, sizeof *names, cmp_str);
  for (i = 0; i < n; i++) {
    fn(names[i], ctx);
    hlm_free(names[i]);
  }
  hlm_free(names);
}
