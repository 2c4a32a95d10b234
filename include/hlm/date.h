/*
 * hlm/date.h: civil dates.
 *
 * A date is the number of days since 1970-01-01 in the proleptic Gregorian
 * calendar (int32).  HLM_DATE_NONE marks an unknown date.  Month arithmetic
 * keeps the day number, or takes the last day of the month when that day
 * does not exist (31 January + 1 month = 28 or 29 February): this is the
 * rule of the Code civil for delays counted in months, and the one the
 * spec fixes for deadlines (rules-capital-money.md, transfers).
 */
#ifndef HLM_DATE_H
#define HLM_DATE_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t hlm_date;
#define HLM_DATE_NONE INT32_MIN

/* Days since 1970-01-01 of y-m-d (m 1..12, d 1..31); no validation. */
hlm_date hlm_date_make(int y, int m, int d);
/* Splits a date into year, month, day. */
void hlm_date_ymd(hlm_date t, int *y, int *m, int *d);
int hlm_date_year(hlm_date t);
/* 1 when y-m-d is a real calendar date. */
int hlm_date_valid(int y, int m, int d);
int hlm_date_days_in_month(int y, int m);

/* Parses exactly "YYYY-MM-DD" (len bytes of s).  Returns HLM_OK and sets
 * *out, or HLM_EINPUT when the text is not a valid date. */
int hlm_date_parse(const char *s, size_t len, hlm_date *out);
/* Writes "YYYY-MM-DD" (11 bytes with the NUL) into out. "" for NONE. */
void hlm_date_format(hlm_date t, char out[11]);
/* Adds n months (n may be negative), end-of-month rule above. */
hlm_date hlm_date_add_months(hlm_date t, int n);

#endif
