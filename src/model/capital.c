/*
 * capital.c: freeing the capital and money facts.
 */
#include "hlm/alloc.h"
#include "hlm/capital.h"

void hlm_capital_facts_free(hlm_capital_facts *c) {
  if (!c)
    return;
  hlm_free(c->holdings);
  hlm_free(c->statutes);
  hlm_free(c->transfers);
  hlm_free(c->dividends);
  hlm_free(c->ops);
  hlm_free(c->loans);
  hlm_free(c->financials);
  hlm_free(c->coop);
  hlm_free(c->services);
  hlm_free(c->usage);
  hlm_free(c->invoices);
  hlm_free(c);
}
