/*
 * capital_votes.c: the capital and the votes of an SA d'HLM (ESH).
 *
 * L422-2-1 (loi n° 2003-710, 2012 text of seed file 002, lines 305-341):
 *  I   four categories of shareholders: « 1° Un actionnaire de référence
 *      … détient la majorité du capital » ; 2° the listed local
 *      authorities ; 3° the tenants' representatives ; « 4° Les personnes
 *      morales autres que l'actionnaire de référence et les personnes
 *      physiques ».
 *  II  « L'actionnaire de référence peut être constitué d'un groupe de
 *      deux ou trois actionnaires, liés entre eux par un pacte ».
 *  III categories 2 and 3 « détiennent au moins 10 % des droits de vote »
 *      each, together « le tiers des voix plus une » ; « Les personnes
 *      physiques et les organismes de placement collectif … dont la
 *      majorité des parts est détenue par des salariés … ne peuvent pas
 *      avoir la qualité d'actionnaire de référence. Les personnes
 *      physiques ne peuvent détenir au total plus de 5 % du capital. »
 * R422-1-1 (décret n° 2004-641, in force 2004-07-04; law/NOTES-2.md §1):
 *  I   total votes = 10 × number of shares;
 *  II  categories 1 and 4: « des deux tiers des voix moins une, arrondis
 *      le cas échéant à l'entier inférieur », split in proportion to their
 *      capital, rounded down, leftovers by « la règle du plus fort reste »,
 *      ties by « tirage au sort par huissier »; « le nombre des voix
 *      attribuées à l'actionnaire de référence ne peut être inférieur à la
 *      moitié plus une du total des voix »; inside each category, in
 *      proportion to each holder's capital, same rounding; « Lorsque l'une
 *      des deux catégories ne comporte aucun actionnaire, les voix sont
 *      attribuées aux actionnaires de l'autre catégorie ».
 *  III categories 2 and 3: « du tiers des voix plus une, arrondi le cas
 *      échéant à l'entier supérieur », split « par les statuts », each at
 *      least « le dixième du total ».  III last paragraph and IV-VII were
 *      not found: inside categories 2 and 3 votes follow the shares
 *      (reading C1).
 * Readings: C1-C5 (docs/interpretations.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/exact.h"
#include "hlm/alloc.h"
#include "hlm/params.h"
#include "law/allocate.h"
#include "law/capital_int.h"

static const char *V_L422_2_1 = HLM_VOTES_FROM;

static int cmp_line(const void *a, const void *b) {
  const hlm_vote_line *x = a, *y = b;
  if (x->category != y->category)
    return x->category < y->category ? -1 : 1;
  return strcmp(x->holder, y->holder); /* byte order (spec "Votes") */
}

void hlm_votes_clear(hlm_votes *v) {
  size_t i;
  if (!v)
    return;
  for (i = 0; i < v->n_ties; i++)
    hlm_free(v->ties[i].idx);
  hlm_free(v->ties);
  hlm_free(v->lines);
  hlm_trace_clear(&v->trace);
  memset(v, 0, sizeof *v);
}

/* Sums the rows of company counting at as_of into v->lines. */
static int gather(const hlm_facts *f, const hlm_holdings_index *ix,
                  const char *company, hlm_date as_of, hlm_votes *v) {
  const size_t *idx;
  size_t i, n, cap = 0;
  int owned, rc = HLM_OK;
  if ((rc = hlm__holdings_rows(f, ix, company, &idx, &n, &owned)) < 0)
    return rc;
  for (i = 0; i < n; i++) {
    const hlm_holding *h = &f->capital->holdings[idx[i]];
    size_t k;
    if (!hlm__holding_counts(h, as_of))
      continue;
    if (h->holder_type == HLM_HOLDER_PERSON)
      v->persons += h->shares;
    if (h->category < 1 || h->category > 4) {
      v->uncategorised += h->shares;
      continue;
    }
    /* a (holder, category) on several rows is summed (spec "Holders") */
    for (k = v->n_lines; k > 0; k--)
      if (v->lines[k - 1].category == h->category &&
          strcmp(v->lines[k - 1].holder, h->holder) == 0)
        break;
    if (k > 0) {
      hlm_vote_line *l = &v->lines[k - 1];
      l->shares += h->shares;
      if (!l->pact_id[0] && h->pact_id[0])
        memcpy(l->pact_id, h->pact_id, sizeof l->pact_id);
      continue;
    }
    if (v->n_lines == cap) {
      size_t nc = cap ? cap * 2 : 16;
      hlm_vote_line *p = hlm_realloc(v->lines, nc * sizeof *p);
      if (!p) {
        rc = HLM_ENOMEM;
        break;
      }
      v->lines = p;
      cap = nc;
    }
    {
      hlm_vote_line *l = &v->lines[v->n_lines++];
      memset(l, 0, sizeof *l);
      memcpy(l->holder, h->holder, sizeof l->holder);
      l->category = h->category;
      l->holder_type = h->holder_type;
      memcpy(l->pact_id, h->pact_id, sizeof l->pact_id);
      l->shares = h->shares;
    }
  }
  if (owned)
    hlm_free((void *)idx);
  if (rc == HLM_OK && v->n_lines > 1)
    qsort(v->lines, v->n_lines, sizeof *v->lines, cmp_line);
  return rc;
}

static int add_tie(hlm_votes *v, int category, size_t first,
                   const size_t *tie, size_t n) {
  hlm_vote_tie *p = hlm_realloc(v->ties, (v->n_ties + 1) * sizeof *p);
  size_t k;
  if (!p)
    return HLM_ENOMEM;
  v->ties = p;
  p = &v->ties[v->n_ties];
  p->category = category;
  p->n = n;
  p->idx = hlm_malloc(n * sizeof *p->idx);
  if (!p->idx)
    return HLM_ENOMEM;
  v->n_ties++;
  /* tie[] is in rank order = byte order of the ids inside the category */
  for (k = 0; k < n; k++)
    p->idx[k] = first + tie[k];
  return HLM_OK;
}

/* Splits the votes of category cat among its holders (lines [lo, hi)) in
 * proportion to their shares: floor, then largest remainder, ties to the
 * smaller id in byte order (the lines are in that order). */
static int split_category(hlm_votes *v, int cat, size_t lo, size_t hi) {
  size_t n = hi - lo, k, *tie = NULL, n_tie = 0;
  int64_t *w, *out;
  int rc;
  char buf[512];
  if (n == 0)
    return HLM_OK;
  if (v->cat_votes[cat] < 0) {
    for (k = lo; k < hi; k++)
      v->lines[k].votes = -1;
    return HLM_OK;
  }
  w = hlm_malloc(2 * n * sizeof *w);
  if (!w)
    return HLM_ENOMEM;
  out = w + n;
  for (k = 0; k < n; k++)
    w[k] = v->lines[lo + k].shares;
  rc = hlm__allocate(v->cat_votes[cat], w, n, NULL, out, &tie, &n_tie);
  if (rc == HLM_OK) {
    for (k = 0; k < n; k++)
      v->lines[lo + k].votes = out[k];
    if (tie)
      rc = add_tie(v, cat, lo, tie, n_tie);
  }
  hlm_free(w);
  if (rc < 0) {
    hlm_free(tie);
    return rc;
  }
  /* ART: R422-1-1 II al. 3 — « chaque actionnaire dispose d'un nombre de
   * voix proportionnel à la quotité du capital qu'il détient … arrondi à
   * l'entier inférieur … règle du plus fort reste » */
  snprintf(buf, sizeof buf,
           "Catégorie %d : %lld voix réparties entre %zu détenteur%s en "
           "proportion de leurs actions (partie entière, puis plus forts "
           "restes)%s",
           cat, (long long)v->cat_votes[cat], n, n > 1 ? "s" : "",
           cat == 2 || cat == 3 ? " — lecture C1 : R422-1-1 III dernier "
                                  "alinéa à VII non lus, répartition "
                                  "proportionnelle aux actions"
                                : "");
  {
    /* the holders' votes are in the result; the trace says how many votes
     * the floors gave and how many went to the largest remainders */
    __int128 W = 0;
    int64_t floors = 0;
    for (k = lo; k < hi; k++)
      W += v->lines[k].shares;
    for (k = lo; k < hi; k++)
      floors += (int64_t)((__int128)v->cat_votes[cat] * v->lines[k].shares /
                          W);
    rc = hlm_trace_add(&v->trace,
                       cat == 2 || cat == 3 ? "R422-1-1 III (lecture C1)"
                                            : "R422-1-1 II al. 3",
                       buf, "%lld voix en parties entières, %lld aux plus "
                            "forts restes",
                       (long long)floors,
                       (long long)(v->cat_votes[cat] - floors));
  }
  if (rc == HLM_OK && tie) {
    char ids[400];
    size_t p = 0;
    ids[0] = '\0';
    for (k = 0; k < n_tie && p + 2 < sizeof ids; k++)
      p += (size_t)snprintf(ids + p, sizeof ids - p, "%s%s", k ? ", " : "",
                            v->lines[lo + tie[k]].holder);
    /* ART: R422-1-1 II al. 3 — « En cas d'égalité des restes, il est
     * procédé à un tirage au sort par huissier » */
    rc = hlm_trace_add(&v->trace, "R422-1-1 II al. 3",
                       "Restes égaux en concurrence pour moins de voix qu'ils "
                       "ne sont : la loi veut un tirage au sort par huissier ; "
                       "hlm attribue la voix dans l'ordre des identifiants "
                       "(octets) et le signale (LOT_REQUIRED)",
                       "catégorie %d : %s", cat, ids);
  }
  hlm_free(tie);
  return rc;
}

int hlm_votes_compute(const hlm_facts *f, const char *company,
                      hlm_date as_of, hlm_votes *v, hlm_error *err) {
  return hlm_votes_compute_ix(f, NULL, company, as_of, v, err);
}

int hlm_votes_compute_ix(const hlm_facts *f, const hlm_holdings_index *ix,
                         const char *company, hlm_date as_of, hlm_votes *v,
                         hlm_error *err) {
  const hlm_organism *o;
  const hlm_capital_facts *c = f->capital;
  int64_t S, T, A, B, c1, c4, g;
  size_t i, lo;
  int cat, rc;
  char dbuf[11];

  memset(v, 0, sizeof *v);
  snprintf(v->company, sizeof v->company, "%s", company);
  v->as_of = as_of;
  v->stat_cat2 = v->stat_cat3 = -1;
  o = hlm_facts_org(f, company);
  if (!o)
    return hlm_error_set(err, HLM_ENOTFOUND,
                         "société %s inconnue de la base", company);
  if (o->kind != HLM_KIND_ESH)
    return hlm_error_set(err, HLM_EINPUT,
                         "%s (%s) n'est pas une SA d'HLM (nature %s) : "
                         "L422-2-1 ne s'applique qu'aux ESH",
                         company, o->name, hlm_kind_name(o->kind));
  if (as_of < hlm__d(HLM_VOTES_FROM))
    return hlm_error_set(err, HLM_EINPUT,
                         "au %s, R422-1-1 (répartition des voix) n'est pas en "
                         "vigueur : il l'est à partir du %s",
                         hlm__date_text(as_of, dbuf), HLM_VOTES_FROM);
  if (gather(f, ix, company, as_of, v) < 0)
    return HLM_NOMEM(err);

  for (i = 0; i < v->n_lines; i++) {
    v->cat_shares[v->lines[i].category] += v->lines[i].shares;
    v->cat_holders[v->lines[i].category]++;
  }
  S = v->cat_shares[1] + v->cat_shares[2] + v->cat_shares[3] +
      v->cat_shares[4];
  v->shares = S;
  /* ART: R422-1-1 I — « le nombre total des voix … est égal à dix fois le
   * nombre des actions » */
  T = 10 * S;
  v->total_votes = T;
  HLM_TRY_MEM(hlm_trace_add(
      &v->trace, "L422-2-1 I",
      "Actions détenues à la date, par catégorie (détenteurs)",
      "1 : %lld (%zu) ; 2 : %lld (%zu) ; 3 : %lld (%zu) ; 4 : %lld (%zu)",
      (long long)v->cat_shares[1], v->cat_holders[1],
      (long long)v->cat_shares[2], v->cat_holders[2],
      (long long)v->cat_shares[3], v->cat_holders[3],
      (long long)v->cat_shares[4], v->cat_holders[4]));
  if (v->uncategorised)
    HLM_TRY_MEM(hlm_trace_add(
        &v->trace, "L422-2-1 I",
        "Actions sans catégorie (lignes sans `category`) : hors du calcul "
        "des voix, donnée manquante (lecture C4)",
        "%lld", (long long)v->uncategorised));
  HLM_TRY_MEM(hlm_trace_add(&v->trace, "R422-1-1 I",
                            "Nombre total de voix T = 10 × actions", "%lld",
                            (long long)T));
  v->cat_votes[1] = v->cat_votes[2] = v->cat_votes[3] = v->cat_votes[4] = 0;
  if (S == 0)
    return HLM_OK;

  /* ART: R422-1-1 II al. 1 — « deux tiers des voix moins une, arrondis le
   * cas échéant à l'entier inférieur »: floor(2T/3 - 1) = floor(2T/3) - 1 */
  A = 2 * T / 3 - 1;
  /* ART: R422-1-1 III al. 1 — « le tiers des voix plus une, arrondi le cas
   * échéant à l'entier supérieur »: ceil(T/3 + 1) = T - A */
  B = T - A;
  v->a_votes = A;
  v->b_votes = B;
  HLM_TRY_MEM(hlm_trace_add(
      &v->trace, "R422-1-1 II al. 1",
      "Voix des catégories 1 et 4 : deux tiers des voix moins une, arrondis "
      "à l'entier inférieur",
      "A = ⌊2 × %lld / 3⌋ − 1 = %lld", (long long)T, (long long)A));
  HLM_TRY_MEM(hlm_trace_add(
      &v->trace, "R422-1-1 III al. 1",
      "Voix des catégories 2 et 3 : le tiers des voix plus une, arrondi à "
      "l'entier supérieur",
      "B = T − A = %lld", (long long)B));

  /* ---- categories 1 and 4 ---- */
  c1 = v->cat_shares[1];
  c4 = v->cat_shares[4];
  if (c1 == 0 && c4 == 0) {
    HLM_TRY_MEM(hlm_trace_add(&v->trace, "R422-1-1 II",
                              "Aucun actionnaire des catégories 1 et 4 : les "
                              "voix A ne sont détenues par personne",
                              "%lld", (long long)A));
  } else if (c1 == 0 || c4 == 0) {
    /* ART: R422-1-1 II al. 4 — « Lorsque l'une des deux catégories ne
     * comporte aucun actionnaire, les voix sont attribuées aux actionnaires
     * de l'autre catégorie » */
    v->cat_votes[c1 ? 1 : 4] = A;
    HLM_TRY_MEM(hlm_trace_add(
        &v->trace, "R422-1-1 II al. 4",
        c1 ? "La catégorie 4 ne compte aucun actionnaire : la catégorie 1 "
             "reçoit A"
           : "La catégorie 1 ne compte aucun actionnaire : la catégorie 4 "
             "reçoit A",
        "%lld", (long long)A));
  } else {
    int64_t w[2], out[2];
    size_t *tie = NULL, n_tie = 0;
    mpq_t q;
    char *t1, *t4;
    w[0] = c1;
    w[1] = c4;
    /* ART: R422-1-1 II al. 2 — « proportionnel au capital détenu … arrondi
     * à l'entier inférieur … règle du plus fort reste »; equal remainders:
     * category 1 first (spec "Votes"), lot reported */
    rc = hlm__allocate(A, w, 2, NULL, out, &tie, &n_tie);
    if (rc < 0)
      return rc == HLM_ENOMEM ? HLM_NOMEM(err)
                              : hlm_error_set(err, rc, "répartition");
    v->category_tie = tie != NULL;
    hlm_free(tie);
    v->cat_votes[1] = out[0];
    v->cat_votes[4] = out[1];
    mpq_init(q);
    hlm__mpq_set_frac(q, 0, 1);
    mpz_set_si(mpq_numref(q), (long)A);
    mpz_mul_si(mpq_numref(q), mpq_numref(q), (long)c1);
    mpz_set_si(mpq_denref(q), (long)(c1 + c4));
    mpq_canonicalize(q);
    t1 = hlm__mpq_text(q);
    mpz_set_si(mpq_numref(q), (long)A);
    mpz_mul_si(mpq_numref(q), mpq_numref(q), (long)c4);
    mpz_set_si(mpq_denref(q), (long)(c1 + c4));
    mpq_canonicalize(q);
    t4 = hlm__mpq_text(q);
    mpq_clear(q);
    rc = t1 && t4 ? hlm_trace_add(&v->trace, "R422-1-1 II al. 2",
                                  "Parts exactes de A en proportion du "
                                  "capital : A × c1 / (c1 + c4) et A × c4 / "
                                  "(c1 + c4)",
                                  "catégorie 1 : %s ; catégorie 4 : %s", t1,
                                  t4)
                  : HLM_ENOMEM;
    hlm_free(t1);
    hlm_free(t4);
    HLM_TRY_MEM(rc);
    HLM_TRY_MEM(hlm_trace_add(
        &v->trace, "R422-1-1 II al. 2",
        "Partie entière, puis la voix restante au plus fort reste",
        "catégorie 1 : %lld ; catégorie 4 : %lld%s", (long long)out[0],
        (long long)out[1],
        v->category_tie ? " (restes égaux : la voix va à la catégorie 1, "
                          "tirage au sort requis)"
                        : ""));
    /* ART: R422-1-1 II al. 2 — « le nombre des voix attribuées à
     * l'actionnaire de référence ne peut être inférieur à la moitié plus
     * une du total des voix »; the votes come from category 4 (C2) */
    g = T / 2 + 1;
    if (v->cat_votes[1] < g) {
      int64_t before = v->cat_votes[1];
      v->cat_votes[1] = g < A ? g : A;
      v->cat_votes[4] = A - v->cat_votes[1];
      v->guarantee = 1;
      v->category_tie = 0; /* the lot no longer decides anything (C3) */
      HLM_TRY_MEM(hlm_trace_add(
          &v->trace, "R422-1-1 II al. 2",
          "Garantie de l'actionnaire de référence : au moins la moitié plus "
          "une du total des voix ; les voix sont prises sur la catégorie 4 "
          "(lecture C2)",
          "T/2 + 1 = %lld > %lld : catégorie 1 %lld, catégorie 4 %lld%s",
          (long long)g, (long long)before, (long long)v->cat_votes[1],
          (long long)v->cat_votes[4],
          g > A ? " (une seule action : A < T/2 + 1, la catégorie 1 reçoit "
                  "A, lecture C5)"
                : ""));
    }
  }

  /* ---- categories 2 and 3: the statutes ---- */
  if (c) {
    for (i = 0; i < c->n_statutes; i++)
      if (strcmp(c->statutes[i].company, company) == 0) {
        v->stat_cat2 = c->statutes[i].cat2_votes;
        v->stat_cat3 = c->statutes[i].cat3_votes;
        break;
      }
  }
  /* ART: R422-1-1 III al. 2 — « Les voix sont réparties entre les deux
   * catégories par les statuts » */
  if (v->stat_cat2 >= 0 && v->stat_cat3 >= 0) {
    v->split_known = 1;
    v->cat_votes[2] = v->stat_cat2;
    v->cat_votes[3] = v->stat_cat3;
    HLM_TRY_MEM(hlm_trace_add(&v->trace, "R422-1-1 III al. 2",
                              "Répartition statutaire des voix des catégories "
                              "2 et 3 (statutes.csv)",
                              "catégorie 2 : %lld ; catégorie 3 : %lld",
                              (long long)v->stat_cat2,
                              (long long)v->stat_cat3));
  } else {
    v->cat_votes[2] = v->cat_votes[3] = -1;
    HLM_TRY_MEM(hlm_trace_add(&v->trace, "R422-1-1 III al. 2",
                              "Répartition statutaire des voix des catégories "
                              "2 et 3 inconnue (statutes.csv) : leurs voix ne "
                              "peuvent être calculées",
                              "inconnue"));
  }
  for (cat = 2; cat <= 3; cat++)
    if (v->cat_holders[cat] == 0 && v->cat_votes[cat] > 0)
      HLM_TRY_MEM(hlm_trace_add(
          &v->trace, "R422-1-1 III",
          "Catégorie sans détenteur : elle garde ses voix statutaires, "
          "détenues par personne",
          "catégorie %d : %lld", cat, (long long)v->cat_votes[cat]));

  /* ---- inside each category ---- */
  for (lo = 0, cat = 1; cat <= 4; cat++) {
    size_t hi = lo;
    while (hi < v->n_lines && v->lines[hi].category == cat)
      hi++;
    rc = split_category(v, cat, lo, hi);
    if (rc < 0)
      return rc == HLM_ENOMEM ? HLM_NOMEM(err)
                              : hlm_error_set(err, rc, "répartition");
    lo = hi;
  }
  return HLM_OK;
}

/* ---- the rule ---- */

/* Appends the steps of v to finding fd; HLM_OK or HLM_ENOMEM. */
static int with_votes(hlm_finding *fd, const hlm_votes *v) {
  if (!fd)
    return HLM_ENOMEM;
  return hlm_trace_append(&fd->trace, &v->trace);
}

static int company_findings(const hlm_eval *ev, const hlm_organism *o,
                            const hlm_votes *v, hlm_findings *out,
                            hlm_error *err) {
  const char *R = "L422-2-1", *V = V_L422_2_1, *id = o->id;
  size_t from = out->n, i, j;
  int64_t all = v->shares + v->uncategorised, persons = 0, c1 = 0;
  const hlm_param_row *row;
  hlm_finding *fd;
  int rc;

  /* ART: L422-2-1 I 1° — « Un actionnaire de référence … détient la
   * majorité du capital »: not established when even the shares without
   * a category would not make it a majority (reading C4) */
  c1 = v->cat_shares[1];
  if (2 * (c1 + v->uncategorised) <= all) {
    fd = hlm__cap_finding(
        out, from, R, "L422-2-1 I 1°", V, HLM_SEV_VIOLATION, "organism", id,
        "REFERENCE_NOT_MAJORITY", ev->as_of,
        "%s : l'actionnaire de référence (catégorie 1) détient %lld actions "
        "sur %lld, soit la moitié du capital ou moins",
        o->name, (long long)c1, (long long)all);
    HLM_TRY_MEM(with_votes(fd, v));
    HLM_TRY_MEM(hlm_trace_add(&fd->trace, "L422-2-1 I 1°",
                              "Majorité du capital : 2 × actions de la "
                              "catégorie 1 > capital",
                              "2 × %lld ≤ %lld", (long long)c1,
                              (long long)all));
  }
  /* ART: L422-2-1 III al. 5 — « Les personnes physiques et les organismes
   * de placement collectif … ne peuvent pas avoir la qualité d'actionnaire
   * de référence » */
  for (i = 0; i < v->n_lines; i++) {
    const hlm_vote_line *l = &v->lines[i];
    if (l->category != 1 || l->holder_type == HLM_HOLDER_ORGANISM)
      continue;
    fd = hlm__cap_finding(
        out, from, R, "L422-2-1 III", V, HLM_SEV_VIOLATION, "organism", id,
        "REFERENCE_INELIGIBLE", ev->as_of,
        "%s : %s (%s) ne peut être actionnaire de référence", o->name,
        l->holder,
        l->holder_type == HLM_HOLDER_PERSON
            ? "personne physique"
            : "fonds détenu en majorité par les salariés");
    if (!fd)
      return HLM_NOMEM(err);
    HLM_TRY_MEM(hlm_trace_add(&fd->trace, "L422-2-1 III",
                              "Détenteur de la catégorie 1 qui n'est pas une "
                              "personne morale admise",
                              "%s (%s)", l->holder,
                              l->holder_type == HLM_HOLDER_PERSON
                                  ? "PERSON"
                                  : "EMPLOYEE_FUND"));
  }
  /* ART: L422-2-1 III al. 5 — « Les personnes physiques ne peuvent
   * détenir au total plus de 5 % du capital »: every PERSON row counts,
   * whatever its category (spec "Votes") */
  persons = v->persons;
  if ((rc = hlm_param_at("persons_max_holding", ev->as_of, &row, err)) < 0)
    return rc;
  if (all > 0 && (__int128)persons * 10000 > (__int128)row->value * all) {
    fd = hlm__cap_finding(
        out, from, R, "L422-2-1 III", V, HLM_SEV_VIOLATION, "organism", id,
        "PERSONS_OVER_5PCT", ev->as_of,
        "%s : les personnes physiques détiennent %lld actions sur %lld, plus "
        "de 5 %% du capital",
        o->name, (long long)persons, (long long)all);
    if (!fd)
      return HLM_NOMEM(err);
    HLM_TRY_MEM(hlm_trace_add(&fd->trace, "L422-2-1 III",
                              "Actions des personnes physiques × 10 000 > "
                              "plafond (pb) × capital",
                              "%lld × 10000 > %lld × %lld (%s)",
                              (long long)persons, (long long)row->value,
                              (long long)all, row->source));
  }
  /* ART: L422-2-1 II — « un groupe de deux ou trois actionnaires, liés
   * entre eux par un pacte » */
  for (i = 0; i < v->n_lines; i++) {
    const char *pact = v->lines[i].pact_id;
    size_t members = 0, k;
    int seen = 0;
    if (!pact[0])
      continue;
    for (k = 0; k < i && !seen; k++)
      seen = strcmp(v->lines[k].pact_id, pact) == 0;
    if (seen)
      continue; /* this pact was judged at its first line */
    for (j = 0; j < v->n_lines; j++) {
      int dup = 0;
      if (strcmp(v->lines[j].pact_id, pact) != 0)
        continue;
      for (k = 0; k < j && !dup; k++)
        dup = strcmp(v->lines[k].pact_id, pact) == 0 &&
              strcmp(v->lines[k].holder, v->lines[j].holder) == 0;
      members += !dup;
    }
    if (members >= 2 && members <= 3)
      continue;
    fd = hlm__cap_finding(out, from, R, "L422-2-1 II", V, HLM_SEV_VIOLATION,
                          "organism", id, "PACT_SIZE", ev->as_of,
                          "%s : le pacte « %s » lie %zu actionnaire%s (deux "
                          "ou trois requis)",
                          o->name, pact, members, members > 1 ? "s" : "");
    if (!fd)
      return HLM_NOMEM(err);
    HLM_TRY_MEM(hlm_trace_add(&fd->trace, "L422-2-1 II",
                              "Membres distincts du pacte (pact_id)",
                              "%s : %zu", pact, members));
  }
  if (v->shares > 0 && v->split_known) {
    int64_t T = v->total_votes, min;
    if ((rc = hlm_param_at("cat23_min_votes", ev->as_of, &row, err)) < 0)
      return rc;
    /* ART: L422-2-1 III al. 2 — « au moins 10 % des droits de vote » (and
     * R422-1-1 III al. 2 « le dixième du total »): ceil(T × 10 %) */
    min = (int64_t)(((__int128)T * row->value + 9999) / 10000);
    if (v->stat_cat2 < min || v->stat_cat3 < min) {
      fd = hlm__cap_finding(
          out, from, R, "L422-2-1 III", V, HLM_SEV_VIOLATION, "organism", id,
          "CAT_VOTES_BELOW_10PCT", ev->as_of,
          "%s : les statuts donnent %lld voix à la catégorie 2 et %lld à la "
          "catégorie 3 ; chacune doit en avoir au moins %lld (10 %% de %lld)",
          o->name, (long long)v->stat_cat2, (long long)v->stat_cat3,
          (long long)min, (long long)T);
      HLM_TRY_MEM(with_votes(fd, v));
      HLM_TRY_MEM(hlm_trace_add(&fd->trace, "L422-2-1 III",
                                "Minimum de chaque catégorie 2 et 3 : "
                                "⌈T × 10 %⌉",
                                "%lld", (long long)min));
    }
    /* ART: R422-1-1 III al. 1 — categories 2 + 3 hold exactly B */
    if (v->stat_cat2 + v->stat_cat3 != v->b_votes) {
      fd = hlm__cap_finding(
          out, from, R, "R422-1-1 III", V, HLM_SEV_VIOLATION, "organism", id,
          "STATUTORY_SPLIT_MISMATCH", ev->as_of,
          "%s : les statuts répartissent %lld + %lld = %lld voix entre les "
          "catégories 2 et 3 ; le tiers des voix plus une en fait %lld",
          o->name, (long long)v->stat_cat2, (long long)v->stat_cat3,
          (long long)(v->stat_cat2 + v->stat_cat3), (long long)v->b_votes);
      HLM_TRY_MEM(with_votes(fd, v));
    }
  }
  if (v->shares > 0 && !v->split_known) {
    char msg[256];
    snprintf(msg, sizeof msg,
             "répartition statutaire des voix des catégories 2 et 3 de %s "
             "(statutes.csv : cat2_votes, cat3_votes)",
             o->name);
    fd = hlm__cap_finding(out, from, R, "R422-1-1 III", V, HLM_SEV_WARNING,
                          "organism", id, "MISSING_FACT", ev->as_of,
                          "Donnée manquante : %s", msg);
    HLM_TRY_MEM(with_votes(fd, v));
  }
  if (v->uncategorised > 0) {
    fd = hlm__cap_finding(out, from, R, "L422-2-1 I", V, HLM_SEV_WARNING,
                          "organism", id, "MISSING_FACT", ev->as_of,
                          "Donnée manquante : catégorie (L422-2-1 I) de %lld "
                          "actions de %s (holdings.csv : category)",
                          (long long)v->uncategorised, o->name);
    if (!fd)
      return HLM_NOMEM(err);
    if (fd->trace.n == 0)
      HLM_TRY_MEM(with_votes(fd, v));
  }
  /* ART: R422-1-1 II al. 2 — equal remainders: « tirage au sort par
   * huissier » (categories 1 and 4, and inside each category) */
  if (v->category_tie || v->n_ties) {
    fd = hlm__cap_finding(out, from, R, "R422-1-1 II", V, HLM_SEV_INFO,
                          "organism", id, "LOT_REQUIRED", ev->as_of,
                          "%s : des restes égaux se disputent des voix ; la "
                          "loi veut un tirage au sort par huissier (hlm a "
                          "attribué %s)",
                          o->name,
                          v->category_tie && !v->n_ties
                              ? "la voix à la catégorie 1"
                              : "les voix dans l'ordre des identifiants");
    HLM_TRY_MEM(with_votes(fd, v));
  }
  return HLM_OK;
}

int hlm__rule_l422_2_1(const hlm_eval *ev, hlm_findings *out,
                       hlm_error *err) {
  const hlm_facts *f = ev->facts;
  hlm_holdings_index *ix;
  size_t i;
  int rc = HLM_OK;
  if (hlm_holdings_index_new(f, &ix) < 0)
    return HLM_NOMEM(err);
  for (i = 0; i < f->n_orgs && rc == HLM_OK; i++) {
    const hlm_organism *o = &f->orgs[i];
    hlm_votes v;
    if (o->kind != HLM_KIND_ESH || !hlm_eval_wants_org(ev, i) ||
        hlm_holdings_count(f, ix, o->id, ev->as_of) == 0)
      continue; /* no cap table: nothing to judge (reading C17) */
    rc = hlm_votes_compute_ix(f, ix, o->id, ev->as_of, &v, err);
    if (rc == HLM_OK)
      rc = company_findings(ev, o, &v, out, err);
    hlm_votes_clear(&v);
  }
  hlm_holdings_index_free(ix);
  return rc;
}
