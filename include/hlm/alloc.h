/*
 * hlm/alloc.h: the one allocator of libhlm.
 *
 * Every allocation of the library goes through these wrappers so that
 * tests can make the Nth allocation fail (hlm_alloc_fail_after) and check
 * that every path cleans up and reports HLM_ENOMEM.
 */
#ifndef HLM_ALLOC_H
#define HLM_ALLOC_H

#include <stddef.h>

void *hlm_malloc(size_t n);
void *hlm_calloc(size_t count, size_t n);
void *hlm_realloc(void *p, size_t n);
void hlm_free(void *p); /* accepts NULL */

/* Copies s (NULL gives NULL); the caller frees with hlm_free. */
char *hlm_strdup(const char *s);
/* Copies n bytes of s and a NUL. */
char *hlm_strndup(const char *s, size_t n);

/* Test hook: after n more successful allocations, every allocation fails.
 * n < 0 disables the hook (the default). */
void hlm_alloc_fail_after(long n);

#endif
