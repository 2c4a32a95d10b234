/*
 * share_price.c: the maximum price of the shares of HLM companies
 * (L423-4) and the capital operations it bounds (L423-5).
 *
 * L423-4, text of 2008-01-01 (seed file 002, line 527; law/NOTES.md
 * §1.8): « Le prix maximum de cession des actions des sociétés d'habitation
 * à loyer modéré mentionnées aux articles L. 422-2, L. 422-3 et L. 422-13
 * est limité au montant du nominal de ces actions, majoré pour chaque
 * année ayant précédé la cession sans pouvoir excéder vingt années d'un
 * intérêt calculé au taux servi au 31 décembre de l'année considérée aux
 * détenteurs d'un premier livret de caisse d'épargne majoré de 1,5 point
 * et diminué des dividendes versés pendant la même période. » … « Toute
 * cession d'actions intervenue en violation des dispositions du présent
 * article est frappée d'une nullité d'ordre public. »
 *
 * L423-4, ALUR text of 2014-03-27 (loi n° 2014-366; law/NOTES-2.md §3):
 * the base is « le montant d'acquisition de ces actions », increased for
 * each year that preceded the sale by interest at the Livret A rate on 31
 * December + 1.5 point, minus the dividends; « Lorsque le montant ou la
 * date d'acquisition ne peut être établi », the nominal « pour une durée de
 * détention ne pouvant excéder vingt ans ».  §2: every buyer except the
 * representatives of 2° and 3° of L422-2-1 I deposits « un acte de cession
 * » at the head office within 30 days of its signature.
 *
 * L423-5 (seed file 002, lines 533-539): « toute augmentation de capital
 * par incorporation de réserves, bénéfices ou primes d'émission est
 * interdite, sauf dérogation » — « ne vise pas les augmentations de capital
 * motivées par un éventuel relèvement du minimum légal » — « ne peuvent
 * procéder à l'amortissement de leur capital » — buy-back « le prix de
 * rachat ne peut être supérieur au prix maximum calculé en application des
 * deux premiers alinéas de l'article L. 423-4 ».
 *
 * Readings: C6-C11, C19, C24 (docs/interpretations.md).  Exact arithmetic:
 * GMP rationals, one rounding (down, to the cent) at the end.
 */
#include <stdio.h>
#include <string.h>

#include "base/exact.h"
#include "hlm/alloc.h"
#include "hlm/params.h"
#include "law/capital_int.h"

void hlm_share_price_clear(hlm_share_price *p) {
  size_t i;
  if (!p)
    return;
  for (i = 0; i < p->n_years; i++)
    hlm_free(p->years[i].interest_cents);
  hlm_free(p->years);
  hlm_free(p->base_cents);
  hlm_trace_clear(&p->trace);
  memset(p, 0, sizeof *p);
}

/* The acquisition base of holder in company at d (ALUR): the rows held
 * then, summed.  *found: some row names the holder; *known: every such
 * row has a price and a date; then base = Σ price / Σ shares and *acq the
 * latest acquisition date (reading C7). */
static void holder_base(const hlm_capital_facts *c, const char *company,
                        const char *holder, hlm_date d, int *found,
                        int *known, int64_t *price, int64_t *shares,
                        hlm_date *acq) {
  size_t i;
  *found = 0;
  *known = 1;
  *price = *shares = 0;
  *acq = HLM_DATE_NONE;
  for (i = 0; c && i < c->n_holdings; i++) {
    const hlm_holding *h = &c->holdings[i];
    if (strcmp(h->company, company) || strcmp(h->holder, holder) ||
        h->shares <= 0)
      continue;
    if (h->acquired != HLM_DATE_NONE && h->acquired > d)
      continue; /* bought after the sale: not these shares */
    *found = 1;
    if (h->acquired == HLM_DATE_NONE || h->price_cents < 0) {
      *known = 0;
      continue;
    }
    *price += h->price_cents;
    *shares += h->shares;
    if (*acq == HLM_DATE_NONE || h->acquired > *acq)
      *acq = h->acquired;
  }
  if (!*found || *shares == 0)
    *known = 0;
}

static int fail_mem(hlm_error *err) { return HLM_NOMEM(err); }

int hlm_share_price_compute(const hlm_facts *f, const hlm_price_query *q,
                            hlm_share_price *p, hlm_error *err) {
  const hlm_organism *o;
  const hlm_capital_facts *c = f->capital;
  const hlm_param_row *mrow;
  int sold_year, first = 0, last = -1, y, rc = HLM_OK;
  mpq_t base, sum, t;
  char d1[11], d2[11];
  size_t i;

  memset(p, 0, sizeof *p);
  p->cap_cents = -1;
  p->acquired = HLM_DATE_NONE;
  p->sold = q->sold;
  snprintf(p->company, sizeof p->company, "%s", q->company);
  o = hlm_facts_org(f, q->company);
  if (!o)
    return hlm_error_set(err, HLM_ENOTFOUND, "société %s inconnue de la base",
                         q->company);
  sold_year = hlm_date_year(q->sold);
  if (q->sold < hlm__d(HLM_L423_4_2008)) {
    /* before 2008 the texts of 1978 and 1993 apply: not encoded */
    if (hlm_trace_add(&p->trace, "L423-4",
                      "Cession avant le 1er janvier 2008 : le texte alors en "
                      "vigueur (1978 ou 1993) n'est pas encodé "
                      "(TEXT_NOT_ENCODED)",
                      "%s", hlm__date_text(q->sold, d1)) < 0)
      return fail_mem(err);
    return HLM_OK;
  }
  p->version = q->sold < hlm__d(HLM_L423_4_ALUR) ? HLM_L423_4_2008
                                                 : HLM_L423_4_ALUR;
  if (!hlm__kind_l423_4(o->kind) &&
      hlm_trace_add(&p->trace, "L423-5",
                    "Société hors du champ de L423-4 (ESH, COOP, SCIC) : "
                    "plafond calculé par renvoi de L423-5 (rachat, réduction "
                    "du capital)",
                    "%s", hlm_kind_name(o->kind)) < 0)
    return fail_mem(err);
  if ((rc = hlm_param_at("livret_a_margin", q->sold, &mrow, err)) < 0)
    return rc;
  p->margin_bp = mrow->value;

  mpq_init(base);
  mpq_init(sum);
  mpq_init(t);
  /* ---- the base and the years counted ---- */
  if (strcmp(p->version, HLM_L423_4_ALUR) == 0 && !q->nominal_rule) {
    int found = 0, known = 0;
    int64_t price = 0, shares = 1;
    hlm_date acq = HLM_DATE_NONE;
    if (q->base_cents >= 0 && q->acquired != HLM_DATE_NONE) {
      found = known = 1;
      price = q->base_cents;
      acq = q->acquired;
    } else if (q->holder) {
      holder_base(c, q->company, q->holder, q->sold, &found, &known, &price,
                  &shares, &acq);
    }
    if (known) {
      /* ART: L423-4 al. 1 (ALUR) — « montant d'acquisition de ces actions
       * », per share; each year from the year of acquisition (C6) */
      p->base_acquisition = 1;
      p->acquired = acq;
      hlm__mpq_set_frac(base, price, shares);
      first = hlm_date_year(acq);
      last = sold_year - 1;
      p->base_cents = hlm__exact_text(base, &p->base_whole, &p->base_int);
      if (!p->base_cents ||
          hlm_trace_add(&p->trace, "L423-4 al. 1",
                        "Texte ALUR : base = prix d'acquisition par action "
                        "(total payé / actions), majoré pour chaque année "
                        "civile de l'année d'acquisition à celle qui précède "
                        "la cession (lecture C6)",
                        "%s centimes, acquises le %s%s%s", p->base_cents,
                        hlm__date_text(acq, d1), q->holder ? " par " : "",
                        q->holder ? q->holder : "") < 0)
        goto nomem;
    } else {
      /* ART: L423-4 al. 1 (ALUR) — « Lorsque le montant ou la date
       * d'acquisition ne peut être établi », the nominal over at most
       * twenty years */
      if (hlm_trace_add(&p->trace, "L423-4 al. 1",
                        "Texte ALUR : montant ou date d'acquisition inconnu "
                        "— règle du nominal, vingt ans au plus",
                        "%s",
                        q->holder ? (found ? "une ligne du détenteur sans "
                                             "prix ou sans date"
                                           : "aucune action du détenteur à "
                                             "la date")
                                  : "aucune acquisition donnée") < 0)
        goto nomem;
    }
  }
  if (!p->base_acquisition) {
    /* ART: L423-4 al. 1 (2008) — « limité au montant du nominal … majoré
     * pour chaque année ayant précédé la cession sans pouvoir excéder vingt
     * années »: the 20 calendar years before the year of sale (C6) */
    if (o->share_nominal_cents < 0) {
      rc = hlm_error_set(err, HLM_EINPUT,
                         "valeur nominale des actions de %s inconnue "
                         "(organisms.csv : share_nominal_cents)",
                         q->company);
      goto done;
    }
    hlm__mpq_set_frac(base, o->share_nominal_cents, 1);
    first = sold_year - 20;
    last = sold_year - 1;
    p->base_cents = hlm__exact_text(base, &p->base_whole, &p->base_int);
    if (!p->base_cents ||
        hlm_trace_add(&p->trace, "L423-4 al. 1",
                      q->nominal_rule
                          ? "Règle du nominal (L423-5 : rachat par la "
                            "société) : base = valeur nominale, les vingt "
                            "années civiles précédant l'année de l'opération"
                          : "Base = valeur nominale, majorée pour les vingt "
                            "années civiles précédant l'année de cession, "
                            "quelle que soit la durée de détention (lecture "
                            "C6)",
                      "%s centimes ; années %d à %d", p->base_cents, first,
                      last) < 0)
      goto nomem;
  }

  /* ---- interest, year by year ---- */
  if (last >= first) {
    p->years = hlm_calloc((size_t)(last - first + 1), sizeof *p->years);
    if (!p->years)
      goto nomem;
  }
  for (y = first; y <= last; y++) {
    hlm_price_year *py = &p->years[p->n_years];
    const hlm_param_row *row;
    int64_t bp;
    if ((rc = hlm_livret_a_dec31(y, &bp, &row, err)) < 0)
      goto done;
    py->year = y;
    py->livret_a_bp = bp;
    /* ART: L423-4 al. 1 — « un intérêt calculé au taux servi au 31
     * décembre de l'année considérée … majoré de 1,5 point »: simple
     * interest on the base (C6) */
    hlm__mpq_set_frac(t, bp + p->margin_bp, 10000);
    mpq_mul(t, t, base);
    mpq_add(sum, sum, t);
    py->interest_cents =
        hlm__exact_text(t, &py->interest_whole, &py->interest_int);
    p->n_years++;
    if (!py->interest_cents ||
        hlm_trace_add(&p->trace, "L423-4 al. 1",
                      "Intérêt de l'année : base × (livret A au 31 décembre "
                      "+ 150 pb) / 10 000",
                      "%d : %lld + %lld pb → %s centimes (%s)", y,
                      (long long)bp, (long long)p->margin_bp,
                      py->interest_cents, row->source) < 0)
      goto nomem;
  }
  /* ART: L423-4 al. 1 — « diminué des dividendes versés pendant la même
   * période »: per share, paid in the years counted (C8) */
  for (i = 0; c && i < c->n_dividends; i++) {
    const hlm_dividend *dv = &c->dividends[i];
    int py;
    if (strcmp(dv->company, q->company) != 0 || dv->paid == HLM_DATE_NONE)
      continue;
    py = hlm_date_year(dv->paid);
    if (py < first || py > last)
      continue;
    p->dividends_cents += dv->per_share_cents;
    if (hlm_trace_add(&p->trace, "L423-4 al. 1",
                      "Dividende par action versé pendant la période",
                      "%s : %lld centimes", hlm__date_text(dv->paid, d2),
                      (long long)dv->per_share_cents) < 0)
      goto nomem;
  }
  /* cap = base + Σ interest − dividends, rounded down to the cent, never
   * below 0 */
  mpq_add(t, base, sum);
  {
    mpq_t dq;
    char *exact, *sumt;
    mpq_init(dq);
    hlm__mpq_set_frac(dq, p->dividends_cents, 1);
    mpq_sub(t, t, dq);
    mpq_clear(dq);
    p->cap_cents = hlm__mpq_floor(t);
    if (p->cap_cents < 0)
      p->cap_cents = 0;
    exact = hlm__mpq_text(t);
    sumt = hlm__mpq_text(sum);
    rc = exact && sumt
             ? hlm_trace_add(&p->trace, "L423-4 al. 1",
                             "Prix maximum par action : base + intérêts − "
                             "dividendes, arrondi au centime inférieur, "
                             "jamais négatif",
                             "%s + %s − %lld = %s → %lld centimes",
                             p->base_cents, sumt,
                             (long long)p->dividends_cents, exact,
                             (long long)p->cap_cents)
             : HLM_ENOMEM;
    hlm_free(exact);
    hlm_free(sumt);
    if (rc < 0)
      goto nomem;
  }
  rc = HLM_OK;
  goto done;
nomem:
  rc = HLM_NOMEM(err);
done:
  mpq_clear(base);
  mpq_clear(sum);
  mpq_clear(t);
  return rc;
}

/* ---- rule L423-4: transfers of ESH, COOP and SCIC shares ---- */

/* Finding version of the text in force on a sale date before 2008. */
static const char *old_version(hlm_date d) {
  return d < hlm__d("1993-01-30") ? "1978-06-08" : "1993-01-30";
}

/* 1 when buyer already holds category 2 or 3 shares of company on d. */
static int buyer_cat23(const hlm_capital_facts *c, const hlm_transfer *t) {
  size_t i;
  for (i = 0; c && i < c->n_holdings; i++) {
    const hlm_holding *h = &c->holdings[i];
    if (strcmp(h->company, t->company) == 0 &&
        strcmp(h->holder, t->buyer) == 0 &&
        (h->category == 2 || h->category == 3) &&
        hlm__holding_counts(h, t->signed_on))
      return 1;
  }
  return 0;
}

static int judge_transfer(const hlm_eval *ev, const hlm_transfer *t,
                          hlm_findings *out, hlm_error *err) {
  const hlm_capital_facts *c = ev->facts->capital;
  hlm_share_price p;
  hlm_price_query q;
  hlm_finding *fd;
  char d1[11], d2[11];
  int rc;

  if (t->signed_on < hlm__d(HLM_L423_4_2008)) {
    fd = hlm_findings_add(out, "L423-4", "L423-4", old_version(t->signed_on),
                          HLM_SEV_INFO, "transfer", t->id, "TEXT_NOT_ENCODED",
                          ev->as_of,
                          "Cession %s du %s : le texte de L423-4 alors en "
                          "vigueur n'est pas encodé ; le prix n'est pas "
                          "contrôlé",
                          t->id, hlm__date_text(t->signed_on, d1));
    if (!fd || hlm_trace_add(&fd->trace, "L423-4",
                             "Textes encodés : 2008-01-01 et 2014-03-27",
                             "signée le %s",
                             hlm__date_text(t->signed_on, d1)) < 0)
      return HLM_NOMEM(err);
    return HLM_OK;
  }
  if (t->price_cents >= 0) {
    memset(&q, 0, sizeof q);
    q.company = t->company;
    q.sold = t->signed_on;
    q.holder = t->seller;
    q.base_cents = -1;
    q.acquired = HLM_DATE_NONE;
    rc = hlm_share_price_compute(ev->facts, &q, &p, err);
    if (rc == HLM_ENOMEM) {
      hlm_share_price_clear(&p);
      return rc;
    }
    if (rc < 0) {
      rc = hlm__missing_fact(out, "L423-4", "L423-4",
                             p.version ? p.version : HLM_L423_4_2008,
                             "transfer", t->id, ev->as_of, &p.trace,
                             err->message);
      hlm_error_clear(err);
      hlm_share_price_clear(&p);
      if (rc < 0)
        return HLM_NOMEM(err);
    } else {
      /* ART: L423-4 al. 3 — « Toute cession d'actions intervenue en
       * violation des dispositions du présent article est frappée d'une
       * nullité d'ordre public »: price per share > cap */
      if ((__int128)t->price_cents >
          (__int128)p.cap_cents * (__int128)t->shares) {
        char pr[48], cp[48];
        hlm_money_format(t->price_cents, pr, sizeof pr);
        hlm_money_format(p.cap_cents, cp, sizeof cp);
        fd = hlm_findings_add(
            out, "L423-4", "L423-4", p.version, HLM_SEV_VIOLATION,
            "transfer", t->id, "PRICE_ABOVE_CAP", ev->as_of,
            "Cession %s : %s pour %lld actions, au-dessus du prix maximum de "
            "%s par action — nullité d'ordre public",
            t->id, pr, (long long)t->shares, cp);
        if (!fd || hlm_trace_append(&fd->trace, &p.trace) < 0 ||
            hlm_trace_add(&fd->trace, "L423-4 al. 3",
                          "Prix de la cession > prix maximum × actions",
                          "%lld > %lld × %lld", (long long)t->price_cents,
                          (long long)p.cap_cents, (long long)t->shares) < 0) {
          hlm_share_price_clear(&p);
          return HLM_NOMEM(err);
        }
      }
      hlm_share_price_clear(&p);
    }
  }
  /* ART: L423-4 al. 2 (ALUR) — deposit « dans un délai de trente jours »
   * of the signature, except the representatives of 2° and 3° of
   * L422-2-1 I; judged once the 30 days have passed (C11) */
  if (t->signed_on >= hlm__d(HLM_L423_4_ALUR) && !buyer_cat23(c, t)) {
    hlm_date limit = t->signed_on + 30;
    hlm_date dep = t->deed_deposited != HLM_DATE_NONE &&
                           t->deed_deposited <= ev->as_of
                       ? t->deed_deposited
                       : HLM_DATE_NONE;
    int late = dep != HLM_DATE_NONE ? dep > limit : ev->as_of > limit;
    if (late) {
      fd = hlm_findings_add(
          out, "L423-4", "L423-4 al. 2", HLM_L423_4_ALUR, HLM_SEV_VIOLATION,
          "transfer", t->id, "DEED_NOT_DEPOSITED", ev->as_of,
          dep != HLM_DATE_NONE
              ? "Cession %s signée le %s : acte déposé au siège le %s, plus "
                "de trente jours après la signature"
              : "Cession %s signée le %s : aucun acte de cession déposé au "
                "siège dans les trente jours%s",
          t->id, hlm__date_text(t->signed_on, d1),
          dep != HLM_DATE_NONE ? hlm__date_text(dep, d2) : "");
      if (!fd ||
          hlm_trace_add(&fd->trace, "L423-4 al. 2",
                        "Dépôt de l'acte de cession au siège dans les trente "
                        "jours de la signature (le trentième jour compris)",
                        "signée le %s, limite le %s, dépôt : %s",
                        hlm__date_text(t->signed_on, d1),
                        hlm__date_text(limit, d2),
                        dep != HLM_DATE_NONE ? hlm__date_text(dep, d1)
                                             : "aucun à la date") < 0 ||
          hlm_trace_add(&fd->trace, "L423-4 al. 2",
                        "L'acquéreur ne détient pas d'actions des catégories "
                        "2 ou 3 (L422-2-1 I) : pas d'exemption",
                        "%s", t->buyer) < 0)
        return HLM_NOMEM(err);
    }
  }
  return HLM_OK;
}

/* Every transfer signed at the latest on the as-of date, each judged by
 * the text in force on its signature date (reading C9). */
static int judge_transfers(const hlm_eval *ev, hlm_findings *out,
                           hlm_error *err) {
  const hlm_capital_facts *c = ev->facts->capital;
  size_t i;
  for (i = 0; c && i < c->n_transfers; i++) {
    const hlm_transfer *t = &c->transfers[i];
    const hlm_organism *o = hlm_facts_org(ev->facts, t->company);
    int rc;
    if (!o || !hlm__kind_l423_4(o->kind) ||
        !hlm__eval_wants_company(ev, t->company) ||
        t->signed_on == HLM_DATE_NONE || t->signed_on > ev->as_of)
      continue;
    if ((rc = judge_transfer(ev, t, out, err)) < 0)
      return rc;
  }
  return HLM_OK;
}

int hlm__rule_l423_4_1978(const hlm_eval *ev, hlm_findings *out,
                          hlm_error *err) {
  return judge_transfers(ev, out, err);
}
int hlm__rule_l423_4_1993(const hlm_eval *ev, hlm_findings *out,
                          hlm_error *err) {
  return judge_transfers(ev, out, err);
}
int hlm__rule_l423_4_2008(const hlm_eval *ev, hlm_findings *out,
                          hlm_error *err) {
  return judge_transfers(ev, out, err);
}
int hlm__rule_l423_4_alur(const hlm_eval *ev, hlm_findings *out,
                          hlm_error *err) {
  return judge_transfers(ev, out, err);
}

/* ---- rule L423-5: capital operations ---- */

static int l423_5_kind(hlm_kind k) {
  return hlm__kind_l423_4(k) || k == HLM_KIND_SAC ||
         k == HLM_KIND_SOC_COORDINATION;
}

static const char *V_L423_5 = "1978-06-08";

static int judge_buyback(const hlm_eval *ev, const hlm_capital_op *op,
                         const hlm_organism *o, size_t from,
                         hlm_findings *out, hlm_error *err) {
  hlm_price_query q;
  hlm_share_price p;
  hlm_finding *fd;
  char d1[11];
  int rc;
  if (op->price_per_share_cents < 0)
    return HLM_OK; /* no price: nothing to compare */
  if (op->date < hlm__d(HLM_L423_4_2008)) {
    fd = hlm__cap_finding(out, from, "L423-5", "L423-5 al. 4", V_L423_5,
                          HLM_SEV_INFO, "organism", o->id, "TEXT_NOT_ENCODED",
                          ev->as_of,
                          "Rachat d'actions du %s : le texte de L423-4 auquel "
                          "L423-5 renvoie n'est pas encodé avant 2008",
                          hlm__date_text(op->date, d1));
    return fd ? HLM_OK : HLM_NOMEM(err);
  }
  memset(&q, 0, sizeof q);
  q.company = o->id;
  q.sold = op->date;
  q.base_cents = -1;
  q.acquired = HLM_DATE_NONE;
  q.nominal_rule = 1; /* the buyer is the company (spec, C24) */
  rc = hlm_share_price_compute(ev->facts, &q, &p, err);
  if (rc == HLM_ENOMEM) {
    hlm_share_price_clear(&p);
    return rc;
  }
  if (rc < 0) {
    fd = hlm__cap_finding(out, from, "L423-5", "L423-5 al. 4", V_L423_5,
                          HLM_SEV_WARNING, "organism", o->id, "MISSING_FACT",
                          ev->as_of, "Donnée manquante : %s", err->message);
    hlm_error_clear(err);
    rc = fd && hlm_trace_append(&fd->trace, &p.trace) == HLM_OK
             ? HLM_OK
             : HLM_NOMEM(err);
    hlm_share_price_clear(&p);
    return rc;
  }
  /* ART: L423-5 al. 4 — « le prix de rachat ne peut être supérieur au prix
   * maximum calculé en application des deux premiers alinéas de l'article
   * L. 423-4 » */
  rc = HLM_OK;
  if (op->price_per_share_cents > p.cap_cents) {
    char pr[48], cp[48];
    hlm_money_format(op->price_per_share_cents, pr, sizeof pr);
    hlm_money_format(p.cap_cents, cp, sizeof cp);
    fd = hlm__cap_finding(
        out, from, "L423-5", "L423-5 al. 4", V_L423_5, HLM_SEV_VIOLATION,
        "organism", o->id, "BUYBACK_ABOVE_CAP", ev->as_of,
        "%s : rachat de ses actions le %s à %s par action, au-dessus du prix "
        "maximum de L423-4 (%s)",
        o->name, hlm__date_text(op->date, d1), pr, cp);
    if (!fd || hlm_trace_append(&fd->trace, &p.trace) < 0 ||
        hlm_trace_add(&fd->trace, "L423-5 al. 4",
                      "Prix de rachat par action > prix maximum",
                      "%lld > %lld", (long long)op->price_per_share_cents,
                      (long long)p.cap_cents) < 0)
      rc = HLM_NOMEM(err);
  }
  hlm_share_price_clear(&p);
  return rc;
}

int hlm__rule_l423_5(const hlm_eval *ev, hlm_findings *out, hlm_error *err) {
  const hlm_capital_facts *c = ev->facts->capital;
  size_t i, from = out->n;
  char d1[11];
  for (i = 0; c && i < c->n_ops; i++) {
    const hlm_capital_op *op = &c->ops[i];
    const hlm_organism *o = hlm_facts_org(ev->facts, op->company);
    hlm_finding *fd;
    int rc;
    if (!o || !l423_5_kind(o->kind) ||
        !hlm__eval_wants_company(ev, op->company) ||
        op->date == HLM_DATE_NONE || op->date > ev->as_of)
      continue;
    switch (op->kind) {
    case HLM_OP_INCREASE_INCORPORATION:
      /* ART: L423-5 al. 1 — « toute augmentation de capital par
       * incorporation de réserves, bénéfices ou primes d'émission est
       * interdite, sauf dérogation accordée par le ministre »; an unknown
       * derogation is none (I11) */
      if (op->derogation == 1)
        break;
      fd = hlm__cap_finding(
          out, from, "L423-5", "L423-5 al. 1", V_L423_5, HLM_SEV_VIOLATION,
          "organism", o->id, "INCORPORATION_FORBIDDEN", ev->as_of,
          "%s : augmentation de capital par incorporation le %s sans "
          "dérogation ministérielle",
          o->name, hlm__date_text(op->date, d1));
      if (!fd || hlm_trace_add(&fd->trace, "L423-5 al. 1",
                               "Incorporation de réserves, bénéfices ou "
                               "primes : dérogation du ministre",
                               "%s : %s", hlm__date_text(op->date, d1),
                               op->derogation == 0 ? "non" : "inconnue") < 0)
        return HLM_NOMEM(err);
      break;
    case HLM_OP_AMORTIZATION:
      /* ART: L423-5 al. 3 — « ne peuvent procéder à l'amortissement de leur
       * capital » */
      fd = hlm__cap_finding(out, from, "L423-5", "L423-5 al. 3", V_L423_5,
                            HLM_SEV_VIOLATION, "organism", o->id,
                            "AMORTIZATION_FORBIDDEN", ev->as_of,
                            "%s : amortissement du capital le %s", o->name,
                            hlm__date_text(op->date, d1));
      if (!fd || hlm_trace_add(&fd->trace, "L423-5 al. 3",
                               "Amortissement du capital interdit", "%s",
                               hlm__date_text(op->date, d1)) < 0)
        return HLM_NOMEM(err);
      break;
    case HLM_OP_REDUCTION_BUYBACK:
      if ((rc = judge_buyback(ev, op, o, from, out, err)) < 0)
        return rc;
      break;
    default:
      /* ART: L423-5 al. 2 — « cette interdiction ne vise pas les
       * augmentations de capital motivées par un éventuel relèvement du
       * minimum légal »; cash increases and nominal reductions: nothing
       * encoded */
      break;
    }
  }
  return HLM_OK;
}
