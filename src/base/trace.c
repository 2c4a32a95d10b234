/*
 * trace.c: the steps of a computation, and the findings of the rules.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hlm/alloc.h"
#include "hlm/error.h"
#include "hlm/trace.h"

static int push_step(hlm_trace *t, const char *article, const char *what,
                     char *value) {
  hlm_step *s;
  if (t->n == t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 8;
    hlm_step *p = hlm_realloc(t->steps, cap * sizeof *p);
    if (!p) {
      hlm_free(value); /* the step owns value from here */
      return HLM_ENOMEM;
    }
    t->steps = p;
    t->cap = cap;
  }
  s = &t->steps[t->n];
  s->article = hlm_strdup(article ? article : "");
  s->what = hlm_strdup(what ? what : "");
  s->value = value;
  if (!s->article || !s->what || !s->value) {
    hlm_free(s->article);
    hlm_free(s->what);
    hlm_free(s->value);
    return HLM_ENOMEM;
  }
  t->n++;
  return HLM_OK;
}

static char *vformat(const char *fmt, va_list ap) {
  va_list ap2;
  int len;
  char *out;
  va_copy(ap2, ap);
  len = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (len < 0)
    return NULL;
  out = hlm_malloc((size_t)len + 1);
  if (!out)
    return NULL;
  vsnprintf(out, (size_t)len + 1, fmt, ap);
  return out;
}

int hlm_trace_add(hlm_trace *t, const char *article, const char *what,
                  const char *value_fmt, ...) {
  va_list ap;
  char *value;
  va_start(ap, value_fmt);
  value = vformat(value_fmt, ap);
  va_end(ap);
  if (!value)
    return HLM_ENOMEM;
  return push_step(t, article, what, value);
}

int hlm_trace_append(hlm_trace *t, const hlm_trace *src) {
  size_t i;
  for (i = 0; i < src->n; i++) {
    char *v = hlm_strdup(src->steps[i].value);
    int rc;
    if (!v)
      return HLM_ENOMEM;
    rc = push_step(t, src->steps[i].article, src->steps[i].what, v);
    if (rc < 0)
      return rc;
  }
  return HLM_OK;
}

void hlm_trace_clear(hlm_trace *t) {
  size_t i;
  if (!t)
    return;
  for (i = 0; i < t->n; i++) {
    hlm_free(t->steps[i].article);
    hlm_free(t->steps[i].what);
    hlm_free(t->steps[i].value);
  }
  hlm_free(t->steps);
  t->steps = NULL;
  t->n = t->cap = 0;
}

const char *hlm_severity_name(hlm_severity s) {
  switch (s) {
  case HLM_SEV_VIOLATION:
    return "violation";
  case HLM_SEV_WARNING:
    return "warning";
  default:
    return "info";
  }
}

hlm_finding *hlm_findings_add(hlm_findings *fs, const char *rule,
                              const char *article, const char *version,
                              hlm_severity sev, const char *subject_type,
                              const char *subject_id, const char *code,
                              hlm_date as_of, const char *msg_fmt, ...) {
  hlm_finding *f;
  va_list ap;
  char date[11];
  size_t i;
  if (fs->n == fs->cap) {
    size_t cap = fs->cap ? fs->cap * 2 : 16;
    hlm_finding *p = hlm_realloc(fs->items, cap * sizeof *p);
    if (!p)
      return NULL;
    fs->items = p;
    fs->cap = cap;
  }
  f = &fs->items[fs->n];
  memset(f, 0, sizeof *f);
  va_start(ap, msg_fmt);
  f->message = vformat(msg_fmt, ap);
  va_end(ap);
  if (!f->message)
    return NULL;
  f->rule = rule;
  f->article = article;
  f->version = version;
  f->severity = sev;
  f->subject_type = subject_type;
  snprintf(f->subject_id, sizeof f->subject_id, "%s", subject_id);
  f->code = code;
  f->as_of = as_of;
  hlm_date_format(as_of, date);
  /* The id names the rule, the code, the subject and the date, so that
   * `hlm explain ID` can evaluate again and find the same finding. */
  snprintf(f->id, sizeof f->id, "%s.%s.%s.%s", rule, code, subject_id, date);
  for (i = 0; f->id[i]; i++)
    if (f->id[i] == ' ')
      f->id[i] = '_';
  fs->n++;
  return f;
}

void hlm_findings_clear(hlm_findings *fs) {
  size_t i;
  if (!fs)
    return;
  for (i = 0; i < fs->n; i++) {
    hlm_free(fs->items[i].message);
    hlm_trace_clear(&fs->items[i].trace);
  }
  hlm_free(fs->items);
  fs->items = NULL;
  fs->n = fs->cap = 0;
}

static int cmp_finding(const void *a, const void *b) {
  const hlm_finding *x = a, *y = b;
  int c = strcmp(x->subject_type, y->subject_type);
  if (c)
    return c;
  if ((c = strcmp(x->subject_id, y->subject_id)))
    return c;
  if ((c = strcmp(x->rule, y->rule)))
    return c;
  return strcmp(x->code, y->code);
}

void hlm_findings_sort(hlm_findings *fs) {
  if (fs->n > 1)
    qsort(fs->items, fs->n, sizeof *fs->items, cmp_finding);
}
