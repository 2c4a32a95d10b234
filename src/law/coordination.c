/*
 * coordination.c: the capital of the sociétés de coordination and of the
 * former SA de coordination.
 *
 * Annex I to R423-86 (décret n° 2019-911, in force 2019-09-01; seed file
 * 001), model statutes of a société de coordination:
 *  §5  « Le capital social de la société ne peut être détenu que par : les
 *      organismes … mentionnés à l'article L. 411-2 … ; les sociétés
 *      d'économie mixte agréées … ; les organismes … agréées en application
 *      de l'article L. 365-2 » ; « également … dans une limite de 50 % de
 *      celui-ci, par des sociétés mentionnées à l'article L. 1521-1 du
 *      CGCT qui ne sont pas agréées … et par des sociétés mentionnées aux
 *      articles L. 1531-1 et L. 1541-1 » (SEM, SPL, SEMOP).
 *  §7  « Les actions peuvent être librement cédées à un autre actionnaire »
 *      ; « aucune cession ne pourra intervenir si elle a pour effet de faire
 *      détenir par [SEM, SPL, SEMOP] plus de 50 % du capital » ; a transfer
 *      to a third party « doit être agréée » ; « Le refus peut résulter soit
 *      d'une décision expresse, soit d'un défaut de réponse dans un délai de
 *      trois mois à compter de la date de réception de la demande » ; after
 *      a refusal the board « est tenu, dans un délai de trois mois à compter
 *      de son refus, de faire acquérir les actions » ; « Si, à l'expiration
 *      de ce délai, l'achat n'est pas réalisé, l'agrément est considéré comme
 *      donné, sauf prorogation du délai par décision de justice ».
 *  §11 with a SEM, SPL or SEMOP among the shareholders, « il ne peut être
 *      distribué un dividende supérieur à un pourcentage de la valeur
 *      nominale des actions égal ou inférieur au taux d'intérêt servi au
 *      détenteur du livret A au 31 décembre de l'année précédente, majoré de
 *      1,5 point ».
 * L423-1-2 (ELAN; law/NOTES.md §1.5): « Un organisme ne peut appartenir à
 * plusieurs sociétés de coordination » (hlm applies it from 2019-09-01 with
 * the model statutes, spec "Dates of texts").
 * L423-1-2, 2012 text (seed file 002), the SA de coordination: « Le capital
 * … doit être détenu en totalité par des organismes d'habitations à loyer
 * modéré » ; « le nombre minimum des associés de la société est ramené à
 * deux » (until 2018-11-24).
 * Readings: C12-C18, C20-C23 (docs/interpretations.md).
 */
#include <stdio.h>
#include <string.h>

#include "base/exact.h"
#include "hlm/alloc.h"
#include "hlm/params.h"
#include "law/capital_int.h"

static const char *V_ANNEX = HLM_ANNEX_I_FROM;
static const char *V_SAC = "2004-09-07";
static const char *V_ELAN = "2018-11-25"; /* L423-1-2 (loi n° 2018-1021) */

/* ---- shared ---- */

/* Holders allowed in a société de coordination without limit (§5). */
static int soc_allowed(hlm_kind k) {
  return k == HLM_KIND_OPH || k == HLM_KIND_ESH || k == HLM_KIND_COOP ||
         k == HLM_KIND_SCIC || k == HLM_KIND_FONDATION ||
         k == HLM_KIND_SEM_AGREE || k == HLM_KIND_MOI;
}

/* The kind of holder h, HLM_KIND_NONE when it is not a known organism. */
static hlm_kind holder_kind(const hlm_facts *f, const char *holder) {
  const hlm_organism *o = hlm_facts_org(f, holder);
  return o ? o->kind : HLM_KIND_NONE;
}

typedef struct captable {
  int64_t total;  /* shares counting at the date */
  int64_t local;  /* of which SEM, SPL, SEMOP */
  size_t holders; /* distinct holders */
} captable;

static void captable_at(const hlm_facts *f, const char *company, hlm_date d,
                        captable *ct) {
  const hlm_capital_facts *c = f->capital;
  size_t i, j;
  memset(ct, 0, sizeof *ct);
  for (i = 0; c && i < c->n_holdings; i++) {
    const hlm_holding *h = &c->holdings[i];
    int dup = 0;
    if (strcmp(h->company, company) || !hlm__holding_counts(h, d))
      continue;
    ct->total += h->shares;
    if (h->holder_type == HLM_HOLDER_ORGANISM &&
        hlm__kind_local_co(holder_kind(f, h->holder)))
      ct->local += h->shares;
    for (j = 0; j < i && !dup; j++)
      dup = strcmp(c->holdings[j].company, company) == 0 &&
            strcmp(c->holdings[j].holder, h->holder) == 0 &&
            hlm__holding_counts(&c->holdings[j], d);
    ct->holders += !dup;
  }
}

static int holds_at(const hlm_facts *f, const char *company,
                    const char *holder, hlm_date d) {
  const hlm_capital_facts *c = f->capital;
  size_t i;
  for (i = 0; c && i < c->n_holdings; i++)
    if (strcmp(c->holdings[i].company, company) == 0 &&
        strcmp(c->holdings[i].holder, holder) == 0 &&
        hlm__holding_counts(&c->holdings[i], d))
      return 1;
  return 0;
}

/* 1 when row i is the first row of its (company, holder) counting at d:
 * a holder on several rows is judged once. */
static int first_row(const hlm_capital_facts *c, size_t i, hlm_date d) {
  const hlm_holding *h = &c->holdings[i];
  size_t j;
  for (j = 0; j < i; j++)
    if (strcmp(c->holdings[j].company, h->company) == 0 &&
        strcmp(c->holdings[j].holder, h->holder) == 0 &&
        hlm__holding_counts(&c->holdings[j], d))
      return 0;
  return 1;
}

/* ---- transfers (§7) ---- */

const char *hlm_transfer_status_name(hlm_transfer_status s) {
  static const char *const names[] = {
      "FORBIDDEN_50PCT", "FREE",      "NO_REQUEST",       "PENDING",
      "PURCHASE_PENDING", "PURCHASED", "APPROVED_EXPRESS", "APPROVED_DEEMED"};
  return (unsigned)s < sizeof names / sizeof *names ? names[s] : "";
}

/* R423-86 annexe I §7 applied at a date (spec: "events dated after the
 * as-of date are ignored"): see capital_law.h. */
int hlm_transfer_known_at(const hlm_transfer *t, hlm_date as_of) {
  return t->signed_on == HLM_DATE_NONE || t->signed_on <= as_of ||
         (t->request_received != HLM_DATE_NONE &&
          t->request_received <= as_of);
}

void hlm_transfer_state_clear(hlm_transfer_state *s) {
  if (!s)
    return;
  hlm_trace_clear(&s->trace);
  memset(s, 0, sizeof *s);
}

#define STEP(...)                                                              \
  do {                                                                         \
    if (hlm_trace_add(&s->trace, __VA_ARGS__) < 0)                             \
      return HLM_NOMEM(err);                                                   \
  } while (0)

int hlm_transfer_state_compute(const hlm_facts *f, const hlm_transfer *t,
                               hlm_date D, hlm_transfer_state *s,
                               hlm_error *err) {
  const char *A7 = "R423-86 annexe I §7";
  captable ct;
  hlm_date req, silence = HLM_DATE_NONE, refusal_on, pd, bought, at;
  hlm_board_decision dec = HLM_BOARD_NONE;
  int buyer_local, seller_local;
  char d1[11], d2[11];

  memset(s, 0, sizeof *s);
  s->transfer = t;
  s->deadline = HLM_DATE_NONE;
  /* the transfer is judged on the cap table of its signature when it is
   * dated by the as-of date (reading C15): whether the buyer is "already" a
   * shareholder, and the effect of the transfer on the local companies'
   * part, are facts of the transfer, which later holdings do not change */
  at = t->signed_on != HLM_DATE_NONE && t->signed_on <= D ? t->signed_on : D;
  captable_at(f, t->company, at, &ct);
  buyer_local = hlm__kind_local_co(holder_kind(f, t->buyer));
  seller_local = hlm__kind_local_co(holder_kind(f, t->seller));

  /* ART: R423-86 annexe I §7 al. 2 — « aucune cession ne pourra intervenir
   * si elle a pour effet de faire détenir par [SEM, SPL, SEMOP] plus de
   * 50 % du capital »: checked first, even between shareholders; exactly
   * 50 % is allowed; simulated on the cap table at the signature (C15) */
  if (ct.total > 0) {
    int64_t after = ct.local + (buyer_local ? t->shares : 0) -
                    (seller_local ? t->shares : 0);
    STEP(A7, "Part des SEM non agréées, SPL et SEMOP après la cession "
             "(plafond : 50 % du capital, égalité admise)",
         "%lld / %lld → %lld / %lld", (long long)ct.local,
         (long long)ct.total, (long long)after, (long long)ct.total);
    if (after > ct.local && 2 * after > ct.total) {
      s->status = HLM_TS_FORBIDDEN_50PCT;
      STEP(A7, "La cession porterait leur part au-delà de 50 % : interdite",
           "2 × %lld > %lld", (long long)after, (long long)ct.total);
      return HLM_OK;
    }
  } else {
    STEP(A7, "Aucune action de la société à la date : le plafond de 50 % ne "
             "peut être vérifié",
         "capital inconnu");
  }
  /* ART: R423-86 annexe I §7 al. 1 — « Les actions peuvent être librement
   * cédées à un autre actionnaire de la société » */
  if (holds_at(f, t->company, t->buyer, at)) {
    s->status = HLM_TS_FREE;
    STEP(A7, "L'acquéreur est déjà actionnaire : cession libre", "%s",
         t->buyer);
    return HLM_OK;
  }
  STEP(A7, "L'acquéreur est un tiers : la cession doit être agréée par le "
           "conseil",
       "%s", t->buyer);
  /* events dated after the as-of date are ignored */
  req = t->request_received != HLM_DATE_NONE && t->request_received <= D
            ? t->request_received
            : HLM_DATE_NONE;
  if (t->board_decision != HLM_BOARD_NONE &&
      t->board_decision_date != HLM_DATE_NONE && t->board_decision_date <= D)
    dec = t->board_decision;
  if (req != HLM_DATE_NONE) {
    /* ART: R423-86 annexe I §7 al. 4 — « défaut de réponse dans un délai de
     * trois mois à compter de la date de réception de la demande »;
     * months keep the day number or take the month's last day */
    silence = hlm_date_add_months(req, 3);
    STEP(A7, "Demande d'agrément reçue ; le silence du conseil vaut refus à "
             "l'issue de trois mois (le dernier jour compris)",
         "reçue le %s, échéance le %s", hlm__date_text(req, d1),
         hlm__date_text(silence, d2));
    if (dec != HLM_BOARD_NONE && t->board_decision_date > silence) {
      STEP(A7, "Décision du conseil postérieure à l'échéance : elle ne "
               "défait pas le refus par silence",
           "%s", hlm__date_text(t->board_decision_date, d1));
      dec = HLM_BOARD_NONE;
    }
  } else if (dec == HLM_BOARD_NONE) {
    s->status = HLM_TS_NO_REQUEST;
    STEP(A7, "Aucune demande d'agrément reçue à la date", "%s",
         t->request_received != HLM_DATE_NONE
             ? "demande postérieure à la date"
             : "aucune");
    return HLM_OK;
  }
  if (dec == HLM_BOARD_APPROVED) {
    s->status = HLM_TS_APPROVED_EXPRESS;
    STEP(A7, "Agrément exprès du conseil", "%s",
         hlm__date_text(t->board_decision_date, d1));
    return HLM_OK;
  }
  if (dec == HLM_BOARD_REFUSED) {
    s->refusal = "EXPRESS";
    refusal_on = t->board_decision_date;
    STEP(A7, "Refus exprès du conseil", "%s",
         hlm__date_text(refusal_on, d1));
  } else if (D <= silence) {
    s->status = HLM_TS_PENDING;
    s->deadline = silence;
    STEP(A7, "Pas de décision à la date : demande en cours d'examen",
         "échéance le %s", hlm__date_text(silence, d1));
    return HLM_OK;
  } else {
    s->refusal = "SILENCE";
    refusal_on = silence;
    STEP(A7, "Pas de décision au terme des trois mois : refus par silence",
         "%s", hlm__date_text(refusal_on, d1));
  }
  /* ART: R423-86 annexe I §7 al. 6 — « dans un délai de trois mois à
   * compter de son refus, de faire acquérir les actions » ; « sauf
   * prorogation du délai par décision de justice » (C12, C13) */
  pd = hlm_date_add_months(refusal_on, 3);
  STEP(A7, "Délai d'achat des actions : trois mois à compter du refus",
       "échéance le %s", hlm__date_text(pd, d1));
  if (t->court_extension_until != HLM_DATE_NONE &&
      t->court_extension_until > pd) {
    pd = t->court_extension_until;
    STEP(A7, "Délai prorogé par décision de justice", "jusqu'au %s",
         hlm__date_text(pd, d1));
  }
  bought = t->purchased != HLM_DATE_NONE && t->purchased <= D
               ? t->purchased
               : HLM_DATE_NONE;
  if (bought != HLM_DATE_NONE && bought <= pd) {
    s->status = HLM_TS_PURCHASED;
    STEP(A7, "Actions acquises dans le délai", "%s",
         hlm__date_text(bought, d1));
    return HLM_OK;
  }
  if (D <= pd) {
    s->status = HLM_TS_PURCHASE_PENDING;
    s->deadline = pd;
    STEP(A7, "Achat des actions attendu", "au plus tard le %s",
         hlm__date_text(pd, d1));
    return HLM_OK;
  }
  /* ART: R423-86 annexe I §7 al. 7 — « Si, à l'expiration de ce délai,
   * l'achat n'est pas réalisé, l'agrément est considéré comme donné » */
  s->status = HLM_TS_APPROVED_DEEMED;
  STEP(A7, "Achat non réalisé dans le délai : agrément réputé donné",
       "depuis le %s%s", hlm__date_text(pd + 1, d1),
       bought != HLM_DATE_NONE ? " (achat tardif, lecture C14)" : "");
  return HLM_OK;
}

#undef STEP

/* ---- rule R423-86 (annex I §5, §11) ---- */

static int soc_company(const hlm_eval *ev, const hlm_organism *o,
                       hlm_findings *out, hlm_error *err) {
  const hlm_facts *f = ev->facts;
  const hlm_capital_facts *c = f->capital;
  size_t i, from = out->n;
  captable ct;
  hlm_finding *fd;
  const hlm_param_row *lim;
  const char *R = "R423-86", *A5 = "R423-86 annexe I §5";
  char d1[11];
  int rc;

  captable_at(f, o->id, ev->as_of, &ct);
  if (ct.total == 0)
    return HLM_OK; /* no cap table (C17) */
  /* ART: R423-86 annexe I §5 — « Le capital social de la société ne peut
   * être détenu que par » the organisms of L411-2, L481-1 and L365-2, and
   * within 50 % by SEM, SPL and SEMOP */
  for (i = 0; c && i < c->n_holdings; i++) {
    const hlm_holding *h = &c->holdings[i];
    hlm_kind k;
    if (strcmp(h->company, o->id) || !hlm__holding_counts(h, ev->as_of) ||
        !first_row(c, i, ev->as_of))
      continue;
    k = h->holder_type == HLM_HOLDER_ORGANISM ? holder_kind(f, h->holder)
                                              : HLM_KIND_NONE;
    if (h->holder_type == HLM_HOLDER_ORGANISM && k == HLM_KIND_NONE) {
      fd = hlm__cap_finding(out, from, R, A5, V_ANNEX, HLM_SEV_WARNING,
                            "organism", o->id, "MISSING_FACT", ev->as_of,
                            "Donnée manquante : nature du détenteur %s "
                            "(absent de organisms.csv)",
                            h->holder);
      if (!fd || hlm_trace_add(&fd->trace, A5,
                               "Détenteur inconnu : sa qualité ne peut être "
                               "vérifiée (lecture C18)",
                               "%s", h->holder) < 0)
        return HLM_NOMEM(err);
      continue;
    }
    if (soc_allowed(k) || hlm__kind_local_co(k))
      continue;
    fd = hlm__cap_finding(
        out, from, R, A5, V_ANNEX, HLM_SEV_VIOLATION, "organism", o->id,
        "HOLDER_NOT_ALLOWED", ev->as_of,
        "%s : %s (%s) ne peut détenir de capital d'une société de "
        "coordination",
        o->name, h->holder,
        h->holder_type == HLM_HOLDER_PERSON          ? "personne physique"
        : h->holder_type == HLM_HOLDER_EMPLOYEE_FUND ? "fonds de salariés"
                                                     : hlm_kind_name(k));
    if (!fd || hlm_trace_add(&fd->trace, A5,
                             "Détenteurs admis : OPH, ESH, COOP, SCIC, "
                             "FONDATION, SEM agréée, MOI ; SEM, SPL, SEMOP "
                             "dans la limite de 50 %",
                             "%s : %s", h->holder,
                             h->holder_type == HLM_HOLDER_ORGANISM
                                 ? hlm_kind_name(k)
                                 : "non-organisme") < 0)
      return HLM_NOMEM(err);
  }
  /* exactly 50 % is allowed */
  if ((rc = hlm_param_at("coordination_local_max", ev->as_of, &lim, err)) < 0)
    return rc;
  if ((__int128)ct.local * 10000 > (__int128)lim->value * ct.total) {
    fd = hlm__cap_finding(out, from, R, A5, V_ANNEX, HLM_SEV_VIOLATION,
                          "organism", o->id, "LOCAL_COMPANIES_OVER_50PCT",
                          ev->as_of,
                          "%s : les SEM non agréées, SPL et SEMOP détiennent "
                          "%lld actions sur %lld, plus de 50 %% du capital",
                          o->name, (long long)ct.local, (long long)ct.total);
    if (!fd || hlm_trace_add(&fd->trace, A5,
                             "Part de SEM, SPL et SEMOP : actions × 10 000 > "
                             "plafond (pb) × capital",
                             "%lld × 10000 > %lld × %lld (%s)",
                             (long long)ct.local, (long long)lim->value,
                             (long long)ct.total, lim->source) < 0)
      return HLM_NOMEM(err);
  }
  /* ART: R423-86 annexe I §11 — with a SEM, SPL or SEMOP shareholder on the
   * payment date, dividend ≤ nominal × (Livret A on 31 December of the
   * previous year + 1.5 point), rounded down to the cent (C22) */
  for (i = 0; c && i < c->n_dividends; i++) {
    const hlm_dividend *dv = &c->dividends[i];
    captable at;
    const hlm_param_row *lrow, *mrow;
    int64_t bp, cap;
    if (strcmp(dv->company, o->id) || dv->paid == HLM_DATE_NONE ||
        dv->paid > ev->as_of || dv->paid < hlm__d(V_ANNEX))
      continue;
    captable_at(f, o->id, dv->paid, &at);
    if (at.local == 0)
      continue; /* §11 al. 1: distribution free */
    if (o->share_nominal_cents < 0) {
      fd = hlm__cap_finding(out, from, R, "R423-86 annexe I §11", V_ANNEX,
                            HLM_SEV_WARNING, "organism", o->id,
                            "MISSING_FACT", ev->as_of,
                            "Donnée manquante : valeur nominale des actions "
                            "de %s (organisms.csv : share_nominal_cents), "
                            "pour le plafond du dividende du %s",
                            o->name, hlm__date_text(dv->paid, d1));
      if (!fd)
        return HLM_NOMEM(err);
      continue;
    }
    if ((rc = hlm_livret_a_dec31(hlm_date_year(dv->paid) - 1, &bp, &lrow,
                                 err)) < 0 ||
        (rc = hlm_param_at("livret_a_margin", dv->paid, &mrow, err)) < 0) {
      if (rc == HLM_ENOMEM)
        return rc;
      fd = hlm__cap_finding(out, from, R, "R423-86 annexe I §11", V_ANNEX,
                            HLM_SEV_WARNING, "organism", o->id,
                            "MISSING_FACT", ev->as_of, "Donnée manquante : %s",
                            err->message);
      hlm_error_clear(err);
      if (!fd)
        return HLM_NOMEM(err);
      continue;
    }
    /* floor(nominal × (bp + margin) / 10 000): exact in integers */
    cap = (int64_t)(((__int128)o->share_nominal_cents *
                     (bp + mrow->value)) /
                    10000);
    if (dv->per_share_cents <= cap)
      continue;
    fd = hlm__cap_finding(
        out, from, R, "R423-86 annexe I §11", V_ANNEX, HLM_SEV_VIOLATION,
        "organism", o->id, "DIVIDEND_ABOVE_CAP", ev->as_of,
        "%s : dividende de %lld centimes par action versé le %s, au-dessus "
        "du plafond de %lld centimes (SEM, SPL ou SEMOP actionnaire)",
        o->name, (long long)dv->per_share_cents,
        hlm__date_text(dv->paid, d1), (long long)cap);
    if (!fd ||
        hlm_trace_add(&fd->trace, "R423-86 annexe I §11",
                      "SEM non agréée, SPL ou SEMOP actionnaire à la date du "
                      "versement",
                      "%lld actions sur %lld", (long long)at.local,
                      (long long)at.total) < 0 ||
        hlm_trace_add(&fd->trace, "R423-86 annexe I §11",
                      "Plafond : nominal × (livret A au 31 décembre de "
                      "l'année précédente + 150 pb) / 10 000, arrondi au "
                      "centime inférieur",
                      "%lld × (%lld + %lld) / 10000 → %lld (%d : %s)",
                      (long long)o->share_nominal_cents, (long long)bp,
                      (long long)mrow->value, (long long)cap,
                      hlm_date_year(dv->paid) - 1, lrow->source) < 0 ||
        hlm_trace_add(&fd->trace, "R423-86 annexe I §11",
                      "Dividende versé par action > plafond", "%lld > %lld",
                      (long long)dv->per_share_cents, (long long)cap) < 0)
      return HLM_NOMEM(err);
  }
  return HLM_OK;
}

int hlm__rule_r423_86(const hlm_eval *ev, hlm_findings *out,
                      hlm_error *err) {
  const hlm_facts *f = ev->facts;
  size_t i;
  for (i = 0; i < f->n_orgs; i++) {
    int rc;
    if (f->orgs[i].kind != HLM_KIND_SOC_COORDINATION ||
        !hlm__eval_wants_company(ev, f->orgs[i].id))
      continue;
    if ((rc = soc_company(ev, &f->orgs[i], out, err)) < 0)
      return rc;
  }
  return HLM_OK;
}

/* ---- rule L423-1-2, société de coordination (from 2019-09-01) ---- */

int hlm__rule_l423_1_2_soc(const hlm_eval *ev, hlm_findings *out,
                           hlm_error *err) {
  const hlm_facts *f = ev->facts;
  const hlm_capital_facts *c = f->capital;
  size_t i, j;
  /* ART: L423-1-2 — « Un organisme ne peut appartenir à plusieurs sociétés
   * de coordination »: one finding per holder, listing them */
  for (i = 0; c && i < c->n_holdings; i++) {
    const hlm_holding *h = &c->holdings[i];
    char list[400];
    size_t n = 0, p = 0;
    int first = 1;
    if (h->holder_type != HLM_HOLDER_ORGANISM ||
        !hlm__holding_counts(h, ev->as_of) ||
        holder_kind(f, h->company) != HLM_KIND_SOC_COORDINATION ||
        !hlm__eval_wants_company(ev, h->holder))
      continue;
    /* judged at the holder's first counting row in a coordination */
    for (j = 0; j < i && first; j++)
      first = !(strcmp(c->holdings[j].holder, h->holder) == 0 &&
                hlm__holding_counts(&c->holdings[j], ev->as_of) &&
                holder_kind(f, c->holdings[j].company) ==
                    HLM_KIND_SOC_COORDINATION);
    if (!first)
      continue;
    list[0] = '\0';
    for (j = i; j < c->n_holdings; j++) {
      const hlm_holding *g = &c->holdings[j];
      size_t k;
      int dup = 0;
      if (strcmp(g->holder, h->holder) ||
          !hlm__holding_counts(g, ev->as_of) ||
          holder_kind(f, g->company) != HLM_KIND_SOC_COORDINATION)
        continue;
      for (k = i; k < j && !dup; k++)
        dup = strcmp(c->holdings[k].holder, h->holder) == 0 &&
              strcmp(c->holdings[k].company, g->company) == 0 &&
              hlm__holding_counts(&c->holdings[k], ev->as_of);
      if (dup)
        continue;
      n++;
      if (p + 16 < sizeof list)
        p += (size_t)snprintf(list + p, sizeof list - p, "%s%s",
                              n > 1 ? ", " : "", g->company);
    }
    if (n >= 2) {
      hlm_finding *fd = hlm_findings_add(
          out, "L423-1-2", "L423-1-2", V_ELAN, HLM_SEV_VIOLATION, "organism",
          h->holder, "SEVERAL_COORDINATION", ev->as_of,
          "%s détient des actions de %zu sociétés de coordination (%s) ; un "
          "organisme ne peut appartenir qu'à une seule",
          h->holder, n, list);
      if (!fd || hlm_trace_add(&fd->trace, "L423-1-2",
                               "Sociétés de coordination dont l'organisme "
                               "est actionnaire à la date",
                               "%s", list) < 0)
        return HLM_NOMEM(err);
    }
  }
  return HLM_OK;
}

/* ---- rule L423-1-2, SA de coordination (2012 text, until 2018-11-24) -- */

int hlm__rule_l423_1_2_sac(const hlm_eval *ev, hlm_findings *out,
                           hlm_error *err) {
  const hlm_facts *f = ev->facts;
  const hlm_capital_facts *c = f->capital;
  size_t i, k;
  for (k = 0; k < f->n_orgs; k++) {
    const hlm_organism *o = &f->orgs[k];
    size_t from = out->n;
    captable ct;
    hlm_finding *fd;
    if (o->kind != HLM_KIND_SAC || !hlm__eval_wants_company(ev, o->id))
      continue;
    captable_at(f, o->id, ev->as_of, &ct);
    if (ct.total == 0)
      continue; /* no cap table (C17) */
    /* ART: L423-1-2 (2012) al. 1 — « Le capital … doit être détenu en
     * totalité par des organismes d'habitations à loyer modéré » */
    for (i = 0; c && i < c->n_holdings; i++) {
      const hlm_holding *h = &c->holdings[i];
      hlm_kind kd;
      if (strcmp(h->company, o->id) || !hlm__holding_counts(h, ev->as_of) ||
          !first_row(c, i, ev->as_of))
        continue;
      kd = h->holder_type == HLM_HOLDER_ORGANISM ? holder_kind(f, h->holder)
                                                 : HLM_KIND_NONE;
      if (h->holder_type == HLM_HOLDER_ORGANISM && kd == HLM_KIND_NONE) {
        fd = hlm__cap_finding(out, from, "L423-1-2", "L423-1-2", V_SAC,
                              HLM_SEV_WARNING, "organism", o->id,
                              "MISSING_FACT", ev->as_of,
                              "Donnée manquante : nature du détenteur %s "
                              "(absent de organisms.csv)",
                              h->holder);
        if (!fd)
          return HLM_NOMEM(err);
        continue;
      }
      if (hlm_kind_is_l411_2(kd))
        continue;
      fd = hlm__cap_finding(
          out, from, "L423-1-2", "L423-1-2", V_SAC, HLM_SEV_VIOLATION,
          "organism", o->id, "HOLDER_NOT_ALLOWED", ev->as_of,
          "%s : %s (%s) n'est pas un organisme d'HLM ; le capital d'une SA "
          "de coordination est détenu en totalité par des organismes d'HLM",
          o->name, h->holder,
          h->holder_type == HLM_HOLDER_ORGANISM ? hlm_kind_name(kd)
                                                : "non-organisme");
      if (!fd || hlm_trace_add(&fd->trace, "L423-1-2",
                               "Détenteurs admis : organismes d'HLM de "
                               "L411-2 (OPH, ESH, COOP, SCIC, FONDATION)",
                               "%s", h->holder) < 0)
        return HLM_NOMEM(err);
    }
    /* ART: L423-1-2 (2012) al. 5 — « le nombre minimum des associés de la
     * société est ramené à deux » */
    if (ct.holders < 2) {
      fd = hlm__cap_finding(out, from, "L423-1-2", "L423-1-2", V_SAC,
                            HLM_SEV_VIOLATION, "organism", o->id,
                            "TOO_FEW_SHAREHOLDERS", ev->as_of,
                            "%s : %zu actionnaire à la date ; il en faut au "
                            "moins deux",
                            o->name, ct.holders);
      if (!fd || hlm_trace_add(&fd->trace, "L423-1-2",
                               "Nombre d'actionnaires distincts à la date",
                               "%zu < 2", ct.holders) < 0)
        return HLM_NOMEM(err);
    }
  }
  return HLM_OK;
}
