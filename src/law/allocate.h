/*
 * allocate.h (internal): proportional allocation by the largest remainder
 * ("règle du plus fort reste"), exact in integers.
 *
 * Used by R422-1-1 II (votes of an SA d'HLM: floor of each exact share,
 * leftover units to the largest remainders) and by L423-6 (a cooperation
 * structure's cost shared by use, to the cent).  The parts always sum to
 * the total exactly, and each differs from its exact share by less than
 * one unit.
 */
#ifndef HLM_LAW_ALLOCATE_H
#define HLM_LAW_ALLOCATE_H

#include <stddef.h>
#include <stdint.h>

/* Allocates total (>= 0) among n parts in proportion to weights (>= 0, at
 * least one > 0).  Leftover units go to the largest remainders; equal
 * remainders are served in the order of rank[] (lower first; rank may be
 * NULL: index order).  out[i] receives each part.
 *
 * When the last unit(s) go to some but not all of a set of equal
 * remainders (a tie the law settles by lot), *tie receives a new array of
 * the indices of that set (in rank order) and *n_tie its size; else *tie
 * is NULL.  The caller frees *tie with hlm_free.  tie may be NULL.
 * Returns HLM_OK, HLM_EINPUT (no weight) or HLM_ENOMEM. */
int hlm__allocate(int64_t total, const int64_t *weights, size_t n,
                  const size_t *rank, int64_t *out, size_t **tie,
                  size_t *n_tie);

#endif
