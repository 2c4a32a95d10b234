/*
 * hlm/cooperation.h: the structure de coopération of L423-6 — who may be a
 * member, the convention with each member, and the allocation of the
 * structure's costs by use, to the cent.
 *
 * L423-6 I al. 2: « La structure de coopération fonctionne en l'absence de
 * rémunération moyennant une répartition des coûts entre ses membres en
 * fonction de l'utilisation des services. »  II: the convention with each
 * member « prévoit notamment la compensation par le membre bénéficiaire du
 * coût exact de l'utilisation des services de la structure ».
 *
 * Allocation of one service's cost for one period (spec "Cooperation
 * structure"): in proportion to the members' units; each share floored to
 * the cent, the remaining cents one each to the largest remainders (equal
 * remainders: more units first, then the smaller member id).  The shares
 * sum exactly to the cost and each differs from its exact proportional
 * value by less than one cent.
 */
#ifndef HLM_COOPERATION_H
#define HLM_COOPERATION_H

#include <stddef.h>
#include <stdint.h>

#include "hlm/error.h"
#include "hlm/model.h"
#include "hlm/money.h"
#include "hlm/trace.h"

/* Allocates cost (>= 0) among n members in proportion to units (>= 0, sum
 * > 0) by the rule above.  ids name the members (for the tie order); out
 * receives the n shares.  HLM_OK, HLM_EINPUT (no unit, a negative value)
 * or HLM_ENOMEM. */
int hlm_cost_allocate(hlm_cents cost, const char *const *ids,
                      const int64_t *units, size_t n, hlm_cents *out);

typedef struct hlm_cost_share {
  hlm_siren member;
  int64_t units;
  hlm_cents amount_cents;
} hlm_cost_share;

typedef struct hlm_cost_service {
  char service[64];
  hlm_cents cost_cents;
  int no_usage;           /* 1: no unit at all, nothing allocated */
  hlm_cost_share *shares; /* the usage rows, by member id (empty when
                             no_usage) */
  size_t n_shares;
} hlm_cost_service;

typedef struct hlm_cost_member {
  hlm_siren member;
  hlm_cents total_cents;    /* sum of its shares over the services */
  int invoiced;             /* 1: at least one invoice row */
  hlm_cents invoiced_cents; /* sum of its invoices for the period */
} hlm_cost_member;

typedef struct hlm_costs {
  hlm_siren structure;
  char period[8];
  hlm_cost_service *services; /* by service id */
  size_t n_services;
  hlm_cost_member *members; /* by member id: the structure's members
                               (joined by the end of the period), those
                               with usage and those invoiced */
  size_t n_members;
  hlm_trace trace;
} hlm_costs;

/* Computes the allocation of the costs of structure for period ("YYYY" or
 * "YYYY-MM", matched exactly) from the facts, and appends the findings
 * NO_USAGE (warning, subject the structure) and BILLING_NOT_AT_COST
 * (violation, subject the member) to out when it is not NULL.  HLM_OK,
 * HLM_EINPUT (period malformed) or HLM_ENOMEM.  Free with
 * hlm_costs_clear. */
int hlm_costs_compute(const hlm_facts *f, const char *structure,
                      const char *period, hlm_date as_of, hlm_costs *out_costs,
                      hlm_findings *out, hlm_error *err);
void hlm_costs_clear(hlm_costs *c);

/* 1 when the facts know structure (a cooperation, service, usage or
 * invoice row names it). */
int hlm_costs_known_structure(const hlm_facts *f, const char *structure);

#endif
