/*
 * error.c: the error record and the bounded list of input errors.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "hlm/alloc.h"
#include "hlm/error.h"

void hlm_error_clear(hlm_error *e) {
  if (e)
    memset(e, 0, sizeof *e);
}

static void copy_str(char *dst, size_t n, const char *src) {
  if (!src) {
    dst[0] = '\0';
    return;
  }
  snprintf(dst, n, "%s", src);
}

static int vset(hlm_error *e, int code, const char *file, long line,
                long column, const char *field, const char *fmt, va_list ap) {
  if (!e)
    return code;
  e->code = code;
  copy_str(e->file, sizeof e->file, file);
  e->line = line;
  e->column = column;
  copy_str(e->field, sizeof e->field, field);
  vsnprintf(e->message, sizeof e->message, fmt, ap);
  return code;
}

int hlm_error_set(hlm_error *e, int code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vset(e, code, NULL, 0, 0, NULL, fmt, ap);
  va_end(ap);
  return code;
}

int hlm_error_at(hlm_error *e, int code, const char *file, long line,
                 long column, const char *field, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vset(e, code, file, line, column, field, fmt, ap);
  va_end(ap);
  return code;
}

void hlm_error_format(const hlm_error *e, char *out, size_t n) {
  size_t k = 0;
  if (n == 0)
    return;
  out[0] = '\0';
  if (e->file[0])
    k += (size_t)snprintf(out + k, n - k, "%s:", e->file);
  if (k < n && e->line > 0)
    k += (size_t)snprintf(out + k, n - k, "%ld:", e->line);
  if (k < n && e->line > 0 && e->column > 0)
    k += (size_t)snprintf(out + k, n - k, "%ld:", e->column);
  if (k < n && k > 0)
    k += (size_t)snprintf(out + k, n - k, " ");
  if (k < n && e->field[0])
    k += (size_t)snprintf(out + k, n - k, "%s: ", e->field);
  if (k < n)
    snprintf(out + k, n - k, "%s", e->message);
}

void hlm_diags_init(hlm_diags *d, size_t max) {
  memset(d, 0, sizeof *d);
  d->max = max;
}

int hlm_diags_add(hlm_diags *d, const hlm_error *e) {
  d->total++;
  if (d->n >= d->max)
    return HLM_OK;
  if (d->n == d->cap) {
    size_t cap = d->cap ? d->cap * 2 : 16;
    hlm_error *p;
    if (cap > d->max)
      cap = d->max;
    p = hlm_realloc(d->items, cap * sizeof *p);
    if (!p)
      return HLM_ENOMEM;
    d->items = p;
    d->cap = cap;
  }
  d->items[d->n++] = *e;
  return HLM_OK;
}

int hlm_diags_at(hlm_diags *d, const char *file, long line, long column,
                 const char *field, const char *fmt, ...) {
  hlm_error e;
  va_list ap;
  va_start(ap, fmt);
  vset(&e, HLM_EINPUT, file, line, column, field, fmt, ap);
  va_end(ap);
  return hlm_diags_add(d, &e);
}

void hlm_diags_free(hlm_diags *d) {
  if (!d)
    return;
  hlm_free(d->items);
  d->items = NULL;
  d->n = d->cap = 0;
}

const char *hlm_strerror(int code) {
  switch (code) {
  case HLM_OK:
    return "succès";
  case HLM_EINPUT:
    return "entrée invalide";
  case HLM_ENOMEM:
    return "mémoire insuffisante";
  case HLM_EIO:
    return "erreur d'entrée-sortie";
  case HLM_ESTORE:
    return "erreur de la base de données";
  case HLM_ENOTFOUND:
    return "introuvable";
  case HLM_EUSAGE:
    return "usage incorrect";
  case HLM_EPARAM:
    return "paramètre sans valeur à cette date";
  default:
    return "erreur interne";
  }
}
