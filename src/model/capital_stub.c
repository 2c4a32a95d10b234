/*
 * capital_stub.c: placeholder owner of struct hlm_capital_facts until the
 * capital and money rules (issue 3) land; frees nothing because nothing
 * loads it yet.
 */
#include "hlm/model.h"

void hlm_capital_facts_free(struct hlm_capital_facts *c);

void hlm_capital_facts_free(struct hlm_capital_facts *c) { (void)c; }

/* The store's loader of capital facts: nothing to load yet. */
#include "hlm/store.h"
int hlm__store_load_capital(hlm_store *s, hlm_date as_of, hlm_facts *f,
                            hlm_error *err);
int hlm__store_load_capital(hlm_store *s, hlm_date as_of, hlm_facts *f,
                            hlm_error *err) {
  (void)s;
  (void)as_of;
  (void)err;
  f->capital = NULL;
  return 0;
}
