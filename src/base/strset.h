/*
 * strset.h (internal): a set of byte strings (open addressing, FNV-1a),
 * used to find duplicate keys in an input file.
 */
#ifndef HLM_BASE_STRSET_H
#define HLM_BASE_STRSET_H

#include <stddef.h>
#include <stdint.h>

typedef struct hlm_strset {
  char **slots;
  size_t cap; /* power of two */
  size_t n;
} hlm_strset;

void hlm_strset_init(hlm_strset *s);
/* Adds key (len bytes).  Returns 1 when added, 0 when already present,
 * negative HLM_ENOMEM. */
int hlm_strset_add(hlm_strset *s, const char *key, size_t len);
int hlm_strset_has(const hlm_strset *s, const char *key, size_t len);
void hlm_strset_free(hlm_strset *s);
uint64_t hlm_fnv1a(const void *p, size_t len);

#endif
