/*
 * hlm/trace.h: the trace of a computation and the findings of the rules.
 *
 * A trace is the list of steps a rule took: for each, the article that
 * decides it, what was done (French) and the value obtained.  It travels
 * with every result to `hlm explain`, to the JSON ("trace") and to the UI.
 *
 * A finding is one result of `hlm check`: a rule in force at the date
 * found something about a subject (an organism, a group, a transfer, a
 * loan).  A finding is a result, never an error.
 */
#ifndef HLM_TRACE_H
#define HLM_TRACE_H

#include <stddef.h>

#include "hlm/date.h"

typedef struct hlm_step {
  char *article; /* e.g. "R411-6 2°" */
  char *what;    /* French: what was established */
  char *value;   /* the value, as text ("14946", "oui", "2024") */
} hlm_step;

typedef struct hlm_trace {
  hlm_step *steps;
  size_t n;
  size_t cap;
} hlm_trace;

/* Appends a step; what and value are printf formats sharing the
 * arguments would be confusing, so: what is copied as is, value is
 * formatted.  Returns HLM_OK or HLM_ENOMEM. */
int hlm_trace_add(hlm_trace *t, const char *article, const char *what,
                  const char *value_fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Appends copies of every step of src. */
int hlm_trace_append(hlm_trace *t, const hlm_trace *src);
/* Frees the steps (t itself is caller-owned); t may be NULL. */
void hlm_trace_clear(hlm_trace *t);

typedef enum hlm_severity {
  HLM_SEV_INFO = 0,
  HLM_SEV_WARNING = 1,
  HLM_SEV_VIOLATION = 2
} hlm_severity;

/* "info", "warning", "violation". */
const char *hlm_severity_name(hlm_severity s);

typedef struct hlm_finding {
  char id[160];           /* stable: rule.code.subject.as_of */
  const char *rule;       /* registry id, e.g. "L423-2" (static) */
  const char *article;    /* article cited (static) */
  const char *version;    /* first day of the text applied, YYYY-MM-DD */
  hlm_severity severity;
  const char *subject_type; /* "organism", "group", "transfer", "loan" */
  char subject_id[64];
  const char *code;       /* stable machine code, e.g. "GROUP_REQUIRED" */
  char *message;          /* French */
  hlm_date as_of;
  hlm_trace trace;
} hlm_finding;

typedef struct hlm_findings {
  hlm_finding *items;
  size_t n;
  size_t cap;
} hlm_findings;

/* Appends a finding and returns it (its trace empty, message formatted),
 * or NULL when memory runs out.  rule, article, version, subject_type and
 * code must be static strings. */
hlm_finding *hlm_findings_add(hlm_findings *fs, const char *rule,
                              const char *article, const char *version,
                              hlm_severity sev, const char *subject_type,
                              const char *subject_id, const char *code,
                              hlm_date as_of, const char *msg_fmt, ...)
    __attribute__((format(printf, 10, 11)));
/* Frees every finding; fs may be NULL. */
void hlm_findings_clear(hlm_findings *fs);
/* Sorts findings by subject, rule, code (a stable, readable order). */
void hlm_findings_sort(hlm_findings *fs);

#endif
