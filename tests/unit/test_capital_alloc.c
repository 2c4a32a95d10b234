/*
 * test_capital_alloc.c: every capital computation under allocation
 * failure.  The example store of docs/capital.md (docs/examples/capital)
 * is imported into a temporary store; then, for n = 0, 1, 2, … until it
 * succeeds, the Nth allocation fails in: hlm_check (every rule at the
 * date), hlm_votes_compute_ix, hlm_share_price_compute and
 * hlm_transfer_state_compute.  Each must return HLM_ENOMEM and free what
 * it took (the ASan build checks the leaks), then succeed with the same
 * result as without failures.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "hlm/capital_law.h"
#include "hlm/hlm.h"

#ifndef HLM_SOURCE_DIR
#define HLM_SOURCE_DIR "."
#endif

static hlm_facts facts;
static hlm_date as_of;
static char tmpdir[] = "/tmp/hlm-capital-alloc-XXXXXX";

static int setup(void **state) {
  static const char *const kinds[] = {"organisms", "holdings", "statutes",
                                      "transfers", "dividends", NULL};
  const char *const *k;
  char db[256], path[1024];
  hlm_store *s;
  hlm_error e;
  (void)state;
  assert_non_null(mkdtemp(tmpdir));
  snprintf(db, sizeof db, "%s/hlm.db", tmpdir);
  hlm_error_clear(&e);
  assert_int_equal(hlm_store_open(&s, db, &e), HLM_OK);
  for (k = kinds; *k; k++) {
    hlm_import_opts o;
    hlm_import_report rep;
    hlm_diags d;
    hlm_import_opts_init(&o);
    memset(&rep, 0, sizeof rep);
    hlm_diags_init(&d, 10);
    snprintf(path, sizeof path, "%s/docs/examples/capital/%s.csv",
             HLM_SOURCE_DIR, *k);
    assert_int_equal(hlm_import_kind_find(*k)->run(s, path, &o, &rep, &d, &e),
                     HLM_OK);
    assert_int_equal(d.total, 0);
    hlm_diags_free(&d);
  }
  assert_int_equal(hlm_date_parse("2024-03-15", 10, &as_of), HLM_OK);
  assert_int_equal(hlm_store_load_facts(s, as_of, &facts, &e), HLM_OK);
  hlm_store_close(s);
  return 0;
}

static int teardown(void **state) {
  char cmd[128];
  (void)state;
  hlm_facts_clear(&facts);
  snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
  return system(cmd) == 0 ? 0 : -1;
}

/* One pass of everything; returns HLM_OK or the first error, and the
 * number of findings and a checksum of the results in *sig. */
static int everything(long long *sig) {
  hlm_eval ev;
  hlm_findings fs;
  hlm_error e;
  hlm_holdings_index *ix = NULL;
  hlm_votes v;
  hlm_share_price p;
  hlm_price_query q;
  size_t i;
  int rc;
  *sig = 0;
  memset(&fs, 0, sizeof fs);
  memset(&v, 0, sizeof v);
  memset(&p, 0, sizeof p);
  hlm_error_clear(&e);
  rc = hlm_eval_init(&ev, &facts, as_of, &e);
  if (rc == HLM_OK) {
    rc = hlm_check(&ev, NULL, &fs, &e);
    *sig += (long long)fs.n;
    hlm_findings_clear(&fs);
    hlm_eval_free(&ev);
  }
  if (rc == HLM_OK)
    rc = hlm_holdings_index_new(&facts, &ix);
  if (rc == HLM_OK) {
    rc = hlm_votes_compute_ix(&facts, ix, "100000009", as_of, &v, &e);
    *sig += v.cat_votes[1];
  }
  hlm_votes_clear(&v);
  hlm_holdings_index_free(ix);
  if (rc == HLM_OK) {
    memset(&q, 0, sizeof q);
    q.company = "100000009";
    q.holder = "200000008";
    q.base_cents = -1;
    q.acquired = HLM_DATE_NONE;
    hlm_date_parse("2025-06-30", 10, &q.sold);
    rc = hlm_share_price_compute(&facts, &q, &p, &e);
    *sig += p.cap_cents;
  }
  hlm_share_price_clear(&p);
  for (i = 0; rc == HLM_OK && i < facts.capital->n_transfers; i++) {
    hlm_transfer_state st;
    rc = hlm_transfer_state_compute(&facts, &facts.capital->transfers[i],
                                    as_of, &st, &e);
    *sig += (long long)st.status + st.deadline;
    hlm_transfer_state_clear(&st);
  }
  return rc;
}

static void test_every_failure(void **state) {
  long long want, got;
  long n;
  (void)state;
  assert_int_equal(everything(&want), HLM_OK);
  for (n = 0;; n++) {
    int rc;
    hlm_alloc_fail_after(n);
    rc = everything(&got);
    hlm_alloc_fail_after(-1);
    if (rc == HLM_OK) {
      assert_true(got == want);
      break;
    }
    if (rc != HLM_ENOMEM)
      fail_msg("allocation %ld: code %d instead of HLM_ENOMEM", n, rc);
    if (n > 200000)
      fail_msg("never succeeds");
  }
  print_message("%ld allocations failed one by one\n", n);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_failure),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
