/*
 * strset.c: a set of byte strings (see strset.h).  Keys are stored with a
 * 4-byte length prefix so that they may contain any byte.
 */
#include <string.h>

#include "base/strset.h"
#include "hlm/alloc.h"
#include "hlm/error.h"

uint64_t hlm_fnv1a(const void *p, size_t len) {
  const unsigned char *b = p;
  uint64_t h = 14695981039346656037ULL; /* FNV-1a 64 offset basis */
  size_t i;
  for (i = 0; i < len; i++) {
    h ^= b[i];
    h *= 1099511628211ULL;
  }
  return h;
}

void hlm_strset_init(hlm_strset *s) { memset(s, 0, sizeof *s); }

static int same(const char *slot, const char *key, size_t len) {
  uint32_t l;
  memcpy(&l, slot, 4);
  return l == len && memcmp(slot + 4, key, len) == 0;
}

static size_t find(char **slots, size_t cap, const char *key, size_t len) {
  size_t i = (size_t)hlm_fnv1a(key, len) & (cap - 1);
  while (slots[i] && !same(slots[i], key, len))
    i = (i + 1) & (cap - 1);
  return i;
}

static int grow(hlm_strset *s) {
  size_t cap = s->cap ? s->cap * 2 : 64, i;
  char **slots = hlm_calloc(cap, sizeof *slots);
  if (!slots)
    return HLM_ENOMEM;
  for (i = 0; i < s->cap; i++) {
    if (s->slots[i]) {
      uint32_t l;
      memcpy(&l, s->slots[i], 4);
      slots[find(slots, cap, s->slots[i] + 4, l)] = s->slots[i];
    }
  }
  hlm_free(s->slots);
  s->slots = slots;
  s->cap = cap;
  return HLM_OK;
}

int hlm_strset_add(hlm_strset *s, const char *key, size_t len) {
  size_t i;
  char *e;
  uint32_t l = (uint32_t)len;
  if ((s->n + 1) * 2 > s->cap && grow(s) < 0)
    return HLM_ENOMEM;
  i = find(s->slots, s->cap, key, len);
  if (s->slots[i])
    return 0;
  e = hlm_malloc(len + 4);
  if (!e)
    return HLM_ENOMEM;
  memcpy(e, &l, 4);
  memcpy(e + 4, key, len);
  s->slots[i] = e;
  s->n++;
  return 1;
}

int hlm_strset_has(const hlm_strset *s, const char *key, size_t len) {
  if (!s->cap)
    return 0;
  return s->slots[find(s->slots, s->cap, key, len)] != NULL;
}

void hlm_strset_free(hlm_strset *s) {
  size_t i;
  for (i = 0; i < s->cap; i++)
    hlm_free(s->slots[i]);
  hlm_free(s->slots);
  memset(s, 0, sizeof *s);
}
