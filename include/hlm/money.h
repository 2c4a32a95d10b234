/*
 * hlm/money.h: money in int64 cents and its French display.
 *
 * Amounts are integer cents everywhere.  Rounding happens only through the
 * named functions of the law files, which cite the text that requires it.
 */
#ifndef HLM_MONEY_H
#define HLM_MONEY_H

#include <stddef.h>
#include <stdint.h>

typedef int64_t hlm_cents;

/* Formats cents the French way: "1 234 567,89 €" (narrow no-break spaces
 * are plain spaces here, for terminals).  out must hold 40 bytes. */
void hlm_money_format(hlm_cents c, char *out, size_t n);

/* Parses a non-negative or negative integer of cents ("123456").
 * Returns HLM_OK or HLM_EINPUT. */
int hlm_cents_parse(const char *s, size_t len, hlm_cents *out);

#endif
