/*
 * model.c: organism kinds, SIREN keys and lookups in the facts.
 */
#include <stdlib.h>
#include <string.h>

#include "hlm/alloc.h"
#include "hlm/error.h"
#include "hlm/model.h"

static const struct {
  const char *name;
  const char *label;
} kinds[HLM_KIND_COUNT_] = {
    [HLM_KIND_NONE] = {"", ""},
    [HLM_KIND_OPH] = {"OPH", "office public de l'habitat"},
    [HLM_KIND_ESH] = {"ESH", "société anonyme d'HLM (ESH)"},
    [HLM_KIND_COOP] = {"COOP", "société coopérative de production d'HLM"},
    [HLM_KIND_SCIC] = {"SCIC", "société coopérative d'intérêt collectif d'HLM"},
    [HLM_KIND_FONDATION] = {"FONDATION", "fondation d'HLM"},
    [HLM_KIND_SEM_AGREE] = {"SEM_AGREE", "société d'économie mixte agréée"},
    [HLM_KIND_SEM] = {"SEM", "société d'économie mixte"},
    [HLM_KIND_SPL] = {"SPL", "société publique locale"},
    [HLM_KIND_SEMOP] = {"SEMOP", "SEM à opération unique"},
    [HLM_KIND_MOI] = {"MOI", "organisme agréé de maîtrise d'ouvrage"},
    [HLM_KIND_AGREE_L365_1] = {"AGREE_L365_1", "organisme agréé (L365-1)"},
    [HLM_KIND_ACTION_LOGEMENT] = {"ACTION_LOGEMENT", "Action Logement"},
    [HLM_KIND_SOC_COORDINATION] = {"SOC_COORDINATION",
                                   "société de coordination"},
    [HLM_KIND_SAC] = {"SAC", "société anonyme de coordination"},
    [HLM_KIND_COOPERATION_STRUCTURE] = {"COOPERATION_STRUCTURE",
                                        "structure de coopération"},
    [HLM_KIND_LOCAL_AUTHORITY] = {"LOCAL_AUTHORITY",
                                  "collectivité territoriale ou EPCI"},
};

const char *hlm_kind_name(hlm_kind k) {
  return (k >= 0 && k < HLM_KIND_COUNT_) ? kinds[k].name : "";
}

const char *hlm_kind_label_fr(hlm_kind k) {
  return (k >= 0 && k < HLM_KIND_COUNT_) ? kinds[k].label : "";
}

int hlm_kind_parse(const char *s, size_t len, hlm_kind *out) {
  int k;
  for (k = 1; k < HLM_KIND_COUNT_; k++) {
    if (strlen(kinds[k].name) == len && memcmp(kinds[k].name, s, len) == 0) {
      *out = (hlm_kind)k;
      return HLM_OK;
    }
  }
  return HLM_EINPUT;
}

int hlm_kind_is_l411_2(hlm_kind k) {
  return k == HLM_KIND_OPH || k == HLM_KIND_ESH || k == HLM_KIND_COOP ||
         k == HLM_KIND_SCIC || k == HLM_KIND_FONDATION;
}

int hlm_kind_is_counting(hlm_kind k) {
  return hlm_kind_is_l411_2(k) || k == HLM_KIND_SEM_AGREE;
}

int hlm_siren_valid(const char *s, size_t len) {
  /* Luhn key over the 9 digits: from the right, every second digit is
   * doubled (minus 9 above 9); the sum must be a multiple of 10. */
  int sum = 0;
  size_t i;
  if (len != HLM_SIREN_LEN)
    return 0;
  for (i = 0; i < len; i++) {
    int d;
    if (s[i] < '0' || s[i] > '9')
      return 0;
    d = s[i] - '0';
    if ((len - 1 - i) % 2 == 1) {
      d *= 2;
      if (d > 9)
        d -= 9;
    }
    sum += d;
  }
  return sum % 10 == 0;
}

static int cmp_org(const void *a, const void *b) {
  return strcmp(((const hlm_organism *)a)->id, ((const hlm_organism *)b)->id);
}

static int cmp_group(const void *a, const void *b) {
  return strcmp(((const hlm_group *)a)->id, ((const hlm_group *)b)->id);
}

/* Stock rows by owner, year, manager (the store's ORDER BY): the count
 * (law/count.c) selects each owner's latest year over that owner's rows,
 * which must be contiguous. */
static int cmp_stock(const void *a, const void *b) {
  const hlm_stock_agg *x = a, *y = b;
  int c = strcmp(x->owner, y->owner);
  if (c)
    return c;
  if (x->year != y->year)
    return x->year < y->year ? -1 : 1;
  if ((c = strcmp(x->manager, y->manager)))
    return c;
  return strcmp(x->manager_rpls, y->manager_rpls);
}

/* Foyers by owner, year, structure (same reason). */
static int cmp_foyer(const void *a, const void *b) {
  const hlm_foyer *x = a, *y = b;
  int c = strcmp(x->owner, y->owner);
  if (c)
    return c;
  if (x->year != y->year)
    return x->year < y->year ? -1 : 1;
  return strcmp(x->structure_id, y->structure_id);
}

void hlm_facts_sort(hlm_facts *f) {
  if (f->n_orgs > 1)
    qsort(f->orgs, f->n_orgs, sizeof *f->orgs, cmp_org);
  if (f->n_groups > 1)
    qsort(f->groups, f->n_groups, sizeof *f->groups, cmp_group);
  if (f->n_stock > 1)
    qsort(f->stock, f->n_stock, sizeof *f->stock, cmp_stock);
  if (f->n_foyers > 1)
    qsort(f->foyers, f->n_foyers, sizeof *f->foyers, cmp_foyer);
}

long hlm_facts_org_index(const hlm_facts *f, const char *id) {
  size_t lo = 0, hi = f->n_orgs;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(f->orgs[mid].id, id);
    if (c == 0)
      return (long)mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return -1;
}

const hlm_organism *hlm_facts_org(const hlm_facts *f, const char *id) {
  long i = hlm_facts_org_index(f, id);
  return i < 0 ? NULL : &f->orgs[i];
}

const hlm_group *hlm_facts_group(const hlm_facts *f, const char *id) {
  size_t lo = 0, hi = f->n_groups;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(f->groups[mid].id, id);
    if (c == 0)
      return &f->groups[mid];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

const hlm_organism *hlm_facts_org_by_rpls(const hlm_facts *f,
                                         const char *num) {
  size_t i;
  if (!num || !num[0])
    return NULL;
  for (i = 0; i < f->n_orgs; i++)
    if (strcmp(f->orgs[i].rpls_number, num) == 0)
      return &f->orgs[i];
  return NULL;
}

#include "hlm/capital.h"

void hlm_facts_clear(hlm_facts *f) {
  size_t i;
  if (!f)
    return;
  for (i = 0; i < f->n_orgs; i++)
    hlm_free(f->orgs[i].name);
  for (i = 0; i < f->n_groups; i++)
    hlm_free(f->groups[i].name);
  hlm_free(f->orgs);
  hlm_free(f->groups);
  hlm_free(f->stock);
  hlm_free(f->foyers);
  hlm_capital_facts_free(f->capital);
  memset(f, 0, sizeof *f);
}
