/*
 * registry.c: the rule table expanded from rules.def, the evaluation
 * context, and `hlm check`'s loop over the rules in force.
 */
#include <assert.h>
#include <string.h>

#include "hlm/alloc.h"
#include "law/law_int.h"

static const hlm_rule registry[] = {
#define HLM_RULE(id, article, version, from, to, fn, title)                    \
  {id, article, version, from, to, title, fn},
#include "law/rules.def"
#undef HLM_RULE
};

const hlm_rule *hlm_rules(size_t *n) {
  *n = sizeof registry / sizeof registry[0];
  return registry;
}

hlm_date hlm__d(const char *iso) {
  hlm_date t = HLM_DATE_NONE;
  int rc = hlm_date_parse(iso, strlen(iso), &t);
  assert(rc == HLM_OK);
  (void)rc;
  return t;
}

int hlm_rule_in_force(const hlm_rule *r, hlm_date d) {
  if (d < hlm__d(r->valid_from))
    return 0;
  if (r->valid_to[0] && d > hlm__d(r->valid_to))
    return 0;
  return 1;
}

int hlm__missing_fact(hlm_findings *out, const char *rule,
                      const char *article, const char *version,
                      const char *subject_type, const char *subject_id,
                      hlm_date as_of, const hlm_trace *trace,
                      const char *msg) {
  hlm_finding *f =
      hlm_findings_add(out, rule, article, version, HLM_SEV_WARNING,
                       subject_type, subject_id, "MISSING_FACT", as_of,
                       "Donnée manquante : %s", msg);
  if (!f)
    return HLM_ENOMEM;
  if (trace && hlm_trace_append(&f->trace, trace) < 0)
    return HLM_ENOMEM;
  return HLM_OK;
}

int hlm_eval_init(hlm_eval *ev, const hlm_facts *f, hlm_date as_of,
                  hlm_error *err) {
  int rc;
  memset(ev, 0, sizeof *ev);
  ev->facts = f;
  ev->as_of = as_of;
  if ((rc = hlm_count_all(f, as_of, HLM_COUNT_BY_DATE, &ev->count_by_date,
                          err)) < 0 ||
      (rc = hlm_count_all(f, as_of, HLM_COUNT_R411_6, &ev->count_r411_6,
                          err)) < 0 ||
      (rc = hlm_count_all(f, as_of, HLM_COUNT_MANAGED, &ev->count_managed,
                          err)) < 0) {
    hlm_eval_free(ev);
    return rc;
  }
  return HLM_OK;
}

void hlm_eval_free(hlm_eval *ev) {
  size_t n;
  if (!ev || !ev->facts)
    return;
  n = ev->facts->n_orgs;
  hlm_counts_free(ev->count_by_date, n);
  hlm_counts_free(ev->count_r411_6, n);
  hlm_counts_free(ev->count_managed, n);
  ev->count_by_date = ev->count_r411_6 = ev->count_managed = NULL;
}

int hlm_eval_wants_org(const hlm_eval *ev, size_t i) {
  const hlm_organism *o = &ev->facts->orgs[i];
  if (ev->only_organism && strcmp(o->id, ev->only_organism) != 0)
    return 0;
  if (ev->only_group && strcmp(o->group_id, ev->only_group) != 0)
    return 0;
  return 1;
}

int hlm_eval_wants_group(const hlm_eval *ev, const hlm_group *g) {
  if (ev->only_group)
    return strcmp(g->id, ev->only_group) == 0;
  if (ev->only_organism) {
    const hlm_organism *o = hlm_facts_org(ev->facts, ev->only_organism);
    return o && strcmp(o->group_id, g->id) == 0;
  }
  return 1;
}

int hlm_check(const hlm_eval *ev, const char *rule_id, hlm_findings *out,
              hlm_error *err) {
  size_t n, i;
  const hlm_rule *r = hlm_rules(&n);
  for (i = 0; i < n; i++) {
    int rc;
    if (rule_id && strcmp(r[i].id, rule_id) != 0)
      continue;
    if (!hlm_rule_in_force(&r[i], ev->as_of))
      continue;
    if ((rc = r[i].fn(ev, out, err)) < 0)
      return rc;
  }
  hlm_findings_sort(out);
  return HLM_OK;
}
