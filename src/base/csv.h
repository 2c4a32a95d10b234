/*
 * csv.h (internal): a streaming reader of ';'-separated text files.
 *
 * One record per physical line (LF or CRLF; a CR is never part of a
 * value).  Fields may be quoted with '"' ("" inside a quoted field is one
 * quote); a quoted field may not span lines.  The whole file is never
 * loaded: the reader keeps one buffer that grows up to max_line bytes.
 * Every line is checked to be valid UTF-8; a leading BOM is skipped.
 */
#ifndef HLM_BASE_CSV_H
#define HLM_BASE_CSV_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "hlm/error.h"

typedef struct hlm_csv_field {
  const char *p;  /* not NUL-terminated */
  size_t len;
  size_t offset;  /* byte offset of the field in the raw line */
} hlm_csv_field;

typedef struct hlm_csv {
  FILE *fp;
  const char *path;
  char *buf;
  size_t cap, len, pos;
  int eof;
  long line;          /* line number of the current record (1-based) */
  uint64_t consumed;  /* bytes consumed so far */
  uint64_t size;      /* file size (0 when unknown) */
  const char *raw;    /* the current raw line, before unquoting */
  size_t raw_len;
  char *rec;          /* copy of the line that fields point into */
  size_t rec_cap;
  hlm_csv_field *fields;
  size_t nf, fcap;
  size_t max_line;
  char sep;
} hlm_csv;

/* Opens path ("-" is not accepted: imports need a file).  HLM_EIO with a
 * French message when the file cannot be opened. */
int hlm_csv_open(hlm_csv *c, const char *path, hlm_error *err);
void hlm_csv_close(hlm_csv *c);

/* Reads the next non-empty record.  Returns 1 (a record), 0 (end of file)
 * or a negative code with err set at the line (bad UTF-8, line too long,
 * unterminated quote).  After an error the reader moves on to the next
 * line, so the caller may go on collecting errors. */
int hlm_csv_next(hlm_csv *c, hlm_error *err);

/* The 1-based column (in characters) where field i starts in the line. */
long hlm_csv_column(const hlm_csv *c, size_t i);

/* 1 when the bytes are valid UTF-8; else 0 and *bad = offset of the first
 * invalid byte. */
int hlm_utf8_valid(const char *s, size_t len, size_t *bad);

/* Compares a field with a NUL-terminated string. */
int hlm_csv_field_is(const hlm_csv_field *f, const char *s);

#endif
