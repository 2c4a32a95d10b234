/*
 * test_capital_votes.c: R422-1-1 votes (src/law/capital_votes.c).
 *
 *  - the test vectors of law/NOTES-2.md §1.5 and the one-share company;
 *  - a property test: 5 000 random cap tables (deterministic splitmix64),
 *    for each of which:
 *      P1 the parts sum exactly to the total: categories 1 + 4 get A,
 *         2 and 3 their statutory numbers, and the holders of a category
 *         share exactly its votes;
 *      P2 inside every category, no holder differs from its exact
 *         proportional value (category votes × shares / category shares)
 *         by one vote or more;
 *      P3 between categories 1 and 4, when the reference shareholder's
 *         guarantee does not move votes, each differs from its exact share
 *         of A (A × c / (c1 + c4)) by less than one vote; when it does
 *         (the split gave category 1 fewer than T/2 + 1), category 1 has
 *         exactly min(T/2 + 1, A) votes — more than its exact share — and
 *         category 4 the rest, fewer than its exact share: the guarantee
 *         is the only departure from proportionality, and only category 4
 *         pays for it (reading C2);
 *      P4 ties: each reported group shares one remainder, inside one
 *         category, the extra votes went to a prefix in byte order, at
 *         least one member was served and one was not; conversely, two
 *         holders with equal remainders of which one was served and the
 *         other not are always in a reported group; a tie between
 *         categories 1 and 4 is reported only when their remainders are
 *         equal and the guarantee did not decide (C3);
 *  - allocation failures at every step leave no leak (ASan build).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "hlm/capital_law.h"
#include "hlm/hlm.h"

static uint64_t rng_state;

static uint64_t rnd(void) { /* splitmix64 */
  uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

static int64_t rnd_in(int64_t lo, int64_t hi) {
  return lo + (int64_t)(rnd() % (uint64_t)(hi - lo + 1));
}

/* A company "101000008" (ESH) with rows added by add_row. */
typedef struct table {
  hlm_facts f;
  size_t cap;
} table;

static void table_init(table *t) {
  memset(t, 0, sizeof *t);
  t->f.orgs = hlm_calloc(1, sizeof *t->f.orgs);
  assert_non_null(t->f.orgs);
  strcpy(t->f.orgs[0].id, "101000008");
  t->f.orgs[0].name = hlm_strdup("ESH test");
  t->f.orgs[0].kind = HLM_KIND_ESH;
  t->f.orgs[0].share_nominal_cents = -1;
  t->f.n_orgs = 1;
  t->f.capital = hlm_calloc(1, sizeof *t->f.capital);
  assert_non_null(t->f.capital);
}

static void add_row(table *t, const char *holder, int cat, int64_t shares,
                    hlm_holder_type type) {
  hlm_capital_facts *c = t->f.capital;
  hlm_holding *h;
  if (c->n_holdings == t->cap) {
    t->cap = t->cap ? 2 * t->cap : 32;
    c->holdings = hlm_realloc(c->holdings, t->cap * sizeof *c->holdings);
    assert_non_null(c->holdings);
  }
  h = &c->holdings[c->n_holdings++];
  memset(h, 0, sizeof *h);
  strcpy(h->company, "101000008");
  snprintf(h->holder, sizeof h->holder, "%s", holder);
  h->category = cat;
  h->shares = shares;
  h->holder_type = type;
  h->acquired = HLM_DATE_NONE;
  h->price_cents = -1;
}

static void set_statutes(table *t, int64_t c2, int64_t c3) {
  hlm_capital_facts *c = t->f.capital;
  hlm_free(c->statutes);
  c->statutes = hlm_calloc(1, sizeof *c->statutes);
  assert_non_null(c->statutes);
  strcpy(c->statutes[0].company, "101000008");
  c->statutes[0].cat2_votes = c2;
  c->statutes[0].cat3_votes = c3;
  c->n_statutes = 1;
}

static hlm_date day(const char *s) {
  hlm_date d;
  assert_int_equal(hlm_date_parse(s, strlen(s), &d), HLM_OK);
  return d;
}

static void compute(table *t, hlm_votes *v) {
  hlm_error e;
  hlm_error_clear(&e);
  assert_int_equal(
      hlm_votes_compute(&t->f, "101000008", day("2024-06-30"), v, &e),
      HLM_OK);
}

/* NOTES-2 §1.5: the four vectors. */
static void test_notes_vectors(void **state) {
  static const struct {
    int64_t n, c1, c4, T, A, B, v1, v4;
  } vec[] = {
      {10000, 6000, 500, 100000, 66665, 33335, 61537, 5128},
      {10000, 5100, 4400, 100000, 66665, 33335, 50001, 16664},
      {1000, 510, 0, 10000, 6665, 3335, 6665, 0},
      {9999, 5000, 4000, 99990, 66659, 33331, 49996, 16663},
  };
  size_t i;
  (void)state;
  for (i = 0; i < sizeof vec / sizeof *vec; i++) {
    table t;
    hlm_votes v;
    table_init(&t);
    add_row(&t, "202000006", 1, vec[i].c1, HLM_HOLDER_ORGANISM);
    if (vec[i].c4)
      add_row(&t, "404000002", 4, vec[i].c4, HLM_HOLDER_ORGANISM);
    add_row(&t, "303000004", 2, vec[i].n - vec[i].c1 - vec[i].c4,
            HLM_HOLDER_ORGANISM);
    set_statutes(&t, vec[i].B - vec[i].n, vec[i].n);
    compute(&t, &v);
    assert_int_equal(v.total_votes, vec[i].T);
    assert_int_equal(v.a_votes, vec[i].A);
    assert_int_equal(v.b_votes, vec[i].B);
    assert_int_equal(v.cat_votes[1], vec[i].v1);
    assert_int_equal(v.cat_votes[4], vec[i].v4);
    hlm_votes_clear(&v);
    hlm_facts_clear(&t.f);
  }
}

/* One share: T = 10, A = 5 < T/2 + 1 = 6: category 1 gets A (C5). */
static void test_one_share(void **state) {
  table t;
  hlm_votes v;
  (void)state;
  table_init(&t);
  add_row(&t, "202000006", 1, 1, HLM_HOLDER_ORGANISM);
  set_statutes(&t, 3, 2);
  compute(&t, &v);
  assert_int_equal(v.total_votes, 10);
  assert_int_equal(v.a_votes, 5);
  assert_int_equal(v.cat_votes[1], 5);
  hlm_votes_clear(&v);
  hlm_facts_clear(&t.f);
}

static int cmp_i128(__int128 a, __int128 b) { return (a > b) - (a < b); }

static void check_properties(table *t, const hlm_votes *v, uint64_t seed) {
  int64_t T = v->total_votes, A = v->a_votes, c1 = v->cat_shares[1],
          c4 = v->cat_shares[4], g = T / 2 + 1;
  int64_t sum_cat = 0, sum_holders = 0;
  size_t i, j, k;
  int cat;
  (void)t;
  /* P1 */
  assert_int_equal(v->cat_votes[2], v->stat_cat2);
  assert_int_equal(v->cat_votes[3], v->stat_cat3);
  if (c1 + c4 > 0)
    assert_int_equal(v->cat_votes[1] + v->cat_votes[4], A);
  for (cat = 1; cat <= 4; cat++) {
    int64_t s = 0;
    sum_cat += v->cat_votes[cat];
    for (i = 0; i < v->n_lines; i++)
      if (v->lines[i].category == cat)
        s += v->lines[i].votes;
    if (v->cat_holders[cat])
      assert_int_equal(s, v->cat_votes[cat]);
    else
      assert_true(cat == 2 || cat == 3 || v->cat_votes[cat] == 0);
    sum_holders += s;
  }
  if (c1 + c4 > 0)
    assert_int_equal(sum_cat, T);
  /* P2: |votes × W − V × shares| < W */
  for (i = 0; i < v->n_lines; i++) {
    const hlm_vote_line *l = &v->lines[i];
    __int128 W = v->cat_shares[l->category];
    __int128 d = (__int128)l->votes * W -
                 (__int128)v->cat_votes[l->category] * l->shares;
    if (d < 0)
      d = -d;
    if (!(d < W))
      fail_msg("seed %llu: holder %s off by a vote or more",
               (unsigned long long)seed, l->holder);
  }
  /* P3 */
  if (c1 > 0 && c4 > 0) {
    __int128 W = c1 + c4;
    __int128 d1 = (__int128)v->cat_votes[1] * W - (__int128)A * c1;
    __int128 d4 = (__int128)v->cat_votes[4] * W - (__int128)A * c4;
    if (!v->guarantee) {
      assert_true(d1 > -W && d1 < W);
      assert_true(d4 > -W && d4 < W);
      assert_true(v->cat_votes[1] >= g || g > A);
    } else {
      assert_int_equal(v->cat_votes[1], g < A ? g : A);
      assert_true(d1 > 0);
      assert_true(d4 < 0);
      /* the proportional split would have given fewer than g */
      assert_true(cmp_i128((__int128)A * c1, (__int128)g * W) < 0);
    }
    /* P4, categories */
    if (v->category_tie) {
      assert_false(v->guarantee);
      assert_true(((__int128)A * c1) % W == ((__int128)A * c4) % W);
    } else if (!v->guarantee && ((__int128)A * c1) % W != 0) {
      assert_true(((__int128)A * c1) % W != ((__int128)A * c4) % W);
    }
  } else if (c1 > 0) {
    assert_int_equal(v->cat_votes[1], A);
  } else if (c4 > 0) {
    assert_int_equal(v->cat_votes[4], A);
  }
  /* P4, holders: reported groups */
  for (k = 0; k < v->n_ties; k++) {
    const hlm_vote_tie *tie = &v->ties[k];
    int served_seen = 0, unserved_seen = 0;
    __int128 r0 = -1;
    assert_true(tie->n >= 2);
    for (j = 0; j < tie->n; j++) {
      const hlm_vote_line *l = &v->lines[tie->idx[j]];
      __int128 W = v->cat_shares[l->category];
      __int128 prod = (__int128)v->cat_votes[l->category] * l->shares;
      __int128 r = prod % W;
      int served = (__int128)l->votes * W > prod;
      assert_int_equal(l->category, tie->category);
      if (j == 0)
        r0 = r;
      assert_true(r == r0);
      if (j > 0)
        assert_true(strcmp(v->lines[tie->idx[j - 1]].holder, l->holder) < 0);
      if (served) {
        assert_false(unserved_seen); /* a prefix */
        served_seen = 1;
      } else {
        unserved_seen = 1;
      }
    }
    assert_true(served_seen && unserved_seen);
  }
  /* P4, holders: every served/unserved pair with equal remainders is in a
   * reported group */
  for (i = 0; i < v->n_lines; i++)
    for (j = 0; j < v->n_lines; j++) {
      const hlm_vote_line *a = &v->lines[i], *b = &v->lines[j];
      __int128 W, pa, pb;
      int found = 0;
      size_t m, x;
      if (a->category != b->category)
        continue;
      W = v->cat_shares[a->category];
      pa = (__int128)v->cat_votes[a->category] * a->shares;
      pb = (__int128)v->cat_votes[b->category] * b->shares;
      if (pa % W != pb % W || !((__int128)a->votes * W > pa) ||
          (__int128)b->votes * W > pb)
        continue;
      for (m = 0; m < v->n_ties && !found; m++) {
        int hi = 0, hj = 0;
        for (x = 0; x < v->ties[m].n; x++) {
          hi |= v->ties[m].idx[x] == i;
          hj |= v->ties[m].idx[x] == j;
        }
        found = hi && hj;
      }
      if (!found)
        fail_msg("seed %llu: unreported tie %s / %s",
                 (unsigned long long)seed, a->holder, b->holder);
    }
  (void)sum_holders;
}

static void test_property(void **state) {
  int iter, ties = 0, guarantees = 0, cat_ties = 0, tiny = 0;
  (void)state;
  rng_state = 20240630;
  for (iter = 0; iter < 5000; iter++) {
    table t;
    hlm_votes v;
    uint64_t seed = rng_state;
    int n[5], cat, k, small = rnd() % 3 == 0, same = rnd() % 4 == 0;
    int64_t S = 0, T, A, B, min10, c2;
    char id[32];
    table_init(&t);
    n[1] = rnd() % 8 == 0 ? 0 : (int)rnd_in(1, 3);
    n[4] = (int)rnd_in(0, 12);
    n[2] = (int)rnd_in(0, 4);
    n[3] = (int)rnd_in(0, 3);
    if (n[1] + n[4] == 0)
      n[4] = 1;
    for (cat = 1; cat <= 4; cat++)
      for (k = 0; k < n[cat]; k++) {
        int64_t sh = small ? rnd_in(1, 12)
                           : same ? 1000
                                  : rnd_in(1, 1000000000LL);
        snprintf(id, sizeof id, "%c:%d-%d", 'A' + (int)(rnd() % 26), cat, k);
        add_row(&t, id, cat, sh,
                cat == 3 ? HLM_HOLDER_PERSON : HLM_HOLDER_ORGANISM);
        S += sh;
      }
    T = 10 * S;
    A = 2 * T / 3 - 1;
    B = T - A;
    min10 = S; /* ⌈T/10⌉ */
    c2 = B >= 2 * min10 ? rnd_in(min10, B - min10) : rnd_in(0, B);
    set_statutes(&t, c2, B - c2);
    compute(&t, &v);
    assert_int_equal(v.total_votes, T);
    check_properties(&t, &v, seed);
    ties += v.n_ties > 0;
    guarantees += v.guarantee;
    cat_ties += v.category_tie;
    tiny += v.a_votes < v.total_votes / 2 + 1;
    hlm_votes_clear(&v);
    hlm_facts_clear(&t.f);
  }
  /* the generator reaches every branch */
  print_message("5000 tables: %d with ties, %d guarantees, %d ties between "
                "categories 1 and 4, %d with A < T/2 + 1\n",
                ties, guarantees, cat_ties, tiny);
  assert_true(ties > 100 && guarantees > 100 && cat_ties > 0);
}

/* Allocation failures at every step: an error, never a crash or leak. */
static void test_alloc_failures(void **state) {
  long n;
  (void)state;
  for (n = 0; n < 200; n++) {
    table t;
    hlm_votes v;
    hlm_error e;
    int rc;
    table_init(&t);
    add_row(&t, "202000006", 1, 7, HLM_HOLDER_ORGANISM);
    add_row(&t, "P:1", 4, 1, HLM_HOLDER_PERSON);
    add_row(&t, "P:2", 4, 1, HLM_HOLDER_PERSON);
    add_row(&t, "P:3", 3, 1, HLM_HOLDER_PERSON);
    add_row(&t, "P:4", 3, 1, HLM_HOLDER_PERSON);
    set_statutes(&t, 20, 20);
    hlm_error_clear(&e);
    hlm_alloc_fail_after(n);
    rc = hlm_votes_compute(&t.f, "101000008", day("2024-06-30"), &v, &e);
    hlm_alloc_fail_after(-1);
    hlm_votes_clear(&v);
    hlm_facts_clear(&t.f);
    if (rc == HLM_OK)
      return;
    assert_int_equal(rc, HLM_ENOMEM);
  }
  fail_msg("still failing after 200 allocations");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_notes_vectors),
      cmocka_unit_test(test_one_share),
      cmocka_unit_test(test_property),
      cmocka_unit_test(test_alloc_failures),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
