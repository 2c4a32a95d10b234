/*
 * cooperation.c: the structure de coopération of L423-6.
 *
 * Two wordings (spec "Dates of texts"):
 *  - 2012 wording (law/002 lines 541-553), applied until 2016-12-31 from
 *    2009-03-28 (loi n° 2009-323 « MoLLE », reading: see docs/money.md):
 *    « des organismes d'habitations à loyer modéré peuvent créer entre eux
 *    et, le cas échéant, avec leurs filiales, des sociétés d'économie
 *    mixte de construction et de gestion de logements sociaux, ainsi
 *    qu'avec des organismes collecteurs agréés aux fins de participer à la
 *    collecte de la participation des employeurs à l'effort de
 *    construction … ou les filiales de ces organismes, une structure de
 *    coopération ayant pour seul objet la mise en commun de moyens au
 *    profit de ses membres » (I al. 1); « Peuvent également adhérer …
 *    les organismes bénéficiant de l'agrément délivré au titre de
 *    l'article L. 365-1 » (I al. 5).
 *  - Action Logement wording (law/000, ordonnance n° 2016-1408, from
 *    2017-01-01): the collectors are replaced by « la société mentionnée à
 *    l'article L. 313-20 ou ses filiales ».
 * Both: I al. 2, costs shared « en fonction de l'utilisation des
 * services », without remuneration; II al. 1, a convention with each
 * member, « la compensation par le membre bénéficiaire du coût exact de
 * l'utilisation des services ».
 *
 * Readings (spec "Costs"): members with zero units are listed with 0; a
 * service with no unit has no allocation and NO_USAGE; an allocated member
 * with no invoice for the period is BILLING_NOT_AT_COST; periods match
 * exactly ("2024" does not include "2024-03").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hlm/alloc.h"
#include "hlm/capital.h"
#include "hlm/cooperation.h"
#include "law/allocate.h"
#include "law/law_int.h"

static const char *V2009 = "2009-03-28";
static const char *V2017 = "2017-01-01";

/* ---- the allocation ---- */

typedef struct order {
  const char *id;
  int64_t units;
  size_t idx;
} order;

static int cmp_order(const void *a, const void *b) {
  const order *x = a, *y = b;
  if (x->units != y->units)
    return x->units > y->units ? -1 : 1;
  return strcmp(x->id, y->id);
}

/* ART: L423-6 I al. 2 — « une répartition des coûts entre ses membres en
 * fonction de l'utilisation des services »: floor to the cent, remaining
 * cents to the largest remainders, ties to more units then the smaller
 * id (spec "Cooperation structure") */
int hlm_cost_allocate(hlm_cents cost, const char *const *ids,
                      const int64_t *units, size_t n, hlm_cents *out) {
  order *o;
  size_t *rank, i;
  int64_t sum = 0;
  int rc;
  if (cost < 0)
    return HLM_EINPUT;
  for (i = 0; i < n; i++) {
    if (units[i] < 0)
      return HLM_EINPUT;
    sum += units[i];
  }
  if (sum == 0)
    return HLM_EINPUT;
  o = hlm_malloc(n * sizeof *o);
  rank = hlm_malloc(n * sizeof *rank);
  if (!o || !rank) {
    hlm_free(o);
    hlm_free(rank);
    return HLM_ENOMEM;
  }
  for (i = 0; i < n; i++) {
    o[i].id = ids[i];
    o[i].units = units[i];
    o[i].idx = i;
  }
  qsort(o, n, sizeof *o, cmp_order);
  for (i = 0; i < n; i++)
    rank[o[i].idx] = i;
  rc = hlm__allocate(cost, units, n, rank, out, NULL, NULL);
  hlm_free(o);
  hlm_free(rank);
  return rc;
}

/* ---- periods ---- */

/* Parses "YYYY" or "YYYY-MM" into its first and last day. */
static int period_span(const char *p, hlm_date *first, hlm_date *last) {
  size_t n = strlen(p), i;
  int y, m;
  if (n != 4 && n != 7)
    return HLM_EINPUT;
  for (i = 0; i < 4; i++)
    if (p[i] < '0' || p[i] > '9')
      return HLM_EINPUT;
  y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 +
      (p[3] - '0');
  if (n == 4) {
    *first = hlm_date_make(y, 1, 1);
    *last = hlm_date_make(y, 12, 31);
    return HLM_OK;
  }
  if (p[4] != '-' || p[5] < '0' || p[5] > '1' || p[6] < '0' || p[6] > '9')
    return HLM_EINPUT;
  m = (p[5] - '0') * 10 + (p[6] - '0');
  if (m < 1 || m > 12)
    return HLM_EINPUT;
  *first = hlm_date_make(y, m, 1);
  *last = hlm_date_make(y, m, hlm_date_days_in_month(y, m));
  return HLM_OK;
}

/* ---- the costs of a structure for a period ---- */

static const char *version_at(hlm_date d) {
  return d >= hlm__d(V2017) ? V2017 : V2009;
}

/* Gives the finding a unique id: rule.code.subject.date.extra. */
static void id_suffix(hlm_finding *fd, const char *a, const char *b) {
  size_t l = strlen(fd->id), i;
  snprintf(fd->id + l, sizeof fd->id - l, ".%s%s%s", a, b ? "." : "",
           b ? b : "");
  for (i = l; fd->id[i]; i++)
    if (fd->id[i] == ' ')
      fd->id[i] = '_';
}

static int cmp_service(const void *a, const void *b) {
  return strcmp(((const hlm_cost_service *)a)->service,
                ((const hlm_cost_service *)b)->service);
}

static int cmp_share(const void *a, const void *b) {
  return strcmp(((const hlm_cost_share *)a)->member,
                ((const hlm_cost_share *)b)->member);
}

static int cmp_member(const void *a, const void *b) {
  return strcmp(((const hlm_cost_member *)a)->member,
                ((const hlm_cost_member *)b)->member);
}

/* The member entry of c for id, added when absent (capacity cap). */
static hlm_cost_member *member_of(hlm_costs *c, const char *id, size_t cap) {
  size_t i;
  for (i = 0; i < c->n_members; i++)
    if (strcmp(c->members[i].member, id) == 0)
      return &c->members[i];
  if (c->n_members == cap)
    return NULL;
  memset(&c->members[c->n_members], 0, sizeof *c->members);
  snprintf(c->members[c->n_members].member, sizeof c->members->member, "%s",
           id);
  return &c->members[c->n_members++];
}

void hlm_costs_clear(hlm_costs *c) {
  size_t i;
  if (!c)
    return;
  for (i = 0; i < c->n_services; i++)
    hlm_free(c->services[i].shares);
  hlm_free(c->services);
  hlm_free(c->members);
  hlm_trace_clear(&c->trace);
  memset(c, 0, sizeof *c);
}

int hlm_costs_known_structure(const hlm_facts *f, const char *s) {
  const hlm_capital_facts *c = f->capital;
  size_t i;
  if (!c)
    return 0;
  for (i = 0; i < c->n_coop; i++)
    if (strcmp(c->coop[i].structure, s) == 0)
      return 1;
  for (i = 0; i < c->n_services; i++)
    if (strcmp(c->services[i].structure, s) == 0)
      return 1;
  for (i = 0; i < c->n_usage; i++)
    if (strcmp(c->usage[i].structure, s) == 0)
      return 1;
  for (i = 0; i < c->n_invoices; i++)
    if (strcmp(c->invoices[i].structure, s) == 0)
      return 1;
  return 0;
}

#define TRY(x)                                                                 \
  do {                                                                         \
    if ((x) < 0)                                                               \
      goto nomem;                                                              \
  } while (0)

int hlm_costs_compute(const hlm_facts *f, const char *structure,
                      const char *period, hlm_date as_of, hlm_costs *c,
                      hlm_findings *out, hlm_error *err) {
  const hlm_capital_facts *cf = f->capital;
  const char *version = version_at(as_of);
  hlm_date first, last;
  size_t i, j, cap_m;
  char money[40], money2[40];
  memset(c, 0, sizeof *c);
  if (period_span(period, &first, &last) < 0)
    return hlm_error_set(err, HLM_EINPUT,
                         "période invalide « %s » : AAAA ou AAAA-MM attendu",
                         period);
  snprintf(c->structure, sizeof c->structure, "%s", structure);
  snprintf(c->period, sizeof c->period, "%s", period);
  if (!cf)
    return HLM_OK;
  cap_m = cf->n_coop + cf->n_usage + cf->n_invoices + 1;
  c->services = hlm_calloc(cf->n_services + 1, sizeof *c->services);
  c->members = hlm_calloc(cap_m, sizeof *c->members);
  if (!c->services || !c->members)
    goto nomem;
  TRY(hlm_trace_add(&c->trace, "L423-6 I al. 2",
                    "Répartition des coûts de la structure selon "
                    "l'utilisation des services, pour la période (égalité "
                    "exacte : « 2024 » ne comprend pas « 2024-03 »)",
                    "%s, période %s", structure, period));

  /* the services of the period */
  for (i = 0; i < cf->n_services; i++) {
    const hlm_service *s = &cf->services[i];
    hlm_cost_service *cs;
    if (strcmp(s->structure, structure) || strcmp(s->period, period))
      continue;
    cs = &c->services[c->n_services++];
    snprintf(cs->service, sizeof cs->service, "%s", s->service);
    cs->cost_cents = s->cost_cents;
  }
  qsort(c->services, c->n_services, sizeof *c->services, cmp_service);

  /* each service: its usage, then the allocation */
  for (i = 0; i < c->n_services; i++) {
    hlm_cost_service *cs = &c->services[i];
    const char **ids;
    int64_t *units, sum = 0;
    hlm_cents *amounts;
    size_t n = 0;
    cs->shares = hlm_calloc(cf->n_usage + 1, sizeof *cs->shares);
    if (!cs->shares)
      goto nomem;
    for (j = 0; j < cf->n_usage; j++) {
      const hlm_usage *u = &cf->usage[j];
      if (strcmp(u->structure, structure) || strcmp(u->period, period) ||
          strcmp(u->service, cs->service))
        continue;
      snprintf(cs->shares[n].member, sizeof cs->shares[n].member, "%s",
               u->member);
      cs->shares[n].units = u->units;
      sum += u->units;
      n++;
    }
    qsort(cs->shares, n, sizeof *cs->shares, cmp_share);
    hlm_money_format(cs->cost_cents, money, sizeof money);
    if (sum == 0) {
      cs->no_usage = 1;
      cs->n_shares = 0;
      TRY(hlm_trace_add(&c->trace, "L423-6 I al. 2",
                        "Service sans aucune unité utilisée : rien n'est "
                        "réparti",
                        "%s : coût %s, 0 unité", cs->service, money));
      if (out) {
        hlm_finding *fd = hlm_findings_add(
            out, "L423-6", "L423-6 I al. 2", version, HLM_SEV_WARNING,
            "organism", structure, "NO_USAGE", as_of,
            "Le service « %s » de la structure %s (période %s, coût %s) n'a "
            "aucune utilisation déclarée : son coût ne peut être réparti",
            cs->service, structure, period, money);
        if (!fd || hlm_trace_append(&fd->trace, &c->trace) < 0)
          goto nomem;
        id_suffix(fd, cs->service, period);
      }
      continue;
    }
    cs->n_shares = n;
    ids = hlm_malloc(n * sizeof *ids);
    units = hlm_malloc(n * sizeof *units);
    amounts = hlm_malloc(n * sizeof *amounts);
    if (!ids || !units || !amounts) {
      hlm_free(ids);
      hlm_free(units);
      hlm_free(amounts);
      goto nomem;
    }
    for (j = 0; j < n; j++) {
      ids[j] = cs->shares[j].member;
      units[j] = cs->shares[j].units;
    }
    if (hlm_cost_allocate(cs->cost_cents, ids, units, n, amounts) < 0) {
      hlm_free(ids);
      hlm_free(units);
      hlm_free(amounts);
      goto nomem; /* inputs were checked: only memory can fail */
    }
    for (j = 0; j < n; j++)
      cs->shares[j].amount_cents = amounts[j];
    hlm_free(ids);
    hlm_free(units);
    hlm_free(amounts);
    TRY(hlm_trace_add(&c->trace, "L423-6 I al. 2",
                      "Coût du service, réparti au prorata des unités : "
                      "chaque part arrondie au centime inférieur, centimes "
                      "restants aux plus forts restes (à égalité : plus "
                      "d'unités, puis plus petit SIREN)",
                      "%s : coût %s, %lld unités", cs->service, money,
                      (long long)sum));
    for (j = 0; j < n; j++) {
      hlm_money_format(cs->shares[j].amount_cents, money2, sizeof money2);
      TRY(hlm_trace_add(&c->trace, "L423-6 I al. 2", "Part d'un membre",
                        "%s : %s, %lld unités → %s", cs->service,
                        cs->shares[j].member, (long long)cs->shares[j].units,
                        money2));
    }
  }

  /* the members: of the structure by the end of the period, with usage,
   * invoiced */
  for (i = 0; i < cf->n_coop; i++) {
    const hlm_coop_member *m = &cf->coop[i];
    if (strcmp(m->structure, structure) == 0 &&
        (m->joined == HLM_DATE_NONE || m->joined <= last) &&
        !member_of(c, m->member, cap_m))
      goto nomem;
  }
  for (i = 0; i < c->n_services; i++)
    for (j = 0; j < c->services[i].n_shares; j++) {
      hlm_cost_member *m = member_of(c, c->services[i].shares[j].member, cap_m);
      if (!m)
        goto nomem;
      m->total_cents += c->services[i].shares[j].amount_cents;
    }
  for (i = 0; i < cf->n_usage; i++)
    if (strcmp(cf->usage[i].structure, structure) == 0 &&
        strcmp(cf->usage[i].period, period) == 0 &&
        !member_of(c, cf->usage[i].member, cap_m))
      goto nomem;
  for (i = 0; i < cf->n_invoices; i++) {
    const hlm_invoice *v = &cf->invoices[i];
    hlm_cost_member *m;
    if (strcmp(v->structure, structure) || strcmp(v->period, period))
      continue;
    if (!(m = member_of(c, v->member, cap_m)))
      goto nomem;
    m->invoiced = 1;
    m->invoiced_cents += v->amount_cents;
  }
  qsort(c->members, c->n_members, sizeof *c->members, cmp_member);

  /* ART: L423-6 II al. 1 — « la compensation par le membre bénéficiaire
   * du coût exact de l'utilisation des services »: invoices = allocation */
  for (i = 0; i < c->n_members; i++) {
    const hlm_cost_member *m = &c->members[i];
    int ok =
        m->invoiced ? m->invoiced_cents == m->total_cents : m->total_cents == 0;
    hlm_money_format(m->total_cents, money, sizeof money);
    hlm_money_format(m->invoiced_cents, money2, sizeof money2);
    TRY(hlm_trace_add(&c->trace, "L423-6 II al. 1",
                      "Coût exact d'un membre pour la période, et ce qui lui "
                      "a été facturé",
                      "%s : %s ; facturé %s", m->member, money,
                      m->invoiced ? money2 : "aucune facture"));
    if (ok || !out)
      continue;
    {
      hlm_finding *fd =
          m->invoiced
              ? hlm_findings_add(
                    out, "L423-6", "L423-6 II al. 1", version,
                    HLM_SEV_VIOLATION, "organism", m->member,
                    "BILLING_NOT_AT_COST", as_of,
                    "La structure %s a facturé %s à %s pour la période %s, "
                    "au lieu du coût exact de son utilisation (%s)",
                    structure, money2, m->member, period, money)
              : hlm_findings_add(
                    out, "L423-6", "L423-6 II al. 1", version,
                    HLM_SEV_VIOLATION, "organism", m->member,
                    "BILLING_NOT_AT_COST", as_of,
                    "La structure %s n'a rien facturé à %s pour la période "
                    "%s, alors que le coût exact de son utilisation est de "
                    "%s",
                    structure, m->member, period, money);
      if (!fd || hlm_trace_append(&fd->trace, &c->trace) < 0)
        goto nomem;
      id_suffix(fd, structure, period);
    }
  }
  return HLM_OK;
nomem:
  hlm_costs_clear(c);
  return HLM_NOMEM(err);
}

/* ---- members and conventions ---- */

/* ART: L423-6 I al. 1 — the members the text allows; I al. 5 — « les
 * organismes bénéficiant de l'agrément délivré au titre de l'article
 * L. 365-1 ».  Writes the reason into t; *allowed 1/0. */
static int member_allowed(const hlm_facts *f, const hlm_organism *o,
                          const char *version, hlm_trace *t, int *allowed) {
  int al = version == V2017;
  const hlm_organism *p;
  *allowed = 1;
  if (hlm_kind_is_l411_2(o->kind))
    return hlm_trace_add(t, "L423-6 I al. 1", "Organisme d'HLM (L411-2)", "%s",
                         hlm_kind_name(o->kind));
  if (o->kind == HLM_KIND_SEM_AGREE)
    return hlm_trace_add(t, "L423-6 I al. 1",
                         "Société d'économie mixte de construction et de "
                         "gestion de logements sociaux",
                         "%s", hlm_kind_name(o->kind));
  if (o->kind == HLM_KIND_ACTION_LOGEMENT)
    return hlm_trace_add(
        t, "L423-6 I al. 1",
        al ? "La société mentionnée à l'article L313-20 (Action Logement)"
           : "Organisme collecteur agréé de la participation des employeurs "
             "à l'effort de construction (L313-1)",
        "%s", hlm_kind_name(o->kind));
  if (o->kind == HLM_KIND_AGREE_L365_1)
    return hlm_trace_add(t, "L423-6 I al. 5",
                         "Organisme agréé au titre de l'article L365-1", "%s",
                         hlm_kind_name(o->kind));
  if (o->subsidiary_of[0] && (p = hlm_facts_org(f, o->subsidiary_of)) &&
      (hlm_kind_is_l411_2(p->kind) || p->kind == HLM_KIND_ACTION_LOGEMENT))
    return hlm_trace_add(
        t, "L423-6 I al. 1",
        hlm_kind_is_l411_2(p->kind)
            ? "Filiale d'un organisme d'HLM"
            : (al ? "Filiale de la société mentionnée à l'article L313-20"
                  : "Filiale d'un organisme collecteur agréé"),
        "filiale de %s (%s)", p->id, hlm_kind_name(p->kind));
  *allowed = 0;
  return hlm_trace_add(t, "L423-6 I al. 1",
                       "Ni organisme d'HLM ou filiale d'un tel organisme, ni "
                       "SEM de logement social, ni Action Logement (ou "
                       "filiale), ni organisme agréé L365-1",
                       "%s%s%s", hlm_kind_name(o->kind),
                       o->subsidiary_of[0] ? ", filiale de " : "",
                       o->subsidiary_of);
}

/* 1 when the organism id passes the --organism / --group filters. */
static int wants_subject(const hlm_eval *ev, const char *id) {
  long k;
  if (ev->only_organism && strcmp(ev->only_organism, id) != 0)
    return 0;
  if (ev->only_group) {
    k = hlm_facts_org_index(ev->facts, id);
    return k >= 0 && hlm_eval_wants_org(ev, (size_t)k);
  }
  return 1;
}

/* Appends a finding about member m of its structure, with trace t. */
static int member_finding(const hlm_eval *ev, hlm_findings *out,
                          const char *article, const char *version,
                          hlm_severity sev, const char *code,
                          const hlm_coop_member *m, const hlm_trace *t,
                          const char *msg) {
  hlm_finding *fd =
      hlm_findings_add(out, "L423-6", article, version, sev, "organism",
                       m->member, code, ev->as_of, "%s", msg);
  if (!fd || hlm_trace_append(&fd->trace, t) < 0)
    return HLM_ENOMEM;
  id_suffix(fd, m->structure, NULL);
  return HLM_OK;
}

/* hlm check for L423-6 in the wording of version: every member joined by
 * the date (kind allowed, convention), then the costs of every (structure,
 * period) whose period has started (NO_USAGE, BILLING_NOT_AT_COST). */
static int rule(const hlm_eval *ev, const char *version, hlm_findings *out,
                hlm_error *err) {
  const hlm_facts *f = ev->facts;
  const hlm_capital_facts *cf = f->capital;
  size_t i, j;
  char msg[512], d[11];
  if (!cf)
    return HLM_OK;
  for (i = 0; i < cf->n_coop; i++) {
    const hlm_coop_member *m = &cf->coop[i];
    const hlm_organism *o;
    hlm_trace t = {0};
    int allowed;
    if (m->joined != HLM_DATE_NONE && m->joined > ev->as_of)
      continue;
    if (!wants_subject(ev, m->member) && !wants_subject(ev, m->structure))
      continue;
    hlm_date_format(m->joined, d);
    if (hlm_trace_add(&t, "L423-6 I al. 3",
                      "Membre de la structure de coopération",
                      "%s dans %s "
                      "depuis le %s",
                      m->member, m->structure, d) < 0)
      goto nomem_t;
    o = hlm_facts_org(f, m->member);
    if (!o) {
      snprintf(msg, sizeof msg,
               "le membre %s de la structure %s n'est pas dans la base "
               "(organisms.csv) : sa nature ne peut être vérifiée",
               m->member, m->structure);
      if (hlm__missing_fact(out, "L423-6", "L423-6 I al. 1", version,
                            "organism", m->member, ev->as_of, &t, msg) < 0)
        goto nomem_t;
      id_suffix(&out->items[out->n - 1], m->structure, NULL);
    } else {
      if (member_allowed(f, o, version, &t, &allowed) < 0)
        goto nomem_t;
      if (!allowed) {
        snprintf(msg, sizeof msg,
                 "%s (%s, %s) ne peut pas être membre de la structure de "
                 "coopération %s",
                 o->name, o->id, hlm_kind_name(o->kind), m->structure);
        if (member_finding(ev, out, "L423-6 I al. 1", version,
                           HLM_SEV_VIOLATION, "COOPERATION_MEMBER_NOT_ALLOWED",
                           m, &t, msg) < 0)
          goto nomem_t;
      }
    }
    /* ART: L423-6 II al. 1 — « Une convention conclue entre la structure
     * de coopération et chacun de ses membres » */
    if (m->convention_signed == HLM_DATE_NONE ||
        m->convention_signed > ev->as_of) {
      if (hlm_trace_add(&t, "L423-6 II al. 1",
                        "Convention entre la structure et le membre", "%s",
                        "aucune à la date") < 0)
        goto nomem_t;
      snprintf(msg, sizeof msg,
               "Aucune convention n'a été conclue entre la structure %s et "
               "son membre %s (L423-6 II)",
               m->structure, m->member);
      if (member_finding(ev, out, "L423-6 II al. 1", version, HLM_SEV_VIOLATION,
                         "CONVENTION_MISSING", m, &t, msg) < 0)
        goto nomem_t;
    }
    hlm_trace_clear(&t);
    continue;
  nomem_t:
    hlm_trace_clear(&t);
    return HLM_NOMEM(err);
  }

  /* the costs of every (structure, period) that has started by the date */
  for (i = 0; i < cf->n_services; i++) {
    const hlm_service *s = &cf->services[i];
    hlm_date first, last;
    hlm_costs c;
    hlm_findings tmp = {0};
    int rc, dup = 0;
    for (j = 0; j < i; j++)
      if (strcmp(cf->services[j].structure, s->structure) == 0 &&
          strcmp(cf->services[j].period, s->period) == 0)
        dup = 1;
    if (dup || period_span(s->period, &first, &last) < 0 || first > ev->as_of)
      continue;
    if ((rc = hlm_costs_compute(f, s->structure, s->period, ev->as_of, &c, &tmp,
                                err)) < 0)
      return rc;
    for (j = 0; j < tmp.n; j++) {
      hlm_finding *x = &tmp.items[j];
      int keep = strcmp(x->code, "NO_USAGE") == 0
                     ? wants_subject(ev, s->structure)
                     : wants_subject(ev, x->subject_id) ||
                           wants_subject(ev, s->structure);
      hlm_finding *y;
      if (!keep)
        continue;
      y = hlm_findings_add(out, x->rule, x->article, version, x->severity,
                           x->subject_type, x->subject_id, x->code, x->as_of,
                           "%s", x->message);
      if (!y || hlm_trace_append(&y->trace, &x->trace) < 0) {
        hlm_findings_clear(&tmp);
        hlm_costs_clear(&c);
        return HLM_NOMEM(err);
      }
      snprintf(y->id, sizeof y->id, "%s", x->id);
    }
    hlm_findings_clear(&tmp);
    hlm_costs_clear(&c);
  }
  return HLM_OK;
}

int hlm__rule_l423_6_2009(const hlm_eval *ev, hlm_findings *out,
                          hlm_error *err) {
  return rule(ev, V2009, out, err);
}

int hlm__rule_l423_6_2017(const hlm_eval *ev, hlm_findings *out,
                          hlm_error *err) {
  return rule(ev, V2017, out, err);
}
