/*
 * rpls.c: the RPLS readers (submission file and open data).
 * Placeholder until the RPLS room lands: reports that the format is not
 * available instead of pretending.
 */
#include <string.h>

#include "hlm/io.h"

int hlm_rpls_validate(const char *path, const hlm_import_opts *o,
                      int threads, hlm_rpls_summary *sum, hlm_diags *d,
                      hlm_error *err) {
  (void)o;
  (void)threads;
  (void)d;
  memset(sum, 0, sizeof *sum);
  return hlm_error_set(err, HLM_EINTERNAL, "%s : lecteur RPLS indisponible",
                       path);
}

void hlm_rpls_summary_free(hlm_rpls_summary *sum) { (void)sum; }

int hlm_import_rpls(hlm_store *s, const char *path, const hlm_import_opts *o,
                    hlm_import_report *rep, hlm_diags *d, hlm_error *err) {
  (void)s;
  (void)o;
  (void)d;
  memset(rep, 0, sizeof *rep);
  return hlm_error_set(err, HLM_EINTERNAL, "%s : lecteur RPLS indisponible",
                       path);
}
