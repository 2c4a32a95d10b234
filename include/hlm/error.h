/*
 * hlm/error.h: status codes and the caller-owned error record.
 *
 * Every fallible function of libhlm returns an int: HLM_OK (0) or a
 * negative HLM_E* code.  Details go into a caller-owned hlm_error: the
 * French message and, for input errors, the position (file, line, column,
 * field).  The library never prints.
 *
 * An import that meets several bad lines collects them in an hlm_diags
 * list (capped by max): the command prints them all, one per line, as
 * "file:line:column: field: message".
 */
#ifndef HLM_ERROR_H
#define HLM_ERROR_H

#include <stddef.h>

enum {
  HLM_OK = 0,
  HLM_EINPUT = -1,    /* the input (file, argument) is invalid */
  HLM_ENOMEM = -2,    /* an allocation failed */
  HLM_EIO = -3,       /* a file could not be read or written */
  HLM_ESTORE = -4,    /* the SQLite store failed */
  HLM_ENOTFOUND = -5, /* a named object does not exist */
  HLM_EUSAGE = -6,    /* the caller used the API or command wrongly */
  HLM_EINTERNAL = -7, /* a bug: a state that should not happen */
  HLM_EPARAM = -8     /* a dated parameter has no value at the date */
};

/* One error, with its position when it comes from an input file.
 * line and column are 1-based; 0 means "not applicable". */
typedef struct hlm_error {
  int code;
  char file[256];
  long line;
  long column;
  char field[64];
  char message[512];
} hlm_error;

/* Resets e to "no error". */
void hlm_error_clear(hlm_error *e);

/* Sets code and a printf-style French message (no position); returns code.
 * e may be NULL (then only the code is returned). */
int hlm_error_set(hlm_error *e, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Sets code, position and message; returns code.  file and field may be
 * NULL.  e may be NULL. */
int hlm_error_at(hlm_error *e, int code, const char *file, long line,
                 long column, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* Writes "file:line:column: field: message" (the parts that are set) into
 * out (size n, always NUL-terminated). */
void hlm_error_format(const hlm_error *e, char *out, size_t n);

/* A bounded list of input errors.  total counts every error seen, also the
 * ones beyond max that were not kept. */
typedef struct hlm_diags {
  hlm_error *items;
  size_t n;
  size_t cap;
  size_t max;   /* keep at most this many (0: keep none, count only) */
  size_t total; /* errors seen */
} hlm_diags;

/* Initialises d to keep at most max errors. Allocates nothing yet. */
void hlm_diags_init(hlm_diags *d, size_t max);

/* Appends a copy of e (when under max) and counts it.  Returns HLM_OK or
 * HLM_ENOMEM. */
int hlm_diags_add(hlm_diags *d, const hlm_error *e);

/* Records an error at a position (formats like hlm_error_at). */
int hlm_diags_at(hlm_diags *d, const char *file, long line, long column,
                 const char *field, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Frees the list; d may be NULL. */
void hlm_diags_free(hlm_diags *d);

/* The French name of a status code ("entrée invalide", ...). */
const char *hlm_strerror(int code);

#endif
