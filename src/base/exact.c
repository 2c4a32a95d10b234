/*
 * exact.c: display and rounding of exact rationals (see exact.h).
 */
#include <string.h>

#include "base/exact.h"
#include "hlm/alloc.h"

void hlm__mpq_set_frac(mpq_t q, int64_t a, int64_t b) {
  mpz_t n, d;
  mpz_init(n);
  mpz_init(d);
  mpz_set_si(n, (long)a);
  mpz_set_si(d, (long)b);
  mpq_set_num(q, n);
  mpq_set_den(q, d);
  mpq_canonicalize(q);
  mpz_clear(n);
  mpz_clear(d);
}

int64_t hlm__mpq_floor(const mpq_t q) {
  mpz_t z;
  int64_t r;
  mpz_init(z);
  mpz_fdiv_q(z, mpq_numref(q), mpq_denref(q));
  r = (int64_t)mpz_get_si(z);
  mpz_clear(z);
  return r;
}

int64_t hlm__mpq_ceil(const mpq_t q) {
  mpz_t z;
  int64_t r;
  mpz_init(z);
  mpz_cdiv_q(z, mpq_numref(q), mpq_denref(q));
  r = (int64_t)mpz_get_si(z);
  mpz_clear(z);
  return r;
}

int64_t hlm__mpq_round_half_up(const mpq_t q) {
  /* floor(q + 1/2) */
  mpq_t h;
  int64_t r;
  mpq_init(h);
  mpq_set_ui(h, 1, 2);
  mpq_add(h, h, q);
  r = hlm__mpq_floor(h);
  mpq_clear(h);
  return r;
}

char *hlm__mpq_text(const mpq_t q) {
  mpz_t d, n, ip, frac, ten;
  unsigned long twos, fives, digits, k;
  char *out = NULL;
  mpz_init_set(d, mpq_denref(q));
  {
    mpz_t two, five;
    mpz_init_set_ui(two, 2);
    mpz_init_set_ui(five, 5);
    twos = mpz_remove(d, d, two);
    fives = mpz_remove(d, d, five);
    mpz_clear(two);
    mpz_clear(five);
  }
  if (mpz_cmp_ui(d, 1) != 0) {
    /* no finite decimal: "a/b" */
    size_t len = mpz_sizeinbase(mpq_numref(q), 10) +
                 mpz_sizeinbase(mpq_denref(q), 10) + 3;
    out = hlm_malloc(len);
    if (out) {
      mpz_get_str(out, 10, mpq_numref(q));
      strcat(out, "/");
      mpz_get_str(out + strlen(out), 10, mpq_denref(q));
    }
    mpz_clear(d);
    return out;
  }
  mpz_clear(d);
  digits = twos > fives ? twos : fives;
  /* |q| * 10^digits is an integer */
  mpz_init(n);
  mpz_init(ip);
  mpz_init(frac);
  mpz_init_set_ui(ten, 10);
  mpz_pow_ui(ten, ten, digits);
  mpz_abs(n, mpq_numref(q));
  mpz_mul(n, n, ten);
  mpz_divexact(n, n, mpq_denref(q));
  mpz_tdiv_qr(ip, frac, n, ten);
  {
    size_t len = mpz_sizeinbase(ip, 10) + digits + 4;
    out = hlm_malloc(len);
    if (out) {
      size_t p = 0;
      if (mpq_sgn(q) < 0)
        out[p++] = '-';
      mpz_get_str(out + p, 10, ip);
      p = strlen(out);
      if (digits > 0) {
        char *fs = hlm_malloc(digits + 2);
        size_t fl;
        if (!fs) {
          hlm_free(out);
          out = NULL;
        } else {
          mpz_get_str(fs, 10, frac);
          fl = strlen(fs);
          out[p++] = '.';
          for (k = fl; k < digits; k++)
            out[p++] = '0';
          memcpy(out + p, fs, fl + 1);
          hlm_free(fs);
        }
      }
    }
  }
  mpz_clear(n);
  mpz_clear(ip);
  mpz_clear(frac);
  mpz_clear(ten);
  return out;
}
