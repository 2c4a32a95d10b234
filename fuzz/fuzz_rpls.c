/*
 * fuzz_rpls.c: libFuzzer target of the RPLS reader (both shapes: header
 * detection, line splitting, quoting, every field check, the block engine).
 *
 * The input is written to an anonymous temporary file and validated with
 * the millésime 2024 (so that open-data files are read past their header)
 * and a small error cap.  Allocates nothing that outlives the call.
 *
 * Built with clang -fsanitize=fuzzer when -DHLM_FUZZ=ON; the corpus
 * (fuzz/corpus/rpls) is replayed in every ctest run by fuzz_replay.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "hlm/io.h"
#include "io/rpls_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FILE *f = tmpfile();
  hlm_import_opts o;
  hlm_rpls_summary sum;
  hlm_diags d;
  hlm_error e;
  if (!f)
    return 0;
  if (size > 0 && fwrite(data, 1, size, f) != size) {
    fclose(f);
    return 0;
  }
  fflush(f);
  lseek(fileno(f), 0, SEEK_SET);
  hlm_import_opts_init(&o);
  o.year = 2024;
  o.max_errors = 8;
  hlm_diags_init(&d, o.max_errors);
  hlm_error_clear(&e);
  hlm__rpls_validate_fd(fileno(f), "fuzz.csv", &o, 2, &sum, &d, &e);
  hlm_rpls_summary_free(&sum);
  hlm_diags_free(&d);
  fclose(f);
  return 0;
}
