/*
 * lending.c: advances in current account (L423-15) and participating
 * loans (L423-16) between organismes d'HLM.
 *
 * Texts (law/002 lines 627-635, 2012 dump; law/NOTES.md §1.10):
 *  - L423-15 al. 1 (loi n° 2011-525, in force 2011-05-19): « Un organisme
 *    d'habitations à loyer modéré peut consentir une avance en compte
 *    courant à une société d'habitations à loyer modéré dont il détient au
 *    moins 5 % du capital. Le taux d'intérêt de cette avance ne peut
 *    excéder de 1,5 point le taux servi au détenteur d'un livret A. Cette
 *    avance est soumise à un régime de déclaration préalable … L'absence
 *    d'opposition motivée conjointe des deux ministres dans un délai de
 *    deux mois vaut accord. »
 *  - L423-15 al. 2: the lender informs the CGLLS (rental activity) or the
 *    SGAHLM (home ownership) « de la conclusion et des conditions de
 *    l'avance ».
 *  - L423-16 al. 1: participating loans « à une ou plusieurs sociétés
 *    d'habitations à loyer modéré avec lesquelles il a … des liens de
 *    capital lui donnant un pouvoir de contrôle effectif … au sens de
 *    l'article L. 233-3 du code de commerce », same declaration regime;
 *    al. 2: « sans que le taux fixe augmenté de la part variable … puisse
 *    excéder le taux d'intérêt servi au détenteur d'un livret A, majoré de
 *    1,5 point »; al. 3: the lender informs the guarantor funds.
 *  - ELAN art. 84 and décret n° 2019-383 (in force 2019-05-01): also a
 *    member of the lender's group (L423-1-1); opposition within fifteen
 *    days; « l'un ou l'autre » minister's opposition suffices.
 *
 * Readings (spec "Loans"): eligibility and rate on `signed`, the
 * declaration regime on `declared`; the acceptance date is declared + 2
 * months (end-of-month rule of date.h) or declared + 15 days; an
 * opposition counts when dated strictly before it; the loan is ACCEPTED
 * from that day.  Control is more than half of the voting rights: the
 * R422-1-1 votes for an SA d'HLM (ESH), the shares otherwise, or the
 * organism's `controlled_by`.  hlm's own readings are in docs/money.md.
 */
#include <stdio.h>
#include <string.h>

#include "base/exact.h"
#include "hlm/alloc.h"
#include "hlm/capital_law.h"
#include "hlm/lending.h"
#include "hlm/params.h"
#include "law/capital_int.h"
#include "law/law_int.h"

#define TRY(x)                                                                 \
  do {                                                                         \
    if ((x) < 0)                                                               \
      goto nomem;                                                              \
  } while (0)

const char *hlm_loan_status_name(hlm_loan_status s) {
  switch (s) {
  case HLM_LOAN_PENDING:
    return "PENDING";
  case HLM_LOAN_ACCEPTED:
    return "ACCEPTED";
  case HLM_LOAN_OPPOSED:
    return "OPPOSED";
  default:
    return "UNDECLARED";
  }
}

const char *hlm_loan_kind_name(hlm_loan_kind k) {
  return k == HLM_LOAN_PARTICIPATING ? "PARTICIPATING_LOAN" : "ADVANCE";
}

/* "société d'habitations à loyer modéré": ESH, COOP, SCIC (L422-2,
 * L422-3, L422-3-2). */
static int is_hlm_company(hlm_kind k) {
  return k == HLM_KIND_ESH || k == HLM_KIND_COOP || k == HLM_KIND_SCIC;
}

static char *date_text(hlm_date d, char buf[11]) {
  hlm_date_format(d, buf);
  return buf;
}

/* The exact percentage part/whole × 100 as text ("12.5", "100/3"); the
 * caller frees it with hlm_free.  NULL on ENOMEM. */
static char *pct_text(int64_t part, int64_t whole) {
  mpq_t q;
  char *s;
  mpq_init(q);
  hlm__mpq_set_frac(q, part, whole);
  {
    mpq_t h;
    mpq_init(h);
    mpq_set_ui(h, 100, 1);
    mpq_mul(q, q, h);
    mpq_clear(h);
  }
  s = hlm__mpq_text(q);
  mpq_clear(q);
  return s;
}

/* ---- the capital of a company on a date ---- */

/* The capital of a company on a date as the loan rules read it: the
 * shares of every row counting at the date (hlm__holding_counts: undated,
 * or acquired on or before it), those of one holder, and whether some
 * row has no category (L422-2-1 I). */
typedef struct capital_share {
  int64_t total;
  int64_t held;
  int uncategorised;
} capital_share;

static void share_on(const hlm_capital_facts *c, const char *company,
                     const char *holder, hlm_date d, capital_share *s) {
  size_t i;
  memset(s, 0, sizeof *s);
  for (i = 0; c && i < c->n_holdings; i++) {
    const hlm_holding *h = &c->holdings[i];
    if (strcmp(h->company, company) != 0 || !hlm__holding_counts(h, d))
      continue;
    s->total += h->shares;
    if (strcmp(h->holder, holder) == 0)
      s->held += h->shares;
    if (h->category == 0)
      s->uncategorised = 1;
  }
}

/* The votes of holder at the general meeting of the ESH company on d:
 * the capital room's R422-1-1 computation (hlm_votes_compute, the same
 * figures as `hlm votes`), its trace appended to tr, then the holder's
 * lines summed.  *known is 0 when the holder has shares of category 2 or
 * 3 and the statutes give no split: those votes are then not counted (the
 * result is a lower bound).  HLM_OK, or the error of the computation. */
static int esh_votes(const hlm_facts *f, const char *company, hlm_date d,
                     const char *holder, int64_t *votes, int64_t *total,
                     int *known, hlm_trace *tr, hlm_error *err) {
  hlm_votes v;
  size_t i;
  int rc;
  *votes = 0;
  *total = 0;
  *known = 1;
  rc = hlm_votes_compute(f, company, d, &v, err);
  if (rc == HLM_OK && hlm_trace_append(tr, &v.trace) < 0)
    rc = HLM_NOMEM(err);
  if (rc == HLM_OK) {
    for (i = 0; i < v.n_lines; i++) {
      if (strcmp(v.lines[i].holder, holder) != 0)
        continue;
      if (v.lines[i].votes < 0)
        *known = 0;
      else
        *votes += v.lines[i].votes;
    }
    *total = v.total_votes;
  }
  hlm_votes_clear(&v);
  return rc;
}

/* ---- one loan ---- */

typedef struct judge_ctx {
  const hlm_facts *f;
  hlm_date as_of;
  hlm_findings *out;
  int only_kind;
} judge_ctx;

/* Appends a finding about r's loan with a copy of its trace, unless the
 * caller wants no findings or only those of the other kind.  HLM_OK or
 * HLM_ENOMEM. */
static int loan_finding(judge_ctx *x, const hlm_loan_result *r,
                        const char *article, const char *version,
                        hlm_severity sev, const char *code, const char *msg) {
  hlm_finding *fd;
  if (!x->out || (x->only_kind >= 0 && (int)r->loan->kind != x->only_kind))
    return HLM_OK;
  fd = hlm_findings_add(x->out, r->rule, article, version, sev, "loan",
                        r->loan->id, code, x->as_of, "%s", msg);
  if (!fd || hlm_trace_append(&fd->trace, &r->trace) < 0)
    return HLM_ENOMEM;
  return HLM_OK;
}

#define FIND(article, version, sev, code, ...)                                 \
  do {                                                                         \
    char msg_[512];                                                            \
    snprintf(msg_, sizeof msg_, __VA_ARGS__);                                  \
    if (loan_finding(x, r, article, version, sev, code, msg_) < 0)             \
      goto nomem;                                                              \
  } while (0)

/* ART: L423-15 al. 1 — « une société d'habitations à loyer modéré dont il
 * détient au moins 5 % du capital »; from 2019-05-01 (ELAN art. 84) also
 * an organism of the lender's group.  Sets r->eligible. */
static int eligible_advance(judge_ctx *x, hlm_loan_result *r,
                            const hlm_organism *lender,
                            const hlm_organism *borrower, hlm_error *err) {
  const hlm_loan *l = r->loan;
  const hlm_param_row *min;
  capital_share t;
  int64_t mine;
  char *pct = NULL;
  int rc, group = 0;
  if ((rc = hlm_param_at("advance_min_holding", l->signed_on, &min, err)) < 0)
    return rc;
  share_on(x->f->capital, l->borrower, l->lender, l->signed_on, &t);
  mine = t.held;
  r->eligible = 0;
  if (hlm_trace_add(&r->trace, "L423-15 al. 1",
                    "Nature de l'emprunteur (société d'HLM : ESH, COOP, "
                    "SCIC)",
                    "%s", hlm_kind_name(borrower->kind)) < 0)
    goto nomem;
  if (t.total > 0) {
    pct = pct_text(mine, t.total);
    if (!pct)
      goto nomem;
  }
  if (hlm_trace_add(&r->trace, "L423-15 al. 1",
                    "Capital de l'emprunteur détenu par le prêteur à la "
                    "signature (au moins 5 %)",
                    "%lld actions sur %lld (%s %%)", (long long)mine,
                    (long long)t.total, pct ? pct : "0") < 0)
    goto nomem;
  if (is_hlm_company(borrower->kind) && t.total > 0 &&
      (__int128)mine * 10000 >= (__int128)min->value * t.total)
    r->eligible = 1;
  if (!r->eligible && l->signed_on >= hlm__d(HLM_LENDING_V2019)) {
    group = lender && lender->group_id[0] &&
            strcmp(lender->group_id, borrower->group_id) == 0;
    if (hlm_trace_add(&r->trace, "L423-15 al. 1 (ELAN)",
                      "Emprunteur membre du groupe du prêteur (depuis le 1er "
                      "mai 2019)",
                      "%s", group ? lender->group_id : "non") < 0)
      goto nomem;
    r->eligible = group;
  }
  hlm_free(pct);
  return HLM_OK;
nomem:
  hlm_free(pct);
  return HLM_NOMEM(err);
}

/* ART: L423-16 al. 1 — « des liens de capital lui donnant un pouvoir de
 * contrôle effectif … au sens de l'article L. 233-3 du code de commerce »:
 * more than half of the voting rights (R422-1-1 votes for an ESH, shares
 * otherwise) or `controlled_by`; from 2019-05-01 also a member of the
 * lender's group.  Sets r->eligible. */
static int eligible_participating(judge_ctx *x, hlm_loan_result *r,
                                  const hlm_organism *lender,
                                  const hlm_organism *borrower,
                                  hlm_error *err) {
  const hlm_loan *l = r->loan;
  capital_share t;
  int64_t votes = 0, total = 0;
  int known = 1, control = 0;
  r->eligible = 0;
  share_on(x->f->capital, l->borrower, l->lender, l->signed_on, &t);
  if (hlm_trace_add(&r->trace, "L423-16 al. 1",
                    "Nature de l'emprunteur (société d'HLM : ESH, COOP, "
                    "SCIC)",
                    "%s", hlm_kind_name(borrower->kind)) < 0)
    goto nomem;
  if (strcmp(borrower->controlled_by, l->lender) == 0) {
    control = 1;
    if (hlm_trace_add(&r->trace, "L423-16 al. 1",
                      "Contrôle au sens de L233-3 déclaré (controlled_by)",
                      "%s", borrower->controlled_by) < 0)
      goto nomem;
  } else if (borrower->kind == HLM_KIND_ESH && t.total > 0 &&
             !t.uncategorised) {
    int rc = esh_votes(x->f, l->borrower, l->signed_on, l->lender, &votes,
                       &total, &known, &r->trace, err);
    if (rc < 0)
      return rc;
    control = votes * 2 > total;
    if (hlm_trace_add(&r->trace, "L423-16 al. 1",
                      "Voix du prêteur à l'assemblée de la SA d'HLM "
                      "(R422-1-1) ; contrôle : plus de la moitié",
                      "%lld sur %lld%s", (long long)votes, (long long)total,
                      known ? "" : " (au moins)") < 0)
      goto nomem;
  } else {
    votes = t.held;
    total = t.total;
    control = total > 0 && votes * 2 > total;
    if (hlm_trace_add(&r->trace, "L423-16 al. 1",
                      borrower->kind == HLM_KIND_ESH
                          ? "Catégories d'actionnaires inconnues : contrôle "
                            "jugé sur les actions ; plus de la moitié"
                          : "Actions du prêteur (droits de vote) ; contrôle : "
                            "plus de la moitié",
                      "%lld sur %lld", (long long)votes, (long long)total) < 0)
      goto nomem;
  }
  r->eligible = control && is_hlm_company(borrower->kind);
  if (!r->eligible && l->signed_on >= hlm__d(HLM_LENDING_V2019)) {
    int group = lender && lender->group_id[0] &&
                strcmp(lender->group_id, borrower->group_id) == 0;
    if (hlm_trace_add(&r->trace, "L423-16 al. 1 (ELAN)",
                      "Emprunteur membre du groupe du prêteur (depuis le 1er "
                      "mai 2019)",
                      "%s", group ? lender->group_id : "non") < 0)
      goto nomem;
    r->eligible = group;
  }
  return HLM_OK;
nomem:
  return HLM_NOMEM(err);
}

/* Judges r->loan as of x->as_of: fills r (status, acceptance date,
 * eligible, rate_ok, trace) and appends its findings (see
 * hlm_loans_judge).  HLM_OK, HLM_ENOMEM or HLM_EPARAM. */
static int judge_one(judge_ctx *x, hlm_loan_result *r, hlm_error *err) {
  const hlm_loan *l = r->loan;
  const hlm_facts *f = x->f;
  const hlm_organism *lender = hlm_facts_org(f, l->lender);
  const hlm_organism *borrower = hlm_facts_org(f, l->borrower);
  int adv = l->kind == HLM_LOAN_ADVANCE;
  const char *al1 = adv ? "L423-15 al. 1" : "L423-16 al. 1";
  const char *al_rate = adv ? "L423-15 al. 1" : "L423-16 al. 2";
  const char *al_info = adv ? "L423-15 al. 2" : "L423-16 al. 3";
  hlm_date v2019 = hlm__d(HLM_LENDING_V2019);
  const char *vsigned =
      l->signed_on >= v2019 ? HLM_LENDING_V2019 : HLM_LENDING_V2011;
  const char *vdecl = vsigned;
  hlm_date declared, opposition, disbursed, acc = HLM_DATE_NONE;
  int in_force = l->signed_on >= hlm__d(HLM_LENDING_V2011), rc;
  char d1[11], d2[11], money[40];

  r->rule = adv ? "L423-15" : "L423-16";
  r->eligible = -1;
  r->rate_ok = -1;
  hlm_money_format(l->amount_cents, money, sizeof money);
  TRY(hlm_trace_add(&r->trace, r->rule,
                    adv ? "Avance en compte courant" : "Prêt participatif",
                    "%s : prêteur %s, emprunteur %s, %s à %lld pb, signé le "
                    "%s",
                    l->id, l->lender, l->borrower, money, (long long)l->rate_bp,
                    date_text(l->signed_on, d1)));
  if (!in_force)
    TRY(hlm_trace_add(&r->trace, r->rule,
                      "Signé avant l'entrée en vigueur de l'article (loi "
                      "n° 2011-525, 19 mai 2011) : ni l'éligibilité ni le "
                      "taux ne sont jugés",
                      "%s", date_text(l->signed_on, d1)));

  /* eligibility (at `signed`) */
  if (in_force && !borrower) {
    char msg[256];
    TRY(hlm_trace_add(&r->trace, al1,
                      "Emprunteur absent de organisms.csv : éligibilité "
                      "impossible à juger",
                      "%s", l->borrower));
    snprintf(msg, sizeof msg,
             "l'emprunteur %s du prêt %s n'est pas dans la base "
             "(organisms.csv) : son éligibilité ne peut être jugée",
             l->borrower, l->id);
    if (x->out && (x->only_kind < 0 || (int)l->kind == x->only_kind) &&
        hlm__missing_fact(x->out, r->rule, al1, vsigned, "loan", l->id,
                          x->as_of, &r->trace, msg) < 0)
      goto nomem;
  } else if (in_force) {
    rc = adv ? eligible_advance(x, r, lender, borrower, err)
             : eligible_participating(x, r, lender, borrower, err);
    if (rc < 0)
      return rc;
    TRY(hlm_trace_add(&r->trace, al1, "Prêt éligible à la signature", "%s",
                      r->eligible ? "oui" : "non"));
    if (!r->eligible)
      FIND(al1, vsigned, HLM_SEV_VIOLATION, "LOAN_NOT_ELIGIBLE",
           adv ? "L'avance %s de %s à %s n'est pas permise : l'emprunteur "
                 "n'est pas une société d'HLM dont le prêteur détient au "
                 "moins 5 %% du capital%s"
               : "Le prêt participatif %s de %s à %s n'est pas permis : "
                 "l'emprunteur n'est pas une société d'HLM que le prêteur "
                 "contrôle%s",
           l->id, l->lender, l->borrower,
           l->signed_on >= v2019 ? ", ni un membre de son groupe" : "");
  }

  /* rate (at `signed`) */
  /* ART: L423-15 al. 1 — « Le taux d'intérêt de cette avance ne peut
   * excéder de 1,5 point le taux servi au détenteur d'un livret A » */
  /* ART: L423-16 al. 2 — « sans que le taux fixe augmenté de la part
   * variable … puisse excéder le taux d'intérêt servi au détenteur d'un
   * livret A, majoré de 1,5 point » */
  if (in_force) {
    int64_t la, cap;
    const hlm_param_row *row, *margin;
    if ((rc = hlm_livret_a_on(l->signed_on, &la, &row, err)) < 0 ||
        (rc = hlm_param_at("livret_a_margin", l->signed_on, &margin, err)) < 0)
      return rc;
    cap = la + margin->value;
    r->rate_ok = l->rate_bp <= cap;
    TRY(hlm_trace_add(&r->trace, al_rate,
                      "Taux du livret A le jour de la signature (source : "
                      "params)",
                      "%lld pb (en vigueur depuis le %s)", (long long)la,
                      row->valid_from));
    TRY(hlm_trace_add(&r->trace, al_rate,
                      "Taux maximal : livret A majoré de 1,5 point", "%lld pb",
                      (long long)cap));
    TRY(hlm_trace_add(&r->trace, al_rate, "Taux du contrat au plus égal",
                      "%lld pb : %s", (long long)l->rate_bp,
                      r->rate_ok ? "oui" : "non"));
    if (!r->rate_ok)
      FIND(al_rate, vsigned, HLM_SEV_VIOLATION, "RATE_ABOVE_CAP",
           "Le taux de %lld pb du prêt %s dépasse le plafond de %lld pb "
           "(livret A %lld pb au %s + 150 pb)",
           (long long)l->rate_bp, l->id, (long long)cap, (long long)la,
           date_text(l->signed_on, d1));
  }

  /* declaration (regime by `declared`); events after as_of have not
   * happened */
  declared = l->declared != HLM_DATE_NONE && l->declared <= x->as_of
                 ? l->declared
                 : HLM_DATE_NONE;
  opposition = l->opposition != HLM_DATE_NONE && l->opposition <= x->as_of
                   ? l->opposition
                   : HLM_DATE_NONE;
  disbursed = l->disbursed != HLM_DATE_NONE && l->disbursed <= x->as_of
                  ? l->disbursed
                  : HLM_DATE_NONE;
  if (declared == HLM_DATE_NONE) {
    r->status = HLM_LOAN_UNDECLARED;
    TRY(hlm_trace_add(&r->trace, al1,
                      "Déclaration préalable aux ministres chargés du "
                      "logement et de l'économie",
                      "aucune à la date"));
    if (in_force)
      FIND(al1, vsigned, HLM_SEV_VIOLATION, "DECLARATION_MISSING",
           "Le prêt %s n'a pas été déclaré aux ministres chargés du logement "
           "et de l'économie (déclaration préalable obligatoire)",
           l->id);
  } else {
    int elan = declared >= v2019, counts;
    const char *al_decl =
        elan ? (adv ? "L423-15 al. 1 (ELAN)" : "L423-16 al. 1 (ELAN)") : al1;
    vdecl = elan ? HLM_LENDING_V2019 : HLM_LENDING_V2011;
    /* ART: L423-15 al. 1 — « L'absence d'opposition motivée conjointe des
     * deux ministres dans un délai de deux mois vaut accord » (until
     * 2019-04-30, by the date of the declaration) */
    /* ART: L423-15 al. 1 (ELAN) — décret n° 2019-383: fifteen days, the
     * opposition of either minister (declarations from 2019-05-01) */
    acc = elan ? declared + 15 : hlm_date_add_months(declared, 2);
    TRY(hlm_trace_add(
        &r->trace, al_decl,
        elan ? "Déclaré à partir du 1er mai 2019 : accord faute d'opposition "
               "de l'un ou l'autre ministre dans les quinze jours"
             : "Déclaré avant le 1er mai 2019 : accord faute d'opposition "
               "conjointe des deux ministres dans les deux mois",
        "déclaré le %s, accord le %s", date_text(declared, d1),
        date_text(acc, d2)));
    counts = opposition != HLM_DATE_NONE && opposition < acc &&
             (elan ? l->opposed_by != HLM_OPPOSED_NONE
                   : l->opposed_by == HLM_OPPOSED_BOTH);
    if (opposition != HLM_DATE_NONE) {
      static const char *by[] = {"", "HOUSING", "ECONOMY", "BOTH"};
      TRY(hlm_trace_add(
          &r->trace, al_decl,
          counts ? "Opposition dans le délai (avant la date d'accord) : elle "
                   "fait obstacle"
          : opposition >= acc
              ? "Opposition à partir de la date d'accord : trop tardive, "
                "sans effet"
              : "Opposition d'un seul ministre : sans effet pour une "
                "déclaration antérieure au 1er mai 2019 (opposition "
                "conjointe exigée)",
          "%s par %s", date_text(opposition, d1), by[l->opposed_by]));
    }
    if (counts) {
      r->status = HLM_LOAN_OPPOSED;
      acc = HLM_DATE_NONE;
    } else {
      r->status = x->as_of >= acc ? HLM_LOAN_ACCEPTED : HLM_LOAN_PENDING;
    }
  }
  r->acceptance_date = acc;
  TRY(hlm_trace_add(&r->trace, al1, "Statut à la date", "%s",
                    hlm_loan_status_name(r->status)));

  /* disbursement */
  if (disbursed != HLM_DATE_NONE) {
    TRY(hlm_trace_add(&r->trace, al1, "Versement des fonds", "%s",
                      date_text(disbursed, d1)));
    if (in_force && r->status == HLM_LOAN_OPPOSED)
      FIND(al1, vdecl, HLM_SEV_VIOLATION, "DISBURSED_DESPITE_OPPOSITION",
           "Le prêt %s a été versé le %s alors que les ministres s'y sont "
           "opposés",
           l->id, date_text(disbursed, d1));
    else if (in_force && r->status == HLM_LOAN_UNDECLARED)
      FIND(al1, vdecl, HLM_SEV_VIOLATION, "DISBURSED_BEFORE_ACCEPTANCE",
           "Le prêt %s a été versé le %s sans avoir été déclaré ni accepté",
           l->id, date_text(disbursed, d1));
    else if (in_force && disbursed < acc)
      FIND(al1, vdecl, HLM_SEV_VIOLATION, "DISBURSED_BEFORE_ACCEPTANCE",
           "Le prêt %s a été versé le %s, avant son acceptation (le %s)", l->id,
           date_text(disbursed, d1), date_text(acc, d2));
  }

  /* ART: L423-15 al. 2 — the lender informs the CGLLS or the SGAHLM « de
   * la conclusion et des conditions de l'avance » */
  /* ART: L423-16 al. 3 — the same for participating loans « de la
   * conclusion et des conditions du prêt » */
  if (l->guarantor_informed >= 0)
    TRY(hlm_trace_add(&r->trace, al_info,
                      "Caisse de garantie (CGLLS ou SGAHLM) informée", "%s",
                      l->guarantor_informed ? "oui" : "non"));
  if (in_force && l->guarantor_informed == 0)
    FIND(al_info, vsigned, HLM_SEV_WARNING, "GUARANTOR_NOT_INFORMED",
         "Le prêteur %s n'a pas informé la caisse de garantie de la "
         "conclusion et des conditions du prêt %s",
         l->lender, l->id);
  return HLM_OK;
nomem:
  return HLM_NOMEM(err);
}

/* ---- the whole set ---- */

/* 1 when org (if set) lends or borrows l, and group (if set) is the group
 * of its lender or its borrower. */
static int wants(const hlm_facts *f, const hlm_loan *l, const char *org,
                 const char *group) {
  if (org && strcmp(l->lender, org) != 0 && strcmp(l->borrower, org) != 0)
    return 0;
  if (group) {
    const hlm_organism *a = hlm_facts_org(f, l->lender);
    const hlm_organism *b = hlm_facts_org(f, l->borrower);
    if (!(a && strcmp(a->group_id, group) == 0) &&
        !(b && strcmp(b->group_id, group) == 0))
      return 0;
  }
  return 1;
}

/* hlm_loans_judge with a group filter as well (hlm check --group). */
static int judge_all(const hlm_facts *f, hlm_date as_of, const char *org,
                     const char *group, int only_kind, hlm_loan_result **res,
                     size_t *n, hlm_findings *out, hlm_error *err) {
  const hlm_capital_facts *c = f->capital;
  hlm_loan_result *r = NULL;
  judge_ctx x;
  size_t i, k = 0;
  int rc;
  *res = NULL;
  *n = 0;
  if (!c || !c->n_loans)
    return HLM_OK;
  r = hlm_calloc(c->n_loans, sizeof *r);
  if (!r)
    return HLM_NOMEM(err);
  x.f = f;
  x.as_of = as_of;
  x.out = out;
  x.only_kind = only_kind;
  for (i = 0; i < c->n_loans; i++) {
    const hlm_loan *l = &c->loans[i];
    if (l->signed_on == HLM_DATE_NONE || l->signed_on > as_of ||
        !wants(f, l, org, group))
      continue;
    r[k].loan = l;
    k++;
    if ((rc = judge_one(&x, &r[k - 1], err)) < 0) {
      hlm_loan_results_free(r, k);
      return rc;
    }
  }
  *res = r;
  *n = k;
  return HLM_OK;
}

int hlm_loans_judge(const hlm_facts *f, hlm_date as_of,
                    const char *only_organism, int only_kind,
                    hlm_loan_result **res, size_t *n, hlm_findings *out,
                    hlm_error *err) {
  return judge_all(f, as_of, only_organism, NULL, only_kind, res, n, out, err);
}

void hlm_loan_results_free(hlm_loan_result *r, size_t n) {
  size_t i;
  if (!r)
    return;
  for (i = 0; i < n; i++)
    hlm_trace_clear(&r[i].trace);
  hlm_free(r);
}

/* ---- the registry's rule functions ---- */

/* The findings of the loans of one kind for hlm check. */
static int rule(const hlm_eval *ev, int kind, hlm_findings *out,
                hlm_error *err) {
  hlm_loan_result *r;
  size_t n;
  int rc = judge_all(ev->facts, ev->as_of, ev->only_organism, ev->only_group,
                     kind, &r, &n, out, err);
  hlm_loan_results_free(r, n);
  return rc;
}

/* Both versions of each article judge every loan: each loan by the text
 * in force on its own dates (signed, declared), the finding's version
 * says which. */
int hlm__rule_l423_15_2011(const hlm_eval *ev, hlm_findings *out,
                           hlm_error *err) {
  return rule(ev, HLM_LOAN_ADVANCE, out, err);
}

int hlm__rule_l423_15_2019(const hlm_eval *ev, hlm_findings *out,
                           hlm_error *err) {
  return rule(ev, HLM_LOAN_ADVANCE, out, err);
}

int hlm__rule_l423_16_2011(const hlm_eval *ev, hlm_findings *out,
                           hlm_error *err) {
  return rule(ev, HLM_LOAN_PARTICIPATING, out, err);
}

int hlm__rule_l423_16_2019(const hlm_eval *ev, hlm_findings *out,
                           hlm_error *err) {
  return rule(ev, HLM_LOAN_PARTICIPATING, out, err);
}
