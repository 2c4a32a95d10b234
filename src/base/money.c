/*
 * money.c: French display and parsing of integer cents.
 */
#include <stdio.h>
#include <string.h>

#include "hlm/error.h"
#include "hlm/money.h"

void hlm_money_format(hlm_cents c, char *out, size_t n) {
  char digits[32];
  char tmp[48];
  unsigned long long u;
  int neg = c < 0, len, i, k = 0;
  u = neg ? (unsigned long long)(-(c + 1)) + 1 : (unsigned long long)c;
  len = snprintf(digits, sizeof digits, "%llu", u / 100);
  if (neg)
    tmp[k++] = '-';
  for (i = 0; i < len; i++) {
    if (i > 0 && (len - i) % 3 == 0)
      tmp[k++] = ' ';
    tmp[k++] = digits[i];
  }
  tmp[k] = '\0';
  snprintf(out, n, "%s,%02llu €", tmp, u % 100);
}

int hlm_cents_parse(const char *s, size_t len, hlm_cents *out) {
  size_t i = 0;
  int neg = 0;
  long long v = 0;
  if (len == 0)
    return HLM_EINPUT;
  if (s[0] == '-') {
    neg = 1;
    i = 1;
    if (len == 1)
      return HLM_EINPUT;
  }
  for (; i < len; i++) {
    if (s[i] < '0' || s[i] > '9')
      return HLM_EINPUT;
    /* exact overflow test: v * 10 + digit <= INT64_MAX */
    if (v > (9223372036854775807LL - (s[i] - '0')) / 10)
      return HLM_EINPUT;
    v = v * 10 + (s[i] - '0');
  }
  *out = neg ? -v : v;
  return HLM_OK;
}
