/*
 * case_util.h: the text helpers the three law-case runners share
 * (law_runner: count and thresholds, capital_runner, money_runner): lines
 * split on ';', trimming, allocation that stops the runner when memory
 * runs out, and the sorted walk over a folder of case files.
 */
#ifndef HLM_TESTS_CASE_UTIL_H
#define HLM_TESTS_CASE_UTIL_H

#include <stddef.h>

/* Removes trailing blanks and line ends in place. */
void cu_rtrim(char *s);
/* Removes blanks on both sides; returns the first kept character. */
char *cu_trim(char *s);
/* Splits s on ';' in place into at most max fields, each trimmed; returns
 * the number of fields (max when there were more: the rest is dropped). */
int cu_split(char *s, char **f, int max);

/* hlm_strdup / hlm_realloc that exit(2) with a French message on failure
 * (results are freed with hlm_free or free). */
char *cu_strdup(const char *s);
/* Room for element n of an array of *cap elements (doubling). */
void *cu_grow(void *p, size_t *cap, size_t n, size_t size);
/* Room for exactly n + 1 elements, the new one zeroed. */
void *cu_grow1(void *p, size_t n, size_t size);

/* Calls fn(file, ctx) on every file of dir whose name ends with suffix, in
 * byte order of the names; when dir is not a folder, on dir itself. */
void cu_each_file(const char *dir, const char *suffix,
                  void (*fn)(const char *path, void *ctx), void *ctx);

#endif
