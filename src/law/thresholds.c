/*
 * thresholds.c: the thresholds that follow from the dwelling count.
 *
 *  - L423-2, 1993 text (loi n° 93-122, in force until 2020-12-31):
 *    « Tout organisme d'habitations à loyer modéré gérant plus de 50 000
 *    logements peut être mis en demeure … de céder tout ou partie des
 *    logements excédant ce nombre ».
 *  - L423-2, ELAN text (loi n° 2018-1021 art. 81, in force 2021-01-01):
 *    organisms of L411-2 managing fewer than 12 000 logements sociaux
 *    (counted by R411-6) must belong to a group of L423-1-1, save two
 *    exemptions (I 1° social home ownership, I 2° alone in their
 *    département); a group must manage 12 000 or be the only group with
 *    its head office in its département.  Between publication
 *    (2018-11-25) and 2020-12-31 hlm announces it (reading I7, I12).
 *  - L423-1, text of 2012 (until 2020-12-31): « Tout organisme … qui gère
 *    moins de 1 500 logements et qui n'a pas construit au moins 500
 *    logements ou accordé 300 prêts pendant une période de dix ans peut
 *    être dissous ».  Spec reading: fewer than 500 built AND fewer than
 *    300 loans.
 *  - L423-1, ELAN text (from 2021-01-01, I8): fewer than 1 500 managed,
 *    fewer than 500 built in ten years, insufficient contribution to the
 *    missions; II: members of a group are outside the rule.
 * L423-1 counts « gère » plainly in both texts (R411-6 does not serve it).
 */
#include <stdio.h>
#include <string.h>

#include "law/law_int.h"

#define TRY(x)                                                                 \
  do {                                                                         \
    if ((x) < 0)                                                               \
      return HLM_NOMEM(err);                                                   \
  } while (0)

static const char *V1993 = "1993-01-30";
static const char *VELAN = "2018-11-25";
static const char *V1978 = "1978-06-08";

/* Adds a finding with a copy of a count's trace; NULL on ENOMEM. */
static hlm_finding *with_trace(hlm_finding *f, const hlm_count *c) {
  if (f && c && hlm_trace_append(&f->trace, &c->trace) < 0)
    return NULL;
  return f;
}

static int missing_count(const hlm_eval *ev, hlm_findings *out,
                         const char *rule, const char *version,
                         const hlm_organism *o, const hlm_count *c) {
  char msg[256];
  snprintf(msg, sizeof msg,
           "aucun parc RPLS ni logement-foyer au plus tard à la date pour "
           "%s (%s) : le nombre de logements gérés est inconnu",
           o->name, o->id);
  return hlm__missing_fact(out, rule, rule, version, "organism", o->id,
                           ev->as_of, &c->trace, msg);
}

/* ---- L423-2, 1993 text, and the ELAN announcement ---- */

static int elan_organism(const hlm_eval *ev, size_t i, int announce,
                         hlm_findings *out, hlm_error *err);

int hlm__rule_l423_2_1993(const hlm_eval *ev, hlm_findings *out,
                          hlm_error *err) {
  const hlm_facts *f = ev->facts;
  size_t i;
  int announce = ev->as_of >= hlm__d(VELAN);
  for (i = 0; i < f->n_orgs; i++) {
    const hlm_organism *o = &f->orgs[i];
    const hlm_count *c = &ev->count_managed[i];
    hlm_finding *fd;
    if (!hlm_eval_wants_org(ev, i) || !hlm_kind_is_l411_2(o->kind))
      continue;
    if (!c->known) {
      TRY(missing_count(ev, out, "L423-2", V1993, o, c));
      continue; /* nothing else for this organism (spec) */
    }
    /* ART: L423-2 (1993) — « gérant plus de 50 000 logements » */
    if (c->managed > 50000) {
      fd = hlm_findings_add(
          out, "L423-2", "L423-2", V1993, HLM_SEV_INFO, "organism", o->id,
          "OVER_50000", ev->as_of,
          "%s gère %lld logements, plus de 50 000 : il peut être mis en "
          "demeure de céder la part excédant 50 000 (%lld logements)",
          o->name, (long long)c->managed, (long long)(c->managed - 50000));
      fd = with_trace(fd, c);
      if (!fd)
        return HLM_NOMEM(err);
      TRY(hlm_trace_add(&fd->trace, "L423-2",
                        "Seuil du texte de 1993 : plus de 50 000 logements "
                        "gérés",
                        "%lld > 50000", (long long)c->managed));
      TRY(hlm_trace_add(&fd->trace, "L423-2",
                        "Excédent que le ministre peut faire céder", "%lld",
                        (long long)(c->managed - 50000)));
    }
    if (announce) {
      int rc = elan_organism(ev, i, 1, out, err);
      if (rc < 0)
        return rc;
    }
  }
  return HLM_OK;
}

/* ---- L423-2, ELAN text ---- */

/* ART: L423-2 I 2° — no other organism of L411-2 outside a group, no SEM
 * agréée outside a group and no group has its head office in the
 * département.  Writes the reason into the trace. */
static int departement_alone(const hlm_eval *ev, const hlm_organism *o,
                             hlm_trace *t, int *alone) {
  const hlm_facts *f = ev->facts;
  size_t i;
  *alone = 0;
  if (!o->departement[0])
    return hlm_trace_add(t, "L423-2 I 2°",
                         "Département du siège inconnu : l'exemption ne peut "
                         "être établie (lecture I11)",
                         "inconnu");
  for (i = 0; i < f->n_orgs; i++) {
    const hlm_organism *p = &f->orgs[i];
    if (p == o || p->group_id[0] || strcmp(p->departement, o->departement))
      continue;
    if (hlm_kind_is_l411_2(p->kind) || p->kind == HLM_KIND_SEM_AGREE)
      return hlm_trace_add(t, "L423-2 I 2°",
                           "Un autre organisme hors groupe a son siège dans le "
                           "département : pas d'exemption départementale",
                           "%s (%s, %s)", p->id, hlm_kind_name(p->kind),
                           o->departement);
  }
  for (i = 0; i < f->n_groups; i++)
    if (strcmp(f->groups[i].departement, o->departement) == 0)
      return hlm_trace_add(t, "L423-2 I 2°",
                           "Un groupe a son siège dans le département : pas "
                           "d'exemption départementale",
                           "%s (%s)", f->groups[i].id, o->departement);
  *alone = 1;
  return hlm_trace_add(t, "L423-2 I 2°",
                       "Aucun autre organisme ou SEM agréée hors groupe, "
                       "aucun groupe n'a son siège dans le département",
                       "%s", o->departement);
}

static int elan_organism(const hlm_eval *ev, size_t i, int announce,
                         hlm_findings *out, hlm_error *err) {
  const hlm_organism *o = &ev->facts->orgs[i];
  /* the announcement anticipates the count of 2021 (I12) */
  const hlm_count *c =
      announce ? &ev->count_r411_6[i] : &ev->count_by_date[i];
  hlm_trace t = {0};
  int acc = 0, dep = 0, rc = HLM_OK;
  hlm_finding *fd;

  /* ART: L423-2 I al. 1 — « appartenir à un groupe » : a member is fine
   * here; its group is checked below. */
  if (o->group_id[0])
    return HLM_OK;
  if (!c->known) {
    if (announce)
      return HLM_OK; /* the 1993 text already reported the missing stock */
    TRY(missing_count(ev, out, "L423-2", VELAN, o, c));
    return HLM_OK;
  }
  /* ART: L423-2 I al. 1 — « gèrent moins de 12 000 logements sociaux » */
  if (c->counted >= 12000)
    return HLM_OK;
  if (hlm_trace_append(&t, &c->trace) < 0 ||
      hlm_trace_add(&t, "L423-2 I",
                    announce ? "Décompte R411-6 anticipé (le texte ELAN "
                               "s'appliquera au 1er janvier 2021, lecture I12) "
                               ": moins de 12 000 logements, hors groupe"
                             : "Moins de 12 000 logements pris en compte "
                               "(R411-6), hors groupe",
                    "%lld < 12000", (long long)c->counted) < 0)
    goto nomem;

  /* ART: L423-2 I 1° — main activity: social home ownership over three
   * years, and at most 600 social rental dwellings built or acquired over
   * six years (I9). */
  if (o->accession_main_activity < 0) {
    if (hlm_trace_add(&t, "L423-2 I 1°",
                      "Activité principale d'accession sociale inconnue "
                      "(accession_main_activity) : l'exemption ne peut être "
                      "établie (lecture I11)",
                      "inconnu") < 0)
      goto nomem;
  } else if (o->accession_main_activity == 0) {
    if (hlm_trace_add(&t, "L423-2 I 1°",
                      "L'accession sociale n'est pas l'activité principale",
                      "non") < 0)
      goto nomem;
  } else if (c->owner_year == 0) {
    if (hlm_trace_add(&t, "L423-2 I 1°",
                      "Aucun parc RPLS propre : logements construits ou "
                      "acquis sur six ans inconnus (lecture I11)",
                      "inconnu") < 0)
      goto nomem;
  } else {
    acc = c->entered_6y <= 600;
    if (hlm_trace_add(&t, "L423-2 I 1°",
                      "Logements locatifs sociaux construits ou acquis au "
                      "cours des six dernières années (PATRIMOINE de Y-6 à "
                      "Y-1, lecture I9) ; exemption si au plus 600",
                      "%lld (millésime %d)", (long long)c->entered_6y,
                      c->owner_year) < 0)
      goto nomem;
  }
  if (departement_alone(ev, o, &t, &dep) < 0)
    goto nomem;

  if (announce) {
    if (acc || dep)
      goto done;
    fd = hlm_findings_add(
        out, "L423-2", "L423-2", VELAN, HLM_SEV_WARNING, "organism", o->id,
        "GROUP_REQUIRED_SOON", ev->as_of,
        "%s compte %lld logements (R411-6) et n'appartient à aucun groupe : "
        "à partir du 1er janvier 2021, L423-2 (loi ELAN) l'obligera à "
        "rejoindre un groupe d'organismes de logement social",
        o->name, (long long)c->counted);
    if (!fd || hlm_trace_append(&fd->trace, &t) < 0)
      goto nomem;
    goto done;
  }
  if (acc) {
    fd = hlm_findings_add(
        out, "L423-2", "L423-2 I 1°", VELAN, HLM_SEV_INFO, "organism", o->id,
        "GROUP_EXEMPT_ACCESSION", ev->as_of,
        "%s est exempté de l'obligation de groupe : activité principale "
        "d'accession sociale et %lld logements construits ou acquis en six "
        "ans (au plus 600)",
        o->name, (long long)c->entered_6y);
    if (!fd || hlm_trace_append(&fd->trace, &t) < 0)
      goto nomem;
  }
  if (dep) {
    fd = hlm_findings_add(
        out, "L423-2", "L423-2 I 2°", VELAN, HLM_SEV_INFO, "organism", o->id,
        "GROUP_EXEMPT_DEPARTEMENT", ev->as_of,
        "%s est exempté de l'obligation de groupe : aucun autre organisme ou "
        "SEM agréée hors groupe ni aucun groupe n'a son siège dans le "
        "département %s",
        o->name, o->departement);
    if (!fd || hlm_trace_append(&fd->trace, &t) < 0)
      goto nomem;
  }
  if (!acc && !dep) {
    fd = hlm_findings_add(
        out, "L423-2", "L423-2 I", VELAN, HLM_SEV_VIOLATION, "organism", o->id,
        "GROUP_REQUIRED", ev->as_of,
        "%s gère %lld logements pris en compte (moins de 12 000), n'est "
        "exempté à aucun titre et n'appartient à aucun groupe d'organismes "
        "de logement social (L423-1-1) : il peut être mis en demeure (L423-2 "
        "II)",
        o->name, (long long)c->counted);
    if (!fd || hlm_trace_append(&fd->trace, &t) < 0)
      goto nomem;
  }
done:
  hlm_trace_clear(&t);
  return rc;
nomem:
  hlm_trace_clear(&t);
  return HLM_NOMEM(err);
}

/* ART: L423-2 I dernier alinéa — a group manages at least 12 000
 * logements, or is the only group with its head office in its
 * département. */
static int elan_group(const hlm_eval *ev, const hlm_group *g,
                      hlm_findings *out, hlm_error *err) {
  const hlm_facts *f = ev->facts;
  size_t i, others = 0;
  int64_t sum = 0;
  hlm_trace t = {0};
  hlm_finding *fd;
  const hlm_organism *unknown = NULL;

  for (i = 0; i < f->n_groups; i++)
    if (&f->groups[i] != g &&
        strcmp(f->groups[i].departement, g->departement) == 0)
      others++;
  if (others == 0)
    return HLM_OK; /* the only group of its département */
  if (hlm_trace_add(&t, "L423-2 I",
                    "Autres groupes ayant leur siège dans le même "
                    "département",
                    "%zu (%s)", others, g->departement) < 0)
    goto nomem;
  for (i = 0; i < f->n_orgs; i++) {
    const hlm_organism *o = &f->orgs[i];
    const hlm_count *c = &ev->count_by_date[i];
    if (strcmp(o->group_id, g->id) || !hlm_kind_is_counting(o->kind))
      continue;
    if (!c->known) {
      unknown = o;
      if (hlm_trace_add(&t, "R411-6", "Membre au décompte inconnu",
                        "%s (%s)", o->id, o->name) < 0)
        goto nomem;
      continue;
    }
    sum += c->counted;
    if (hlm_trace_add(&t, "R411-6", "Logements pris en compte d'un membre",
                      "%lld (%s, %s)", (long long)c->counted, o->id,
                      o->name) < 0)
      goto nomem;
  }
  if (unknown) {
    char msg[256];
    snprintf(msg, sizeof msg,
             "le décompte R411-6 de %s (%s), membre du groupe %s, est "
             "inconnu : la taille du groupe ne peut être établie",
             unknown->name, unknown->id, g->id);
    if (hlm__missing_fact(out, "L423-2", "L423-2 I", VELAN, "group", g->id,
                          ev->as_of, &t, msg) < 0)
      goto nomem;
    goto done;
  }
  if (hlm_trace_add(&t, "L423-2 I",
                    "Logements pris en compte par le groupe (somme des "
                    "membres)",
                    "%lld", (long long)sum) < 0)
    goto nomem;
  if (sum < 12000) {
    fd = hlm_findings_add(
        out, "L423-2", "L423-2 I", VELAN, HLM_SEV_VIOLATION, "group", g->id,
        "GROUP_TOO_SMALL", ev->as_of,
        "Le groupe %s gère %lld logements pris en compte, moins de 12 000, "
        "et n'est pas le seul groupe ayant son siège dans le département %s",
        g->name, (long long)sum, g->departement);
    if (!fd || hlm_trace_append(&fd->trace, &t) < 0)
      goto nomem;
  }
done:
  hlm_trace_clear(&t);
  return HLM_OK;
nomem:
  hlm_trace_clear(&t);
  return HLM_NOMEM(err);
}

int hlm__rule_l423_2_elan(const hlm_eval *ev, hlm_findings *out,
                          hlm_error *err) {
  const hlm_facts *f = ev->facts;
  size_t i;
  int rc;
  for (i = 0; i < f->n_orgs; i++) {
    if (!hlm_eval_wants_org(ev, i) || !hlm_kind_is_l411_2(f->orgs[i].kind))
      continue;
    if ((rc = elan_organism(ev, i, 0, out, err)) < 0)
      return rc;
  }
  for (i = 0; i < f->n_groups; i++) {
    if (!hlm_eval_wants_group(ev, &f->groups[i]))
      continue;
    if ((rc = elan_group(ev, &f->groups[i], out, err)) < 0)
      return rc;
  }
  return HLM_OK;
}

/* ---- L423-1 ---- */

static int l423_1(const hlm_eval *ev, hlm_findings *out, hlm_error *err,
                  int elan) {
  const hlm_facts *f = ev->facts;
  const char *version = elan ? VELAN : V1978;
  size_t i;
  for (i = 0; i < f->n_orgs; i++) {
    const hlm_organism *o = &f->orgs[i];
    const hlm_count *c = &ev->count_managed[i];
    hlm_trace t = {0};
    hlm_finding *fd;
    /* L411-2 organisms; SEM agréées fall under L481-1-1 */
    if (!hlm_eval_wants_org(ev, i) || !hlm_kind_is_l411_2(o->kind))
      continue;
    /* ART: L423-1 II (ELAN) — members of a group are outside the rule. */
    if (elan && o->group_id[0])
      continue;
    if (!c->known) {
      TRY(missing_count(ev, out, "L423-1", version, o, c));
      continue;
    }
    /* ART: L423-1 — « gère moins de 1 500 logements » (plain count). */
    if (c->managed >= 1500)
      continue;
    /* ART: L423-1 — « n'a pas construit au moins 500 logements … pendant
     * une période de dix ans » (I10). */
    if (c->built_10y >= 500)
      continue;
    if (hlm_trace_append(&t, &c->trace) < 0 ||
        hlm_trace_add(&t, "L423-1", "Logements gérés (décompte simple)",
                      "%lld < 1500", (long long)c->managed) < 0 ||
        hlm_trace_add(&t, "L423-1",
                      "Logements construits par l'organisme au cours des dix "
                      "années précédant le millésime (ORIGINE = 1, CONSTRUCT "
                      "de Y-10 à Y-1, lecture I10)",
                      "%lld < 500", (long long)c->built_10y) < 0) {
      hlm_trace_clear(&t);
      return HLM_NOMEM(err);
    }
    if (!elan) {
      /* ART: L423-1 (2012) — « ou accordé 300 prêts » */
      if (o->loans_granted_10y < 0) {
        int rc = hlm__missing_fact(
            out, "L423-1", "L423-1", version, "organism", o->id, ev->as_of,
            &t, "nombre de prêts accordés sur dix ans (loans_granted_10y) "
                "inconnu : la condition de dissolution ne peut être jugée");
        hlm_trace_clear(&t);
        if (rc < 0)
          return HLM_NOMEM(err);
        continue;
      }
      if (o->loans_granted_10y >= 300) {
        hlm_trace_clear(&t);
        continue;
      }
      if (hlm_trace_add(&t, "L423-1", "Prêts accordés sur dix ans",
                        "%lld < 300", (long long)o->loans_granted_10y) < 0)
        goto nomem;
    } else {
      /* ART: L423-1 I (ELAN) — « ne contribue pas suffisamment » */
      if (o->insufficient_mission_contribution < 0) {
        int rc = hlm__missing_fact(
            out, "L423-1", "L423-1 I", version, "organism", o->id, ev->as_of,
            &t, "contribution aux missions d'intérêt général "
                "(insufficient_mission_contribution) non établie");
        hlm_trace_clear(&t);
        if (rc < 0)
          return HLM_NOMEM(err);
        continue;
      }
      if (o->insufficient_mission_contribution == 0) {
        hlm_trace_clear(&t);
        continue;
      }
      if (hlm_trace_add(&t, "L423-1 I",
                        "Contribution insuffisante aux missions constatée",
                        "oui") < 0 ||
          hlm_trace_add(&t, "L423-1 II", "N'appartient à aucun groupe",
                        "hors groupe") < 0)
        goto nomem;
    }
    fd = hlm_findings_add(
        out, "L423-1", elan ? "L423-1 I" : "L423-1", version, HLM_SEV_INFO,
        "organism", o->id, "DISSOLUTION_POSSIBLE", ev->as_of,
        "%s gère %lld logements (moins de 1 500) et en a construit %lld en "
        "dix ans (moins de 500)%s : il peut être dissous par arrêté du "
        "ministre",
        o->name, (long long)c->managed, (long long)c->built_10y,
        elan ? ", et sa contribution aux missions est insuffisante"
             : ", et a accordé moins de 300 prêts");
    if (!fd || hlm_trace_append(&fd->trace, &t) < 0)
      goto nomem;
    hlm_trace_clear(&t);
    continue;
  nomem:
    hlm_trace_clear(&t);
    return HLM_NOMEM(err);
  }
  return HLM_OK;
}

int hlm__rule_l423_1_2012(const hlm_eval *ev, hlm_findings *out,
                          hlm_error *err) {
  return l423_1(ev, out, err, 0);
}

int hlm__rule_l423_1_elan(const hlm_eval *ev, hlm_findings *out,
                          hlm_error *err) {
  return l423_1(ev, out, err, 1);
}

/* ---- cross-file references (formats.md: not enforced at import) ---- */

/* 1 when the filters of ev (--organism, --group) keep the owner of a stock
 * row; an owner absent from the store is kept only without filters. */
static int owner_wanted(const hlm_eval *ev, const char *owner) {
  long k;
  if (!ev->only_organism && !ev->only_group)
    return 1;
  k = hlm_facts_org_index(ev->facts, owner);
  return k >= 0 && hlm_eval_wants_org(ev, (size_t)k);
}

int hlm__rule_references(const hlm_eval *ev, hlm_findings *out,
                         hlm_error *err) {
  const hlm_facts *f = ev->facts;
  size_t i;
  int as_year = hlm_date_year(ev->as_of);
  for (i = 0; i < f->n_orgs; i++) {
    const hlm_organism *o = &f->orgs[i];
    if (!hlm_eval_wants_org(ev, i))
      continue;
    if (o->group_id[0] && !hlm_facts_group(f, o->group_id) &&
        !hlm_findings_add(out, "DATA-REF", "—", "1900-01-01", HLM_SEV_WARNING,
                          "organism", o->id, "UNKNOWN_REFERENCE", ev->as_of,
                          "%s désigne le groupe « %s », absent de la base "
                          "(groups.csv)",
                          o->name, o->group_id))
      return HLM_NOMEM(err);
  }
  for (i = 0; i < f->n_groups; i++) {
    const hlm_group *g = &f->groups[i];
    if (!hlm_eval_wants_group(ev, g))
      continue;
    if (!hlm_facts_org(f, g->head_id) &&
        !hlm_findings_add(out, "DATA-REF", "—", "1900-01-01", HLM_SEV_WARNING,
                          "group", g->id, "UNKNOWN_REFERENCE", ev->as_of,
                          "Le groupe %s désigne la tête %s, absente de la "
                          "base (organisms.csv)",
                          g->name, g->head_id))
      return HLM_NOMEM(err);
  }
  /* Managers named by stock lines or foyers but absent from the store:
   * one finding per owner whose stock names them.  Only the stock and the
   * foyers in use at the date are judged (each owner's latest year <= the
   * as-of year, as the count selects them: spec "Which stock"; reading
   * I14, tests/law/README.md), and only for the owners the filters keep.
   * Rows are sorted by owner then year (hlm_facts_sort, the store). */
  for (i = 0; i < f->n_stock;) {
    const char *owner = f->stock[i].owner;
    size_t end = i, k;
    int year = 0;
    while (end < f->n_stock && strcmp(f->stock[end].owner, owner) == 0) {
      if (f->stock[end].year <= as_year && f->stock[end].year > year)
        year = f->stock[end].year;
      end++;
    }
    for (k = i; k < end; k++) {
      const hlm_stock_agg *a = &f->stock[k];
      const char *who = a->manager[0] ? a->manager : a->manager_rpls;
      int found = a->manager[0] ? hlm_facts_org(f, a->manager) != NULL
                  : a->manager_rpls[0]
                      ? hlm_facts_org_by_rpls(f, a->manager_rpls) != NULL
                      : 1;
      hlm_finding *fd;
      if (found || a->year != year || !owner_wanted(ev, a->owner))
        continue;
      fd = hlm_findings_add(
          out, "DATA-REF", "—", "1900-01-01", HLM_SEV_WARNING, "organism",
          a->owner, "UNKNOWN_REFERENCE", ev->as_of,
          "Le parc RPLS %d de %s désigne le gestionnaire « %s » (%lld "
          "logements), inconnu de la base : ces logements ne sont comptés "
          "pour personne",
          a->year, a->owner, who, (long long)a->lines);
      if (!fd)
        return HLM_NOMEM(err);
      /* distinct ids for several unknown managers of one owner */
      snprintf(fd->id + strlen(fd->id), sizeof fd->id - strlen(fd->id),
               ".%d.%s", a->year, who);
    }
    i = end;
  }
  for (i = 0; i < f->n_foyers;) {
    const char *owner = f->foyers[i].owner;
    size_t end = i, k;
    int year = 0;
    while (end < f->n_foyers && strcmp(f->foyers[end].owner, owner) == 0) {
      if (f->foyers[end].year <= as_year && f->foyers[end].year > year)
        year = f->foyers[end].year;
      end++;
    }
    for (k = i; k < end; k++) {
      const hlm_foyer *y = &f->foyers[k];
      hlm_finding *fd;
      if (!y->manager[0] || hlm_facts_org(f, y->manager) ||
          y->year != year || !owner_wanted(ev, y->owner))
        continue;
      fd = hlm_findings_add(
          out, "DATA-REF", "—", "1900-01-01", HLM_SEV_WARNING, "organism",
          y->owner, "UNKNOWN_REFERENCE", ev->as_of,
          "Le logement-foyer %s (%d) de %s désigne le gestionnaire %s, "
          "inconnu de la base",
          y->structure_id, y->year, y->owner, y->manager);
      if (!fd)
        return HLM_NOMEM(err);
      snprintf(fd->id + strlen(fd->id), sizeof fd->id - strlen(fd->id),
               ".%d.%s", y->year, y->structure_id);
    }
    i = end;
  }
  return HLM_OK;
}
