/*
 * exact.h (internal): exact rational values for the money rules, on GMP's
 * mpq_t (Debian libgmp), and their display.
 *
 * Intermediate amounts (a base price per share, a year's interest, an
 * average per dwelling) stay exact rationals; only the final amount is
 * rounded, by the named function the article requires.
 */
#ifndef HLM_BASE_EXACT_H
#define HLM_BASE_EXACT_H

#include <gmp.h>
#include <stdint.h>

/* The exact decimal text of q when its denominator is 2^a·5^b ("12.5",
 * "-0.0625", "7"), else the reduced fraction "a/b".  Returns a string
 * allocated with hlm_malloc, or NULL. */
char *hlm__mpq_text(const mpq_t q);

/* Rounding rules, each named by what the texts say. */
int64_t hlm__mpq_floor(const mpq_t q);          /* « arrondi à l'entier inférieur » */
int64_t hlm__mpq_ceil(const mpq_t q);           /* « arrondi à l'entier supérieur » */
int64_t hlm__mpq_round_half_up(const mpq_t q);  /* au plus proche, 0,5 vers le haut */

/* q = a / b (b != 0). */
void hlm__mpq_set_frac(mpq_t q, int64_t a, int64_t b);

#endif
