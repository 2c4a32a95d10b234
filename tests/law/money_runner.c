/*
 * money_runner.c: runs the worked legal cases of the money rules, the
 * files tests/law/money/NAME.case (format: tests/law/money/README.md).
 *
 * A case is plain data: the paragraph it proves, the source of its
 * expected figures (hand computations from the texts and the spec), the
 * as-of date, the facts (organisms, holdings, statutes, loans, financials,
 * cooperation, services, usage, invoices) and the expected results:
 *   [findings]     the exact set of findings of `hlm check` for the rules
 *                  L423-15, L423-16, L423-14 and L423-6 at the date;
 *   [loans_status] the status and acceptance date of each loan
 *                  (hlm_loans_judge, what `hlm loans` prints);
 *   [levy]         one computation of hlm_levy_compute (`hlm levy`);
 *   [costs]        one computation of hlm_costs_compute (`hlm costs`).
 * The runner builds hlm_facts in memory (no store) and compares.  A value
 * or finding that differs, is missing or is extra fails the case.
 *
 * Usage:
 *   money_runner FILE_OR_DIR...         run the cases
 *   money_runner --art-coverage CASEDIR SRC...
 *                                       every "ART: <paragraph> —" marker
 *                                       of the SRC files is named by the
 *                                       proves: line of at least one case
 * Exit status 0 when everything passed, 1 otherwise.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_util.h"
#include "hlm/hlm.h"

#define MAXLINE 8192
#define MAXF 32

/* ---- small helpers ---- */

static long long num(const char *s, long long unknown) {
  return *s ? strtoll(s, NULL, 10) : unknown;
}

static hlm_date date_of(const char *s) {
  hlm_date d;
  if (!*s || strcmp(s, "-") == 0 || hlm_date_parse(s, strlen(s), &d) != HLM_OK)
    return HLM_DATE_NONE;
  return d;
}

/* ---- a case ---- */

typedef struct kv {
  char *fields[MAXF];
  int n;
  char *buf;
  long line;
} kv;

typedef struct rows {
  kv *r;
  size_t n;
} rows;

typedef struct tcase {
  char *title, *proves, *source;
  long line;
  hlm_date as_of;
  hlm_facts f;
  int has_findings, has_status, has_levy, has_costs;
  rows findings, status, levy, costs;
} tcase;

static void rows_add(rows *r, const char *line, long ln) {
  kv *x;
  r->r = realloc(r->r, (r->n + 1) * sizeof *r->r);
  if (!r->r)
    exit(2);
  x = &r->r[r->n++];
  x->buf = cu_strdup(line);
  x->n = cu_split(x->buf, x->fields, MAXF);
  x->line = ln;
}

static void rows_free(rows *r) {
  size_t i;
  for (i = 0; i < r->n; i++)
    free(r->r[i].buf);
  free(r->r);
  memset(r, 0, sizeof *r);
}

static void case_free(tcase *c) {
  free(c->title);
  free(c->proves);
  free(c->source);
  hlm_facts_clear(&c->f);
  rows_free(&c->findings);
  rows_free(&c->status);
  rows_free(&c->levy);
  rows_free(&c->costs);
  memset(c, 0, sizeof *c);
}

/* A fact section: its header names the columns. */
typedef struct header {
  char *buf;
  char *names[MAXF];
  int n;
} header;

static const char *col(const header *h, char **f, int nf, const char *name) {
  int i;
  for (i = 0; i < h->n && i < nf; i++)
    if (strcmp(h->names[i], name) == 0)
      return f[i];
  return "";
}

static hlm_capital_facts *cap(tcase *c) {
  if (!c->f.capital) {
    c->f.capital = hlm_calloc(1, sizeof *c->f.capital);
    if (!c->f.capital)
      exit(2);
  }
  return c->f.capital;
}

static int kind_of(const char *s) {
  hlm_kind k = HLM_KIND_NONE;
  hlm_kind_parse(s, strlen(s), &k);
  return k;
}

#define CPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src))

static void add_fact(tcase *c, const char *sect, const header *h, char **f,
                     int nf) {
#define C(name) col(h, f, nf, name)
  if (strcmp(sect, "organisms") == 0) {
    hlm_organism *o;
    c->f.orgs = cu_grow1(c->f.orgs, c->f.n_orgs, sizeof *c->f.orgs);
    o = &c->f.orgs[c->f.n_orgs++];
    CPY(o->id, C("id"));
    o->name = hlm_strdup(*C("name") ? C("name") : C("id"));
    o->kind = kind_of(C("kind"));
    CPY(o->departement, C("departement"));
    CPY(o->group_id, C("group_id"));
    CPY(o->subsidiary_of, C("subsidiary_of"));
    CPY(o->controlled_by, C("controlled_by"));
    o->accession_main_activity = -1;
    o->loans_granted_10y = -1;
    o->turnover_avg_3y_cents = -1;
    o->insufficient_mission_contribution = -1;
    o->share_nominal_cents = -1;
  } else if (strcmp(sect, "holdings") == 0) {
    hlm_capital_facts *k = cap(c);
    hlm_holding *x;
    k->holdings = cu_grow1(k->holdings, k->n_holdings, sizeof *x);
    x = &k->holdings[k->n_holdings++];
    CPY(x->company, C("company"));
    CPY(x->holder, C("holder"));
    x->shares = num(C("shares"), 0);
    x->category = (int)num(C("category"), 0);
    x->holder_type = strcmp(C("holder_type"), "PERSON") == 0 ? HLM_HOLDER_PERSON
                     : strcmp(C("holder_type"), "EMPLOYEE_FUND") == 0
                         ? HLM_HOLDER_EMPLOYEE_FUND
                         : HLM_HOLDER_ORGANISM;
    x->acquired = date_of(C("acquired"));
    x->price_cents = -1;
  } else if (strcmp(sect, "statutes") == 0) {
    hlm_capital_facts *k = cap(c);
    hlm_statute *x;
    k->statutes = cu_grow1(k->statutes, k->n_statutes, sizeof *x);
    x = &k->statutes[k->n_statutes++];
    CPY(x->company, C("company"));
    x->cat2_votes = num(C("cat2_votes"), -1);
    x->cat3_votes = num(C("cat3_votes"), -1);
  } else if (strcmp(sect, "loans") == 0) {
    hlm_capital_facts *k = cap(c);
    hlm_loan *x;
    const char *by = C("opposed_by");
    k->loans = cu_grow1(k->loans, k->n_loans, sizeof *x);
    x = &k->loans[k->n_loans++];
    CPY(x->id, C("id"));
    CPY(x->lender, C("lender"));
    CPY(x->borrower, C("borrower"));
    x->kind = strcmp(C("kind"), "PARTICIPATING_LOAN") == 0
                  ? HLM_LOAN_PARTICIPATING
                  : HLM_LOAN_ADVANCE;
    x->amount_cents = num(C("amount_cents"), 0);
    x->rate_bp = num(C("rate_bp"), 0);
    x->signed_on = date_of(C("signed"));
    x->declared = date_of(C("declared"));
    x->opposition = date_of(C("opposition"));
    x->opposed_by = strcmp(by, "HOUSING") == 0   ? HLM_OPPOSED_HOUSING
                    : strcmp(by, "ECONOMY") == 0 ? HLM_OPPOSED_ECONOMY
                    : strcmp(by, "BOTH") == 0    ? HLM_OPPOSED_BOTH
                                                 : HLM_OPPOSED_NONE;
    x->disbursed = date_of(C("disbursed"));
    x->guarantor_informed = (int)num(C("guarantor_informed"), -1);
  } else if (strcmp(sect, "financials") == 0) {
    hlm_capital_facts *k = cap(c);
    hlm_financial *x;
    k->financials = cu_grow1(k->financials, k->n_financials, sizeof *x);
    x = &k->financials[k->n_financials++];
    CPY(x->organism, C("organism"));
    x->exercise = (int)num(C("exercise"), 0);
    x->financial_potential_cents = num(C("financial_potential_cents"), -1);
    x->dwellings = num(C("dwellings"), -1);
    x->dwellings_acquired_social = num(C("dwellings_acquired_social"), -1);
    x->rents_cents = num(C("rents_cents"), -1);
    x->financial_income_cents = num(C("financial_income_cents"), -1);
  } else if (strcmp(sect, "cooperation") == 0) {
    hlm_capital_facts *k = cap(c);
    hlm_coop_member *x;
    k->coop = cu_grow1(k->coop, k->n_coop, sizeof *x);
    x = &k->coop[k->n_coop++];
    CPY(x->structure, C("structure"));
    CPY(x->member, C("member"));
    x->joined = date_of(C("joined"));
    x->convention_signed = date_of(C("convention_signed"));
  } else if (strcmp(sect, "services") == 0) {
    hlm_capital_facts *k = cap(c);
    hlm_service *x;
    k->services = cu_grow1(k->services, k->n_services, sizeof *x);
    x = &k->services[k->n_services++];
    CPY(x->structure, C("structure"));
    CPY(x->service, C("service"));
    CPY(x->period, C("period"));
    x->cost_cents = num(C("cost_cents"), 0);
  } else if (strcmp(sect, "usage") == 0) {
    hlm_capital_facts *k = cap(c);
    hlm_usage *x;
    k->usage = cu_grow1(k->usage, k->n_usage, sizeof *x);
    x = &k->usage[k->n_usage++];
    CPY(x->structure, C("structure"));
    CPY(x->service, C("service"));
    CPY(x->period, C("period"));
    CPY(x->member, C("member"));
    x->units = num(C("units"), 0);
  } else if (strcmp(sect, "invoices") == 0) {
    hlm_capital_facts *k = cap(c);
    hlm_invoice *x;
    k->invoices = cu_grow1(k->invoices, k->n_invoices, sizeof *x);
    x = &k->invoices[k->n_invoices++];
    CPY(x->structure, C("structure"));
    CPY(x->member, C("member"));
    CPY(x->period, C("period"));
    x->amount_cents = num(C("amount_cents"), 0);
  }
#undef C
}

/* ---- checks ---- */

static int fails;
static const char *cur_file;
static const tcase *cur;

static void bad(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void bad(const char *fmt, ...) {
  va_list ap;
  if (!fails)
    fprintf(stderr, "FAIL %s:%ld: %s\n", cur_file, cur->line, cur->title);
  fails++;
  fputs("     ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

static const char *sev(hlm_severity s) { return hlm_severity_name(s); }

/* Compares expected rows "rule;code;severity;subject_type;subject_id[;
 * version]" (offset skips a leading tag) with the findings fs. */
static void compare_findings(const kv *const *exp, size_t n_exp, size_t offset,
                             const hlm_findings *fs, const char *what) {
  char *used = calloc(fs->n + 1, 1);
  size_t i, j;
  for (i = 0; i < n_exp; i++) {
    const kv *e = exp[i];
    const char *const *x = (const char *const *)e->fields + offset;
    int n = e->n - (int)offset, found = 0;
    if (n < 5)
      continue;
    for (j = 0; j < fs->n; j++) {
      const hlm_finding *f = &fs->items[j];
      if (used[j] || strcmp(f->rule, x[0]) || strcmp(f->code, x[1]) ||
          strcmp(sev(f->severity), x[2]) || strcmp(f->subject_type, x[3]) ||
          strcmp(f->subject_id, x[4]))
        continue;
      if (n >= 6 && *x[5] && strcmp(f->version, x[5]) != 0) {
        bad("%s ligne %ld : constat %s %s de %s : version %s, attendu %s", what,
            e->line, x[0], x[1], x[4], f->version, x[5]);
      }
      used[j] = 1;
      found = 1;
      break;
    }
    if (!found)
      bad("%s ligne %ld : constat attendu absent : %s %s %s %s %s", what,
          e->line, x[0], x[1], x[2], x[3], x[4]);
  }
  for (j = 0; j < fs->n; j++)
    if (!used[j])
      bad("%s : constat inattendu : %s %s %s %s %s (%s)", what,
          fs->items[j].rule, fs->items[j].code, sev(fs->items[j].severity),
          fs->items[j].subject_type, fs->items[j].subject_id,
          fs->items[j].message);
  free(used);
}

static void run_findings(tcase *c) {
  static const char *ids[] = {"L423-15", "L423-16", "L423-14", "L423-6"};
  hlm_eval ev;
  hlm_findings out = {0};
  hlm_error e;
  size_t k;
  memset(&ev, 0, sizeof ev);
  ev.facts = &c->f;
  ev.as_of = c->as_of;
  for (k = 0; k < 4; k++)
    if (hlm_check(&ev, ids[k], &out, &e) < 0) {
      bad("hlm_check %s : %s", ids[k], e.message);
      hlm_findings_clear(&out);
      return;
    }
  {
    const kv **v = calloc(c->findings.n + 1, sizeof *v);
    for (k = 0; k < c->findings.n; k++)
      v[k] = &c->findings.r[k];
    compare_findings(v, c->findings.n, 0, &out, "[findings]");
    free(v);
  }
  hlm_findings_clear(&out);
}

static void run_status(tcase *c) {
  hlm_loan_result *r = NULL;
  size_t n = 0, i, j;
  hlm_error e;
  if (hlm_loans_judge(&c->f, c->as_of, NULL, -1, &r, &n, NULL, &e) < 0) {
    bad("hlm_loans_judge : %s", e.message);
    return;
  }
  if (n != c->status.n)
    bad("[loans_status] : %zu prêts listés, %zu attendus", n, c->status.n);
  for (i = 0; i < c->status.n; i++) {
    const kv *x = &c->status.r[i];
    char d[11];
    for (j = 0; j < n; j++)
      if (strcmp(r[j].loan->id, x->fields[0]) == 0)
        break;
    if (j == n) {
      bad("[loans_status] ligne %ld : prêt %s non listé", x->line,
          x->fields[0]);
      continue;
    }
    if (x->n < 3) {
      bad("[loans_status] ligne %ld : id;status;acceptance_date attendus",
          x->line);
      continue;
    }
    hlm_date_format(r[j].acceptance_date, d);
    if (strcmp(hlm_loan_status_name(r[j].status), x->fields[1]) != 0)
      bad("[loans_status] %s : statut %s, attendu %s", x->fields[0],
          hlm_loan_status_name(r[j].status), x->fields[1]);
    if (strcmp(d[0] ? d : "-", x->fields[2]) != 0)
      bad("[loans_status] %s : date d'accord %s, attendu %s", x->fields[0],
          d[0] ? d : "-", x->fields[2]);
  }
  hlm_loan_results_free(r, n);
}

static int same_text(const char *got, const char *want) {
  if (strcmp(want, "-") == 0)
    return got == NULL;
  return got && strcmp(got, want) == 0;
}

static void check_text(const char *what, const char *id, const char *got,
                       const char *want) {
  if (!same_text(got, want))
    bad("[levy] %s de %s : %s, attendu %s", what, id, got ? got : "null", want);
}

static void check_ll(const char *sect, const char *what, const char *id,
                     long long got, int known, const char *want) {
  char g[32];
  if (known)
    snprintf(g, sizeof g, "%lld", got);
  else
    snprintf(g, sizeof g, "-");
  if (strcmp(g, want) != 0)
    bad("%s %s de %s : %s, attendu %s", sect, what, id, g, want);
}

static void run_levy(tcase *c) {
  const rows *L = &c->levy;
  hlm_levy_result res;
  hlm_findings out = {0};
  hlm_error e;
  int64_t rates[4] = {0, 0, 0, 0};
  hlm_levy_mode mode = HLM_LEVY_RATES_PARAM;
  const char *only = NULL;
  int year = 0, rc;
  size_t i, j, orgs_expected = 0, n_fexp = 0;
  const kv **fexp = calloc(L->n + 1, sizeof *fexp);
  /* the directive: year;Y[;rates;a,b,c,d | ;calibrate][;organism;ID] */
  for (i = 0; i < L->n; i++) {
    const kv *x = &L->r[i];
    if (strcmp(x->fields[0], "year") != 0)
      continue;
    year = atoi(x->fields[1]);
    for (j = 2; j < (size_t)x->n; j++) {
      if (strcmp(x->fields[j], "calibrate") == 0)
        mode = HLM_LEVY_CALIBRATE;
      else if (strcmp(x->fields[j], "rates") == 0 && j + 1 < (size_t)x->n) {
        mode = HLM_LEVY_RATES_GIVEN;
        sscanf(x->fields[j + 1], "%lld,%lld,%lld,%lld", (long long *)&rates[0],
               (long long *)&rates[1], (long long *)&rates[2],
               (long long *)&rates[3]);
        j++;
      } else if (strcmp(x->fields[j], "organism") == 0 &&
                 j + 1 < (size_t)x->n) {
        only = x->fields[++j];
      }
    }
  }
  rc = hlm_levy_compute(&c->f, year, only, mode, rates, c->as_of, &res, &out,
                        &e);
  for (i = 0; i < L->n; i++)
    if (strcmp(L->r[i].fields[0], "error") == 0) {
      if (rc >= 0)
        bad("[levy] erreur attendue (%s), calcul réussi", L->r[i].fields[1]);
      else if (!strstr(e.message, L->r[i].fields[1]))
        bad("[levy] erreur « %s », attendu « %s »", e.message,
            L->r[i].fields[1]);
      hlm_findings_clear(&out);
      free(fexp);
      return;
    }
  if (rc < 0) {
    bad("hlm_levy_compute : %s", e.message);
    hlm_findings_clear(&out);
    free(fexp);
    return;
  }
  for (i = 0; i < L->n; i++) {
    const kv *x = &L->r[i];
    const char *t = x->fields[0];
    if (strcmp(t, "org") == 0) {
      const hlm_levy_org *o = NULL;
      orgs_expected++;
      if (x->n < 9) {
        bad("[levy] ligne %ld : org;id;avg;contribution;dwellings;before;"
            "cap_rate;cap;levy attendus",
            x->line);
        continue;
      }
      for (j = 0; j < res.n_orgs; j++)
        if (strcmp(res.orgs[j].id, x->fields[1]) == 0)
          o = &res.orgs[j];
      if (!o) {
        bad("[levy] organisme %s non listé", x->fields[1]);
        continue;
      }
      check_text("avg_potential_per_dwelling_cents", o->id,
                 o->avg_potential_per_dwelling_cents, x->fields[2]);
      check_text("contribution_per_dwelling_cents", o->id,
                 o->contribution_per_dwelling_cents, x->fields[3]);
      check_ll("[levy]", "dwellings", o->id, o->dwellings, o->dwellings >= 0,
               x->fields[4]);
      check_text("levy_before_cap_cents", o->id, o->levy_before_cap_cents,
                 x->fields[5]);
      check_text("cap_rate_bp", o->id, o->cap_rate_bp, x->fields[6]);
      check_text("cap_cents", o->id, o->cap_cents, x->fields[7]);
      check_ll("[levy]", "levy_cents", o->id, o->levy_cents, o->levy_cents >= 0,
               x->fields[8]);
    } else if (strcmp(t, "total") == 0) {
      check_ll("[levy]", "total_cents", "l'ensemble", res.total_cents, 1,
               x->fields[1]);
    } else if (strcmp(t, "national") == 0) {
      check_ll("[levy]", "national_total_cents", "l'ensemble",
               res.national_total_cents, 1, x->fields[1]);
    } else if (strcmp(t, "rates") == 0) {
      for (j = 0; j < 4; j++)
        if (!same_text(res.rates_known ? res.rates_bp[j] : NULL,
                       x->n > (int)j + 1 ? x->fields[j + 1] : "?"))
          bad("[levy] r%zu : %s, attendu %s", j + 1,
              res.rates_known ? res.rates_bp[j] : "null",
              x->n > (int)j + 1 ? x->fields[j + 1] : "?");
    } else if (strcmp(t, "t") == 0) {
      if (!same_text(res.t, x->fields[1]))
        bad("[levy] t : %s, attendu %s", res.t ? res.t : "null", x->fields[1]);
    } else if (strcmp(t, "finding") == 0) {
      fexp[n_fexp++] = x;
    }
  }
  if (orgs_expected != res.n_orgs)
    bad("[levy] %zu organismes listés, %zu attendus", res.n_orgs,
        orgs_expected);
  compare_findings(fexp, n_fexp, 1, &out, "[levy]");
  free(fexp);
  hlm_levy_result_clear(&res);
  hlm_findings_clear(&out);
}

static void run_costs(tcase *c) {
  const rows *L = &c->costs;
  hlm_costs k;
  hlm_findings out = {0};
  hlm_error e;
  const char *structure = "", *period = "";
  size_t i, j, m, n_shares = 0, n_services = 0, n_members = 0, n_fexp = 0;
  const kv **fexp = calloc(L->n + 1, sizeof *fexp);
  for (i = 0; i < L->n; i++)
    if (strcmp(L->r[i].fields[0], "structure") == 0 && L->r[i].n >= 4) {
      structure = L->r[i].fields[1];
      period = L->r[i].fields[3];
    }
  if (hlm_costs_compute(&c->f, structure, period, c->as_of, &k, &out, &e) < 0) {
    bad("hlm_costs_compute : %s", e.message);
    free(fexp);
    return;
  }
  for (i = 0; i < L->n; i++) {
    const kv *x = &L->r[i];
    const char *t = x->fields[0];
    if (strcmp(t, "service") == 0 && x->n >= 4) {
      n_services++;
      for (j = 0; j < k.n_services; j++)
        if (strcmp(k.services[j].service, x->fields[1]) == 0)
          break;
      if (j == k.n_services) {
        bad("[costs] service %s absent", x->fields[1]);
        continue;
      }
      check_ll("[costs]", "cost_cents", x->fields[1], k.services[j].cost_cents,
               1, x->fields[2]);
      check_ll("[costs]", "no_usage", x->fields[1], k.services[j].no_usage, 1,
               x->fields[3]);
    } else if (strcmp(t, "share") == 0 && x->n >= 5) {
      int found = 0;
      n_shares++;
      for (j = 0; j < k.n_services; j++)
        if (strcmp(k.services[j].service, x->fields[1]) == 0)
          for (m = 0; m < k.services[j].n_shares; m++)
            if (strcmp(k.services[j].shares[m].member, x->fields[2]) == 0) {
              found = 1;
              check_ll("[costs]", "units", x->fields[2],
                       k.services[j].shares[m].units, 1, x->fields[3]);
              check_ll("[costs]", "amount_cents", x->fields[2],
                       k.services[j].shares[m].amount_cents, 1, x->fields[4]);
            }
      if (!found)
        bad("[costs] part de %s pour %s absente", x->fields[2], x->fields[1]);
    } else if (strcmp(t, "member") == 0 && x->n >= 3) {
      n_members++;
      for (j = 0; j < k.n_members; j++)
        if (strcmp(k.members[j].member, x->fields[1]) == 0)
          break;
      if (j == k.n_members)
        bad("[costs] membre %s absent", x->fields[1]);
      else
        check_ll("[costs]", "total_cents", x->fields[1],
                 k.members[j].total_cents, 1, x->fields[2]);
    } else if (strcmp(t, "finding") == 0) {
      fexp[n_fexp++] = x;
    }
  }
  {
    size_t got_shares = 0;
    for (j = 0; j < k.n_services; j++)
      got_shares += k.services[j].n_shares;
    if (got_shares != n_shares)
      bad("[costs] %zu parts, %zu attendues", got_shares, n_shares);
    if (k.n_services != n_services)
      bad("[costs] %zu services, %zu attendus", k.n_services, n_services);
    if (k.n_members != n_members)
      bad("[costs] %zu membres, %zu attendus", k.n_members, n_members);
    /* the allocation always sums to the cost */
    for (j = 0; j < k.n_services; j++) {
      hlm_cents s = 0;
      for (m = 0; m < k.services[j].n_shares; m++)
        s += k.services[j].shares[m].amount_cents;
      if (!k.services[j].no_usage && s != k.services[j].cost_cents)
        bad("[costs] %s : parts %lld ≠ coût %lld", k.services[j].service,
            (long long)s, (long long)k.services[j].cost_cents);
    }
  }
  compare_findings(fexp, n_fexp, 1, &out, "[costs]");
  free(fexp);
  hlm_costs_clear(&k);
  hlm_findings_clear(&out);
}

/* ---- the file ---- */

static long cases_run, cases_failed;

static void run_case(tcase *c) {
  fails = 0;
  cur = c;
  hlm_facts_sort(&c->f);
  if (!c->proves || !c->source)
    bad("proves: et source: sont obligatoires");
  if (c->as_of == HLM_DATE_NONE)
    bad("as_of: manquant ou invalide");
  if (c->has_findings)
    run_findings(c);
  if (c->has_status)
    run_status(c);
  if (c->has_levy)
    run_levy(c);
  if (c->has_costs)
    run_costs(c);
  cases_run++;
  if (fails)
    cases_failed++;
  else
    printf("ok   %s:%ld: %s\n", cur_file, c->line, c->title);
}

static void run_file(const char *path) {
  FILE *fp = fopen(path, "r");
  char line[MAXLINE], sect[32] = "";
  tcase c;
  header h = {0};
  long ln = 0;
  char **last_text = NULL;
  int open_case = 0;
  if (!fp) {
    fprintf(stderr, "FAIL %s : illisible\n", path);
    cases_failed++;
    return;
  }
  cur_file = path;
  memset(&c, 0, sizeof c);
  while (fgets(line, sizeof line, fp)) {
    char *t;
    ln++;
    if (line[0] == '#')
      continue;
    /* continuation of source: / proves: */
    if ((line[0] == ' ' || line[0] == '\t') && last_text && *last_text &&
        cu_trim(line)[0]) {
      size_t a = strlen(*last_text), b;
      t = cu_trim(line);
      b = strlen(t);
      *last_text = realloc(*last_text, a + b + 2);
      (*last_text)[a] = ' ';
      memcpy(*last_text + a + 1, t, b + 1);
      continue;
    }
    t = cu_trim(line);
    if (!*t)
      continue;
    if (strncmp(t, "title:", 6) == 0) {
      if (open_case)
        run_case(&c);
      case_free(&c);
      c.as_of = HLM_DATE_NONE;
      c.title = cu_strdup(cu_trim(t + 6));
      c.line = ln;
      open_case = 1;
      sect[0] = '\0';
      last_text = NULL;
      continue;
    }
    if (strncmp(t, "proves:", 7) == 0) {
      c.proves = cu_strdup(cu_trim(t + 7));
      last_text = &c.proves;
      continue;
    }
    if (strncmp(t, "source:", 7) == 0) {
      c.source = cu_strdup(cu_trim(t + 7));
      last_text = &c.source;
      continue;
    }
    if (strncmp(t, "as_of:", 6) == 0) {
      c.as_of = date_of(cu_trim(t + 6));
      last_text = NULL;
      continue;
    }
    last_text = NULL;
    if (t[0] == '[') {
      char *e = strchr(t, ']');
      if (e)
        *e = '\0';
      snprintf(sect, sizeof sect, "%s", t + 1);
      free(h.buf);
      memset(&h, 0, sizeof h);
      if (strcmp(sect, "findings") == 0)
        c.has_findings = 1;
      else if (strcmp(sect, "loans_status") == 0)
        c.has_status = 1;
      else if (strcmp(sect, "levy") == 0)
        c.has_levy = 1;
      else if (strcmp(sect, "costs") == 0)
        c.has_costs = 1;
      continue;
    }
    if (!open_case)
      continue;
    if (strcmp(sect, "findings") == 0)
      rows_add(&c.findings, t, ln);
    else if (strcmp(sect, "loans_status") == 0)
      rows_add(&c.status, t, ln);
    else if (strcmp(sect, "levy") == 0)
      rows_add(&c.levy, t, ln);
    else if (strcmp(sect, "costs") == 0)
      rows_add(&c.costs, t, ln);
    else if (!h.buf) {
      h.buf = cu_strdup(t);
      h.n = cu_split(h.buf, h.names, MAXF);
    } else {
      char *f[MAXF];
      char *b = cu_strdup(t);
      int nf = cu_split(b, f, MAXF);
      add_fact(&c, sect, &h, f, nf);
      free(b);
    }
  }
  if (open_case)
    run_case(&c);
  case_free(&c);
  free(h.buf);
  fclose(fp);
}

static void run_path(const char *path, void *ctx) {
  (void)ctx;
  run_file(path);
}

int main(int argc, char **argv) {
  int i;
  if (argc < 2) {
    fprintf(stderr, "usage : money_runner FICHIER_OU_DOSSIER...\n"
                    "(la couverture des marqueurs ART: est vérifiée par "
                    "law_runner --art-coverage)\n");
    return 2;
  }
  for (i = 1; i < argc; i++)
    cu_each_file(argv[i], ".case", run_path, NULL);
  printf("%ld cas, %ld réussis, %ld en échec\n", cases_run,
         cases_run - cases_failed, cases_failed);
  return cases_failed || !cases_run ? 1 : 0;
}
