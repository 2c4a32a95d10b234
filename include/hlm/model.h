/*
 * hlm/model.h: the entities the rules read (see spec/GLOSSARY.md).
 *
 * Plain structs, loaded from the store as of a date (hlm_store_load_facts)
 * or built by tests.  Unknown optional facts are -1 (integers) or "" (ids).
 */
#ifndef HLM_MODEL_H
#define HLM_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "hlm/money.h"

typedef enum hlm_kind {
  HLM_KIND_NONE = 0,
  HLM_KIND_OPH,
  HLM_KIND_ESH,
  HLM_KIND_COOP,
  HLM_KIND_SCIC,
  HLM_KIND_FONDATION,
  HLM_KIND_SEM_AGREE,
  HLM_KIND_SEM,
  HLM_KIND_SPL,
  HLM_KIND_SEMOP,
  HLM_KIND_MOI,
  HLM_KIND_AGREE_L365_1,
  HLM_KIND_ACTION_LOGEMENT,
  HLM_KIND_SOC_COORDINATION,
  HLM_KIND_SAC,
  HLM_KIND_COOPERATION_STRUCTURE,
  HLM_KIND_LOCAL_AUTHORITY,
  HLM_KIND_COUNT_
} hlm_kind;

/* The code name ("OPH", ...); "" for NONE. */
const char *hlm_kind_name(hlm_kind k);
/* French label ("office public de l'habitat", ...). */
const char *hlm_kind_label_fr(hlm_kind k);
/* Parses a code name; HLM_OK or HLM_EINPUT. */
int hlm_kind_parse(const char *s, size_t len, hlm_kind *out);
/* Organisms of L411-2: OPH, ESH, COOP, SCIC, FONDATION. */
int hlm_kind_is_l411_2(hlm_kind k);
/* The counting kinds of R411-6: L411-2 organisms and SEM agréées. */
int hlm_kind_is_counting(hlm_kind k);

#define HLM_SIREN_LEN 9
typedef char hlm_siren[HLM_SIREN_LEN + 1];

typedef struct hlm_organism {
  hlm_siren id;
  char *name;
  hlm_kind kind;
  char departement[4];
  char group_id[64];
  char rpls_number[16];
  int accession_main_activity;           /* 1, 0, -1 unknown */
  int64_t loans_granted_10y;             /* -1 unknown */
  hlm_cents turnover_avg_3y_cents;       /* -1 unknown */
  int insufficient_mission_contribution; /* 1, 0, -1 unknown */
  hlm_cents share_nominal_cents;         /* -1 unknown */
  hlm_siren subsidiary_of;
  hlm_siren controlled_by;
} hlm_organism;

typedef enum hlm_group_kind {
  HLM_GROUP_SOC_COORDINATION = 1, /* L423-1-1 2° */
  HLM_GROUP_CONTROL = 2           /* L423-1-1 1° */
} hlm_group_kind;

typedef struct hlm_group {
  char id[64];
  char *name;
  hlm_group_kind kind;
  char head_id[64];
  char departement[4];
} hlm_group;

/* The RPLS stock summed per (year, owner, manager), computed at import
 * from every dwelling line.  Each counter counts lines; the year-relative
 * ones are taken against the file's year Y. */
typedef struct hlm_stock_agg {
  int year;
  hlm_siren owner;
  hlm_siren manager;      /* resolved manager SIREN, "" = the owner */
  char manager_rpls[16];  /* RPLS position 53 when not resolved yet */
  int64_t lines;          /* every line: dwellings managed */
  int64_t conv;           /* CONV = 1 (R411-6 1°) */
  int64_t pre77_nc;       /* not CONV=1, and CONSTRUCT <= 1976 or
                             (ORIGINE = 2 and PATRIMOINE <= 1976) */
  int64_t built10;        /* ORIGINE = 1 and Y-10 <= CONSTRUCT <= Y-1 */
  int64_t entered6;       /* Y-6 <= PATRIMOINE <= Y-1 */
} hlm_stock_agg;

typedef struct hlm_foyer {
  hlm_siren owner;
  hlm_siren manager; /* "" = the owner */
  char structure_id[64];
  int64_t beds;
  int autonomous;
  int64_t dwellings; /* -1 when not given */
  int conv;          /* 1 conventionné, 2 not */
  int construct;     /* year of completion */
  int year;          /* millésime */
} hlm_foyer;

/* Everything the rules may read, as of one date.  Arrays are sorted by
 * id (organisms, groups) so that lookups are binary searches. */
typedef struct hlm_facts {
  hlm_organism *orgs;
  size_t n_orgs;
  hlm_group *groups;
  size_t n_groups;
  hlm_stock_agg *stock;
  size_t n_stock;
  hlm_foyer *foyers;
  size_t n_foyers;
  struct hlm_capital_facts *capital; /* capital and money rules, or NULL */
} hlm_facts;

/* Sorts the arrays (call after building facts by hand): organisms and
 * groups by id, stock rows by (owner, year, manager, manager_rpls), foyers
 * by (owner, year, structure_id); the count needs each owner's rows
 * contiguous. */
void hlm_facts_sort(hlm_facts *f);
/* Binary search by id; NULL when absent. */
const hlm_organism *hlm_facts_org(const hlm_facts *f, const char *id);
const hlm_group *hlm_facts_group(const hlm_facts *f, const char *id);
/* Index of an organism in f->orgs, or -1. */
long hlm_facts_org_index(const hlm_facts *f, const char *id);
/* The organism whose rpls_number is num, or NULL. */
const hlm_organism *hlm_facts_org_by_rpls(const hlm_facts *f, const char *num);
/* Frees every array and name; f itself is caller-owned.  NULL-safe. */
void hlm_facts_clear(hlm_facts *f);

/* SIREN: 9 digits with a valid Luhn key. */
int hlm_siren_valid(const char *s, size_t len);

#endif
