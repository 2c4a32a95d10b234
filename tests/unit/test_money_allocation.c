/*
 * test_money_allocation.c: property tests of the cost allocation of L423-6
 * (hlm_cost_allocate, hlm_costs_compute) on thousands of random inputs
 * from a deterministic generator (splitmix64, fixed seed).
 *
 * Properties (spec "Cooperation structure", L423-6 I al. 2):
 *  1. the parts sum exactly to the cost;
 *  2. no part differs from its exact proportional value cost × u / U by a
 *     cent or more;
 *  3. the cents above the floors go to the largest remainders, equal
 *     remainders to more units first, then the smaller member id;
 *  4. a member with zero units gets 0.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "hlm/hlm.h"

static uint64_t rng_state = 0x243F6A8885A308D3ULL;

static uint64_t next(void) {
  uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static uint64_t below(uint64_t n) { return n ? next() % n : 0; }

#define MAXN 40

typedef struct input {
  size_t n;
  char idbuf[MAXN][16];
  const char *ids[MAXN];
  int64_t units[MAXN];
  hlm_cents cost;
} input;

static void random_input(input *in) {
  size_t i;
  int64_t sum = 0;
  uint64_t shape = below(4);
  in->n = 1 + (size_t)below(shape == 0 ? 3 : MAXN);
  for (i = 0; i < in->n; i++) {
    /* distinct ids, not in index order */
    snprintf(in->idbuf[i], sizeof in->idbuf[i], "%09llu",
             (unsigned long long)((i * 7919 + 13) % 1000003));
    in->ids[i] = in->idbuf[i];
    switch (shape) {
    case 0: /* few members */
    case 1: /* many equal units: ties */
      in->units[i] = 1 + (int64_t)below(3);
      break;
    case 2: /* zeros and large values */
      in->units[i] = below(3) == 0 ? 0 : (int64_t)below(1000000000000ULL);
      break;
    default:
      in->units[i] = (int64_t)below(1000);
    }
    sum += in->units[i];
  }
  if (sum == 0)
    in->units[below(in->n)] = 1;
  switch (below(4)) {
  case 0:
    in->cost = (hlm_cents)below(100);
    break;
  case 1:
    in->cost = (hlm_cents)below(100000000);
    break;
  case 2:
    in->cost = (hlm_cents)below(100000000000000ULL); /* 1 000 milliards € */
    break;
  default:
    in->cost = (hlm_cents)below(10000);
  }
}

/* Checks the four properties for one input and its parts. */
static void check_parts(const input *in, const hlm_cents *out) {
  unsigned __int128 W = 0;
  hlm_cents total = 0;
  size_t i, j;
  for (i = 0; i < in->n; i++)
    W += (unsigned __int128)in->units[i];
  for (i = 0; i < in->n; i++) {
    unsigned __int128 exact =
        (unsigned __int128)in->cost * (unsigned __int128)in->units[i];
    unsigned __int128 got = (unsigned __int128)out[i] * W;
    assert_true(out[i] >= 0);
    /* |out − exact/W| < 1  <=>  |out·W − exact| < W */
    if (got >= exact)
      assert_true(got - exact < W);
    else
      assert_true(exact - got < W);
    if (in->units[i] == 0)
      assert_int_equal(out[i], 0);
    total += out[i];
  }
  assert_int_equal(total, in->cost);
  /* 3: whoever got a cent above the floor has a remainder at least as
   * large as anyone who did not, and wins the tie by the rule */
  for (i = 0; i < in->n; i++) {
    unsigned __int128 pi =
        (unsigned __int128)in->cost * (unsigned __int128)in->units[i];
    int up_i = (unsigned __int128)out[i] != pi / W;
    if (!up_i)
      continue;
    for (j = 0; j < in->n; j++) {
      unsigned __int128 pj =
          (unsigned __int128)in->cost * (unsigned __int128)in->units[j];
      int up_j = (unsigned __int128)out[j] != pj / W;
      if (up_j || j == i)
        continue;
      assert_true(pi % W >= pj % W);
      if (pi % W == pj % W)
        assert_true(in->units[i] > in->units[j] ||
                    (in->units[i] == in->units[j] &&
                     strcmp(in->ids[i], in->ids[j]) < 0));
    }
  }
}

static void allocation_properties(void **state) {
  input in;
  hlm_cents out[MAXN];
  int k;
  (void)state;
  for (k = 0; k < 20000; k++) {
    random_input(&in);
    assert_int_equal(hlm_cost_allocate(in.cost, in.ids, in.units, in.n, out),
                     HLM_OK);
    check_parts(&in, out);
  }
}

/* The same through hlm_costs_compute on facts built in memory: every
 * service's shares sum to its cost, every member total is the sum of its
 * shares. */
static void costs_compute_properties(void **state) {
  int k;
  (void)state;
  for (k = 0; k < 500; k++) {
    hlm_facts f;
    hlm_capital_facts *c = hlm_calloc(1, sizeof *c);
    hlm_costs res;
    hlm_findings out = {0};
    hlm_error e;
    size_t s, i, n_svc = 1 + (size_t)below(5), m;
    input in[5];
    memset(&f, 0, sizeof f);
    assert_non_null(c);
    f.capital = c;
    c->services = hlm_calloc(n_svc, sizeof *c->services);
    c->usage = hlm_calloc(n_svc * MAXN, sizeof *c->usage);
    assert_non_null(c->services);
    assert_non_null(c->usage);
    for (s = 0; s < n_svc; s++) {
      random_input(&in[s]);
      snprintf(c->services[s].structure, sizeof c->services[s].structure, "S");
      snprintf(c->services[s].service, sizeof c->services[s].service, "SVC%zu",
               s);
      snprintf(c->services[s].period, sizeof c->services[s].period, "2024");
      c->services[s].cost_cents = in[s].cost;
      for (i = 0; i < in[s].n; i++) {
        hlm_usage *u = &c->usage[c->n_usage++];
        snprintf(u->structure, sizeof u->structure, "S");
        snprintf(u->service, sizeof u->service, "SVC%zu", s);
        snprintf(u->period, sizeof u->period, "2024");
        snprintf(u->member, sizeof u->member, "%s", in[s].ids[i]);
        u->units = in[s].units[i];
      }
    }
    c->n_services = n_svc;
    assert_int_equal(hlm_costs_compute(&f, "S", "2024",
                                       hlm_date_make(2025, 1, 1), &res, &out,
                                       &e),
                     HLM_OK);
    assert_int_equal(res.n_services, n_svc);
    for (s = 0; s < res.n_services; s++) {
      hlm_cents sum = 0;
      for (i = 0; i < res.services[s].n_shares; i++)
        sum += res.services[s].shares[i].amount_cents;
      assert_int_equal(sum, res.services[s].cost_cents);
    }
    for (m = 0; m < res.n_members; m++) {
      hlm_cents sum = 0;
      for (s = 0; s < res.n_services; s++)
        for (i = 0; i < res.services[s].n_shares; i++)
          if (strcmp(res.services[s].shares[i].member, res.members[m].member) ==
              0)
            sum += res.services[s].shares[i].amount_cents;
      assert_int_equal(sum, res.members[m].total_cents);
    }
    hlm_costs_clear(&res);
    hlm_findings_clear(&out);
    hlm_facts_clear(&f);
  }
}

/* Refused inputs. */
static void allocation_refusals(void **state) {
  const char *ids[2] = {"A", "B"};
  int64_t zero[2] = {0, 0}, neg[2] = {1, -1};
  hlm_cents out[2];
  (void)state;
  assert_int_equal(hlm_cost_allocate(10, ids, zero, 2, out), HLM_EINPUT);
  assert_int_equal(hlm_cost_allocate(10, ids, neg, 2, out), HLM_EINPUT);
  assert_int_equal(hlm_cost_allocate(-1, ids, neg + 0, 1, out), HLM_EINPUT);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(allocation_properties),
      cmocka_unit_test(costs_compute_properties),
      cmocka_unit_test(allocation_refusals),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
