/*
 * hlm/capital_law.h: the computations of the capital rules, for the
 * commands and the tests (the findings themselves come from hlm_check).
 *
 *  - the votes of the general meeting of an SA d'HLM (L422-2-1, R422-1-1):
 *    hlm_votes_compute, `hlm votes`;
 *  - the maximum price of a share of an HLM company (L423-4, 2008 and ALUR
 *    texts): hlm_share_price_compute, `hlm share-price`;
 *  - the state of a share transfer of a société de coordination (annex I
 *    to R423-86, clause 7): hlm_transfer_state_compute, `hlm transfers`.
 *
 * Every result is exact (integers, or exact rationals written as decimal
 * text) and carries a trace citing the article of each step.  Nothing is
 * read from the clock: the date is always an argument.
 */
#ifndef HLM_CAPITAL_LAW_H
#define HLM_CAPITAL_LAW_H

#include <stddef.h>
#include <stdint.h>

#include "hlm/capital.h"
#include "hlm/date.h"
#include "hlm/error.h"
#include "hlm/model.h"
#include "hlm/trace.h"

/* ---- votes of an SA d'HLM (L422-2-1, R422-1-1) ---- */

/* R422-1-1 is in force from this day (décret n° 2004-641, JO 3 July
 * 2004). */
#define HLM_VOTES_FROM "2004-07-04"

/* Annex I to R423-86 (statuts types des sociétés de coordination,
 * décret n° 2019-911) is in force from this day. */
#define HLM_ANNEX_I_FROM "2019-09-01"

/* One holder of one category: the rows of a (holder, category) summed. */
typedef struct hlm_vote_line {
  char holder[HLM_ID_LEN];
  int category;                /* 1..4 */
  hlm_holder_type holder_type; /* of its first row */
  char pact_id[HLM_ID_LEN];    /* of its first row with one, "" none */
  int64_t shares;
  int64_t votes; /* -1: unknown (category 2 or 3 without statutory split) */
} hlm_vote_line;

/* Holders whose equal remainders competed for fewer votes than they are:
 * the law draws lots (« tirage au sort par huissier »); hlm gives the
 * votes in byte order of the ids.  idx: indices into hlm_votes.lines, in
 * byte order of the holder ids. */
typedef struct hlm_vote_tie {
  int category;
  size_t *idx;
  size_t n;
} hlm_vote_tie;

typedef struct hlm_votes {
  hlm_siren company;
  hlm_date as_of;
  int64_t shares;        /* S: shares of categories 1-4 held at the date */
  int64_t uncategorised; /* shares of rows without a category (not in S) */
  int64_t persons;       /* shares of PERSON rows, whatever the category */
  int64_t total_votes;   /* T = 10 S (R422-1-1 I) */
  int64_t a_votes;       /* categories 1 + 4: floor(2T/3) - 1 */
  int64_t b_votes;       /* categories 2 + 3: T - A */
  int64_t cat_shares[5]; /* index 1..4 */
  int64_t cat_votes[5];  /* index 1..4; -1 unknown (2, 3 without split) */
  size_t cat_holders[5]; /* holders per category */
  int split_known;       /* statutes give cat2_votes and cat3_votes */
  int64_t stat_cat2, stat_cat3; /* the statutory split, -1 unknown */
  int guarantee;         /* 1: R422-1-1 II "moitié plus une" moved votes */
  int category_tie;      /* 1: categories 1 and 4 tied for the last vote */
  hlm_vote_line *lines;  /* by category, then holder id (byte order) */
  size_t n_lines;
  hlm_vote_tie *ties;
  size_t n_ties;
  hlm_trace trace;
} hlm_votes;

/* Computes the votes of company (kind ESH) at as_of from f->capital:
 * holdings rows whose `acquired` is not after as_of (undated rows always
 * count), summed per (holder, category); statutes for categories 2 and 3.
 * *out is filled (free with hlm_votes_clear, also after an error).
 * HLM_ENOTFOUND: unknown company; HLM_EINPUT: not an ESH, or a date
 * before HLM_VOTES_FROM; HLM_ENOMEM. */
int hlm_votes_compute(const hlm_facts *f, const char *company,
                      hlm_date as_of, hlm_votes *out, hlm_error *err);
void hlm_votes_clear(hlm_votes *v); /* NULL-safe */

/* An index of f->capital->holdings by company, built once to compute many
 * companies (`hlm votes --all`, the L422-2-1 rule) without scanning every
 * row for each.  It borrows f, which must outlive it. */
typedef struct hlm_holdings_index hlm_holdings_index;
/* HLM_OK or HLM_ENOMEM; free with hlm_holdings_index_free (NULL-safe). */
int hlm_holdings_index_new(const hlm_facts *f, hlm_holdings_index **out);
void hlm_holdings_index_free(hlm_holdings_index *ix);
/* The rows of company that count at d (0: no cap table at that date);
 * ix may be NULL (then every row is scanned). */
size_t hlm_holdings_count(const hlm_facts *f, const hlm_holdings_index *ix,
                          const char *company, hlm_date d);
/* hlm_votes_compute through an index (ix may be NULL). */
int hlm_votes_compute_ix(const hlm_facts *f, const hlm_holdings_index *ix,
                         const char *company, hlm_date as_of,
                         hlm_votes *out, hlm_error *err);

/* ---- maximum share price (L423-4) ---- */

#define HLM_L423_4_2008 "2008-01-01"  /* loi n° 2006-872 text */
#define HLM_L423_4_ALUR "2014-03-27"  /* loi n° 2014-366 (ALUR) text */

typedef struct hlm_price_query {
  const char *company;
  hlm_date sold;          /* the sale date D */
  const char *holder;     /* the seller whose holdings give the base, or
                             NULL */
  hlm_cents base_cents;   /* acquisition price per share given, -1 none */
  hlm_date acquired;      /* with base_cents */
  int nominal_rule;       /* 1: nominal + 20 years whatever the date's text
                             (L423-5: buy-back by the company) */
} hlm_price_query;

typedef struct hlm_price_year {
  int year;
  int64_t livret_a_bp;   /* Livret A on 31 December of year */
  char *interest_cents;  /* base x (rate + margin): exact decimal or a/b */
  int interest_whole;    /* 1: interest_cents is an integer (interest_int) */
  int64_t interest_int;
} hlm_price_year;

typedef struct hlm_share_price {
  hlm_siren company;
  hlm_date sold;
  const char *version;   /* HLM_L423_4_2008, HLM_L423_4_ALUR, or NULL when
                            no text is encoded at the date (before 2008) */
  int base_acquisition;  /* 1: acquisition price; 0: nominal */
  char *base_cents;      /* exact per-share base (decimal or a/b) */
  int base_whole;
  int64_t base_int;
  hlm_date acquired;     /* acquisition date (acquisition base), else NONE */
  int64_t margin_bp;     /* « majoré de 1,5 point »: 150 */
  hlm_price_year *years; /* the years counted, in order */
  size_t n_years;
  hlm_cents dividends_cents; /* per share, paid in the years counted */
  hlm_cents cap_cents;   /* rounded down to the cent, >= 0; -1 no text */
  hlm_trace trace;
} hlm_share_price;

/* Computes the cap per share of q.  Texts by q->sold: before 2008-01-01
 * none (version NULL, cap -1, HLM_OK); 2008 text: nominal + the 20
 * calendar years before the year of sale; ALUR text: acquisition price
 * per share + each year from the year of acquisition to the year before
 * the sale, or the 2008 rule when the acquisition price or date is
 * unknown.  Interest is simple: base x (Livret A on 31 December of the
 * year + 150 bp) per year; minus the dividends per share paid in those
 * years; rounded down to the cent, never below 0.
 * HLM_ENOTFOUND: unknown company or holder without holdings; HLM_EINPUT:
 * a fact is missing (nominal value); HLM_EPARAM: a Livret A rate is
 * missing; HLM_ENOMEM.  Free with hlm_share_price_clear. */
int hlm_share_price_compute(const hlm_facts *f, const hlm_price_query *q,
                            hlm_share_price *out, hlm_error *err);
void hlm_share_price_clear(hlm_share_price *p); /* NULL-safe */

/* ---- share transfers of a société de coordination (annex I, cl. 7) ---- */

typedef enum hlm_transfer_status {
  HLM_TS_FORBIDDEN_50PCT = 0,
  HLM_TS_FREE,
  HLM_TS_NO_REQUEST,
  HLM_TS_PENDING,
  HLM_TS_PURCHASE_PENDING,
  HLM_TS_PURCHASED,
  HLM_TS_APPROVED_EXPRESS,
  HLM_TS_APPROVED_DEEMED
} hlm_transfer_status;

/* "FORBIDDEN_50PCT", "FREE", ... */
const char *hlm_transfer_status_name(hlm_transfer_status s);

typedef struct hlm_transfer_state {
  const hlm_transfer *transfer;
  hlm_transfer_status status;
  const char *refusal; /* "EXPRESS", "SILENCE", or NULL */
  hlm_date deadline;   /* the next deadline, or NONE */
  hlm_trace trace;
} hlm_transfer_state;

/* The state of transfer t at as_of (events dated after as_of are
 * ignored).  HLM_OK or HLM_ENOMEM; free with hlm_transfer_state_clear. */
int hlm_transfer_state_compute(const hlm_facts *f, const hlm_transfer *t,
                               hlm_date as_of, hlm_transfer_state *out,
                               hlm_error *err);
void hlm_transfer_state_clear(hlm_transfer_state *s); /* NULL-safe */

/* 1 when transfer t exists at as_of for clause 7: undated, or signed or
 * with its approval requested by then (events dated after the as-of date
 * are ignored: a transfer none of whose events has happened yet is not
 * there). */
int hlm_transfer_known_at(const hlm_transfer *t, hlm_date as_of);

#endif
