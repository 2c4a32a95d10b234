/*
 * money_fmt.c: see money_fmt.h.
 */
#include <gmp.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/money_fmt.h"

/* Parses an exact text ("-12", "12.345", "7/3") into q; 0 on success. */
static int parse_exact(const char *s, mpq_t q) {
  const char *dot = strchr(s, '.');
  if (strchr(s, '/'))
    return mpq_set_str(q, s, 10);
  if (dot) {
    size_t ip = (size_t)(dot - s), fl = strlen(dot + 1), k;
    char *digits = malloc(ip + fl + 1);
    mpz_t den;
    int rc;
    if (!digits)
      return -1;
    memcpy(digits, s, ip);
    memcpy(digits + ip, dot + 1, fl + 1);
    rc = mpz_set_str(mpq_numref(q), digits, 10);
    free(digits);
    if (rc)
      return -1;
    mpz_init_set_ui(den, 1);
    for (k = 0; k < fl; k++)
      mpz_mul_ui(den, den, 10);
    mpz_set(mpq_denref(q), den);
    mpz_clear(den);
    mpq_canonicalize(q);
    return 0;
  }
  if (mpz_set_str(mpq_numref(q), s, 10))
    return -1;
  mpz_set_ui(mpq_denref(q), 1);
  return 0;
}

static int whole(const char *s) {
  if (*s == '-')
    s++;
  if (!*s)
    return 0;
  for (; *s; s++)
    if (*s < '0' || *s > '9')
      return 0;
  return 1;
}

json_t *cli_json_exact(const char *text) {
  if (!text)
    return json_null();
  if (whole(text) && strlen(text) < 19)
    return json_integer(strtoll(text, NULL, 10));
  return json_string(text);
}

/* floor(q + 1/2) into z. */
static void round_half_up(mpz_t z, const mpq_t q) {
  mpq_t h;
  mpq_init(h);
  mpq_set_ui(h, 1, 2);
  mpq_add(h, h, q);
  mpz_fdiv_q(z, mpq_numref(h), mpq_denref(h));
  mpq_clear(h);
}

long long cli_exact_round(const char *text) {
  mpq_t q;
  mpz_t z;
  long long r = 0;
  mpq_init(q);
  mpz_init(z);
  if (text && parse_exact(text, q) == 0) {
    round_half_up(z, q);
    r = mpz_get_si(z);
  }
  mpq_clear(q);
  mpz_clear(z);
  return r;
}

void cli_exact_fmt2(const char *text, char *out, size_t n) {
  mpq_t q, c;
  mpz_t z;
  long long v, a;
  char ip[32];
  int exact;
  if (!text) {
    snprintf(out, n, "—");
    return;
  }
  mpq_init(q);
  mpq_init(c);
  mpz_init(z);
  if (parse_exact(text, q) != 0) {
    snprintf(out, n, "%s", text);
    goto done;
  }
  /* the text is already in hundredths (cents of a euro, bp of a %) */
  round_half_up(z, q);
  exact = mpz_cmp(z, mpq_numref(q)) == 0 && mpz_cmp_ui(mpq_denref(q), 1) == 0;
  v = mpz_get_si(z);
  a = v < 0 ? -v : v;
  cli_fmt_int(a / 100, ip, sizeof ip);
  snprintf(out, n, "%s%s%s,%02lld", exact ? "" : "≈ ", v < 0 ? "-" : "", ip,
           a % 100);
done:
  mpq_clear(q);
  mpq_clear(c);
  mpz_clear(z);
}
