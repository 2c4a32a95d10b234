/*
 * count.c: R411-6 — the dwellings taken into account for L421-6, L423-2,
 * L481-1-1 and L481-1-2 (décret n° 2019-634, in force 2021-01-01), and
 * the plain count of managed dwellings the older texts use.
 *
 * Text (seed file 004): « Les logements pris en compte … gérés par un
 * organisme mentionné à l'article L. 411-2 ou par une société d'économie
 * mixte agréée … sont : 1° les logements faisant l'objet de conventions
 * conclues en application des 2°, 3° et 5° de l'article L. 831-1 ; 2° les
 * logements appartenant aux organismes d'habitations à loyer modéré ou aux
 * sociétés mixtes agréées et construits, ou acquis et améliorés avant le 5
 * janvier 1977.  Dès lors que les structures ne sont pas constituées de
 * logements autonomes, le nombre de logements équivalents est obtenu en
 * retenant la partie entière issue du calcul effectué à raison d'un
 * logement pour trois lits de logements-foyers. »
 *
 * Readings applied (docs/interpretations.md): I1 (CONSTRUCT <= 1976), I2
 * (beds summed then floored once), I3 (every APL convention), I4 (ORIGINE
 * 2 and PATRIMOINE <= 1976), I5 (per manager), I6 (plain count before
 * 2021), I13 (no stock line: unknown, never zero).
 *
 * Stock selection (spec rules-count-thresholds.md, "Which stock"): for
 * each owner, its latest RPLS year Y with Y-01-01 <= as_of; for each
 * owner's foyers, the latest foyer year <= the as-of year.
 */
#include <stdio.h>
#include <string.h>

#include "hlm/alloc.h"
#include "law/law_int.h"

/* ART: R411-6 — NOTA: in force from 2021-01-01 (décret 2019-634 art. 6). */
#define R411_6_FROM "2021-01-01"

void hlm_dwelling_classify(int year, int conv, int construct, int origine,
                           int patrimoine, hlm_line_flags *out) {
  int known_c = construct > 0, known_p = patrimoine > 0;
  /* ART: R411-6 1° — « logements faisant l'objet de conventions » (I3) */
  out->conv = conv == 1;
  /* ART: R411-6 2° — « construits, ou acquis et améliorés avant le 5
   * janvier 1977 » (I1: year <= 1976; I4: ORIGINE 2 = acquisition avec
   * travaux, PATRIMOINE = year of entry into the stock) */
  out->pre77_nc = !out->conv && ((known_c && construct <= 1976) ||
                                 (origine == 2 && known_p &&
                                  patrimoine <= 1976));
  /* ART: L423-1 — « n'a pas construit … pendant une période de dix ans »
   * (I10: built by the organism, completed in Y-10 .. Y-1) */
  out->built10 = origine == 1 && known_c && construct >= year - 10 &&
                 construct <= year - 1;
  /* ART: L423-2 I 1° — « construit ou acquis … au cours des six dernières
   * années » (I9: year of entry Y-6 .. Y-1) */
  out->entered6 = known_p && patrimoine >= year - 6 && patrimoine <= year - 1;
}

void hlm_counts_free(hlm_count *c, size_t n) {
  size_t i;
  if (!c)
    return;
  for (i = 0; i < n; i++)
    hlm_trace_clear(&c[i].trace);
  hlm_free(c);
}

int hlm_counts_millesime(const hlm_count *c, size_t n) {
  size_t i;
  int m = 0;
  for (i = 0; i < n; i++)
    if (c[i].millesime > m)
      m = c[i].millesime;
  return m;
}

/* The organism that manages a stock summary row, or -1 when the row names
 * a manager that is not in the store (reported by DATA-REF). */
static long manager_of(const hlm_facts *f, const hlm_stock_agg *a) {
  if (a->manager[0])
    return hlm_facts_org_index(f, a->manager);
  if (a->manager_rpls[0]) {
    const hlm_organism *o = hlm_facts_org_by_rpls(f, a->manager_rpls);
    return o ? (long)(o - f->orgs) : -1;
  }
  return hlm_facts_org_index(f, a->owner);
}

static void seen_year(hlm_count *c, int y) {
  if (y > c->millesime)
    c->millesime = y;
}

#define TRY(x)                                                                 \
  do {                                                                         \
    if ((x) < 0)                                                               \
      goto nomem;                                                              \
  } while (0)

int hlm_count_all(const hlm_facts *f, hlm_date as_of, hlm_count_mode mode,
                  hlm_count **out, hlm_error *err) {
  hlm_count *c;
  size_t i, j;
  int as_year = hlm_date_year(as_of);
  int r411 = mode == HLM_COUNT_R411_6 ||
             (mode == HLM_COUNT_BY_DATE && as_of >= hlm__d(R411_6_FROM));

  *out = NULL;
  c = hlm_calloc(f->n_orgs ? f->n_orgs : 1, sizeof *c);
  if (!c)
    return HLM_NOMEM(err);
  for (i = 0; i < f->n_orgs; i++) {
    c[i].org = (long)i;
    c[i].r411_6 = r411;
  }

  /* RPLS lines: rows are sorted by owner then year; for each owner take
   * the rows of its latest year <= the as-of year. */
  for (i = 0; i < f->n_stock;) {
    const char *owner = f->stock[i].owner;
    size_t end = i, k;
    int year = 0;
    long oi;
    while (end < f->n_stock && strcmp(f->stock[end].owner, owner) == 0) {
      if (f->stock[end].year <= as_year && f->stock[end].year > year)
        year = f->stock[end].year;
      end++;
    }
    oi = hlm_facts_org_index(f, owner);
    if (year > 0 && oi >= 0) {
      c[oi].known = 1;
      c[oi].owner_year = year;
      seen_year(&c[oi], year);
    }
    for (k = i; year > 0 && k < end; k++) {
      const hlm_stock_agg *a = &f->stock[k];
      long m;
      hlm_count *cm;
      if (a->year != year)
        continue;
      if (oi >= 0) {
        /* ART: L423-1 — « construit » : lines the organism owns, ORIGINE 1,
         * CONSTRUCT in Y-10 .. Y-1 (I10). */
        c[oi].built_10y += a->built10;
        /* ART: L423-2 I 1° — « construit ou acquis » in the last six
         * years: PATRIMOINE in Y-6 .. Y-1 (I9). */
        c[oi].entered_6y += a->entered6;
      }
      m = manager_of(f, a);
      if (m < 0)
        continue;
      cm = &c[m];
      cm->known = 1;
      seen_year(cm, year);
      cm->managed += a->lines;
      TRY(hlm_trace_add(&cm->trace, "R411-6",
                        m == oi ? "Logements gérés, parc RPLS propre au 1er "
                                  "janvier (millésime)"
                                : "Logements gérés pour un autre propriétaire "
                                  "(RPLS position 53 / colonne manager)",
                        "%lld (propriétaire %s, millésime %d)",
                        (long long)a->lines, owner, year));
      if (!r411 || !hlm_kind_is_counting(f->orgs[m].kind))
        continue;
      /* ART: R411-6 1° — conventionné APL (CONV = 1), reading I3. */
      cm->conventionne += a->conv;
      /* ART: R411-6 2° — owned by an HLM organism or agreed SEM, built or
       * acquired-improved before 5 January 1977 (I1, I4). */
      if (oi >= 0 && hlm_kind_is_counting(f->orgs[oi].kind))
        cm->pre_1977_only += a->pre77_nc;
    }
    i = end;
  }

  /* Logements-foyers: latest foyer year <= as-of year, per owner. */
  for (i = 0; i < f->n_foyers;) {
    const char *owner = f->foyers[i].owner;
    size_t end = i, k;
    int year = 0;
    long oi;
    while (end < f->n_foyers && strcmp(f->foyers[end].owner, owner) == 0) {
      if (f->foyers[end].year <= as_year && f->foyers[end].year > year)
        year = f->foyers[end].year;
      end++;
    }
    oi = hlm_facts_org_index(f, owner);
    if (year > 0 && oi >= 0) {
      c[oi].known = 1;
      seen_year(&c[oi], year);
    }
    for (k = i; year > 0 && k < end; k++) {
      const hlm_foyer *y = &f->foyers[k];
      long m;
      int q1, q2;
      if (y->year != year)
        continue;
      m = y->manager[0] ? hlm_facts_org_index(f, y->manager) : oi;
      if (m < 0)
        continue;
      c[m].known = 1;
      seen_year(&c[m], year);
      if (!r411 || !hlm_kind_is_counting(f->orgs[m].kind))
        continue;
      /* ART: R411-6 1° — logements-foyers conventionnés (L831-1 5°). */
      q1 = y->conv == 1;
      /* ART: R411-6 2° — owned by an HLM organism or agreed SEM, completed
       * before 1977 (I1). */
      q2 = oi >= 0 && hlm_kind_is_counting(f->orgs[oi].kind) &&
           y->construct <= 1976;
      if (!q1 && !q2)
        continue;
      if (y->autonomous) {
        c[m].foyer_autonomous += y->dwellings > 0 ? y->dwellings : 0;
        TRY(hlm_trace_add(&c[m].trace, q1 ? "R411-6 1°" : "R411-6 2°",
                          "Logement-foyer constitué de logements autonomes : "
                          "ses logements comptent comme des logements",
                          "%lld (structure %s de %s, millésime %d)",
                          (long long)y->dwellings, y->structure_id, owner,
                          year));
      } else {
        c[m].foyer_beds += y->beds;
        TRY(hlm_trace_add(&c[m].trace, q1 ? "R411-6 1°" : "R411-6 2°",
                          "Lits d'un logement-foyer non autonome retenu",
                          "%lld lits (structure %s de %s, millésime %d)",
                          (long long)y->beds, y->structure_id, owner, year));
      }
    }
    i = end;
  }

  for (j = 0; j < f->n_orgs; j++) {
    hlm_count *x = &c[j];
    if (!x->known) {
      TRY(hlm_trace_add(&x->trace, "R411-6",
                        "Aucune ligne RPLS ni aucun logement-foyer au plus "
                        "tard au millésime de la date ne nomme l'organisme : "
                        "décompte inconnu (lecture I13)",
                        "inconnu"));
      continue;
    }
    if (!r411) {
      /* Before 2021 the texts say only « gérer »: every managed line,
       * without filter and without foyers (I6). */
      x->counted = x->managed;
      TRY(hlm_trace_add(&x->trace, "R411-6",
                        "R411-6 n'est pas en vigueur à cette date (1er janvier "
                        "2021) : décompte simple des logements gérés, sans "
                        "logements-foyers (lecture I6)",
                        "%lld", (long long)x->managed));
      continue;
    }
    if (!hlm_kind_is_counting(f->orgs[j].kind)) {
      TRY(hlm_trace_add(&x->trace, "R411-6",
                        "Organisme hors du champ de R411-6 (ni L411-2 ni SEM "
                        "agréée) : aucun logement pris en compte",
                        "%s", hlm_kind_name(f->orgs[j].kind)));
      continue;
    }
    /* ART: R411-6 dernier alinéa — « partie entière » of beds / 3, over
     * the organism's beds summed (I2). */
    x->foyer_equivalent = x->foyer_beds / 3;
    x->counted = x->conventionne + x->pre_1977_only + x->foyer_equivalent +
                 x->foyer_autonomous;
    TRY(hlm_trace_add(&x->trace, "R411-6 1°",
                      "Logements conventionnés APL (CONV = 1 ; toute "
                      "convention compte, lecture I3)",
                      "%lld", (long long)x->conventionne));
    TRY(hlm_trace_add(&x->trace, "R411-6 2°",
                      "Logements non conventionnés appartenant à un organisme "
                      "HLM ou une SEM agréée, construits avant 1977 "
                      "(CONSTRUCT <= 1976, I1) ou acquis-améliorés avant 1977 "
                      "(ORIGINE = 2 et PATRIMOINE <= 1976, I4)",
                      "%lld", (long long)x->pre_1977_only));
    TRY(hlm_trace_add(&x->trace, "R411-6 dernier alinéa",
                      "Lits des logements-foyers non autonomes retenus, "
                      "additionnés",
                      "%lld", (long long)x->foyer_beds));
    TRY(hlm_trace_add(&x->trace, "R411-6 dernier alinéa",
                      "Logements équivalents : partie entière de lits / 3 "
                      "(une fois sur le total, lecture I2)",
                      "%lld", (long long)x->foyer_equivalent));
    TRY(hlm_trace_add(&x->trace, "R411-6",
                      "Logements-foyers autonomes retenus", "%lld",
                      (long long)x->foyer_autonomous));
    TRY(hlm_trace_add(&x->trace, "R411-6",
                      "Logements pris en compte (1° + 2° seul + équivalents "
                      "foyers + foyers autonomes)",
                      "%lld", (long long)x->counted));
  }
  *out = c;
  return HLM_OK;
nomem:
  hlm_counts_free(c, f->n_orgs);
  return HLM_NOMEM(err);
}
