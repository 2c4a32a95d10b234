/*
 * allocate.c: largest-remainder allocation (see allocate.h).
 *
 * For part i: exact share = total * w_i / W.  floor_i = (total * w_i) div W,
 * remainder r_i = (total * w_i) mod W: remainders share the denominator W,
 * so comparing the integers r_i compares the fractional parts exactly.
 * Products use unsigned __int128 (total < 2^63, w_i < 2^63).
 */
#include <stdlib.h>
#include <string.h>

#include "hlm/alloc.h"
#include "hlm/error.h"
#include "law/allocate.h"

typedef struct item {
  size_t idx;
  unsigned __int128 rem;
  size_t rank;
} item;

static int cmp_item(const void *a, const void *b) {
  const item *x = a, *y = b;
  if (x->rem != y->rem)
    return x->rem > y->rem ? -1 : 1;
  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return 0;
}

int hlm__allocate(int64_t total, const int64_t *weights, size_t n,
                  const size_t *rank, int64_t *out, size_t **tie,
                  size_t *n_tie) {
  unsigned __int128 sum_w = 0;
  int64_t given = 0, left;
  item *it;
  size_t i;
  if (tie) {
    *tie = NULL;
    *n_tie = 0;
  }
  for (i = 0; i < n; i++)
    sum_w += (unsigned __int128)(weights[i] > 0 ? weights[i] : 0);
  if (sum_w == 0 || total < 0)
    return HLM_EINPUT;
  it = hlm_malloc((n ? n : 1) * sizeof *it);
  if (!it)
    return HLM_ENOMEM;
  for (i = 0; i < n; i++) {
    unsigned __int128 p = (unsigned __int128)total *
                          (unsigned __int128)(weights[i] > 0 ? weights[i] : 0);
    out[i] = (int64_t)(p / sum_w);
    given += out[i];
    it[i].idx = i;
    it[i].rem = p % sum_w;
    it[i].rank = rank ? rank[i] : i;
  }
  left = total - given; /* < n */
  qsort(it, n, sizeof *it, cmp_item);
  for (i = 0; i < (size_t)left; i++)
    out[it[i].idx]++;
  /* a tie: the last unit served and the first unit refused share their
   * remainder */
  if (tie && left > 0 && (size_t)left < n &&
      it[left - 1].rem == it[left].rem) {
    unsigned __int128 r = it[left].rem;
    size_t lo = (size_t)left - 1, hi = (size_t)left, k;
    while (lo > 0 && it[lo - 1].rem == r)
      lo--;
    while (hi + 1 < n && it[hi + 1].rem == r)
      hi++;
    *tie = hlm_malloc((hi - lo + 1) * sizeof **tie);
    if (!*tie) {
      hlm_free(it);
      return HLM_ENOMEM;
    }
    for (k = lo; k <= hi; k++)
      (*tie)[k - lo] = it[k].idx;
    *n_tie = hi - lo + 1;
  }
  hlm_free(it);
  return HLM_OK;
}
