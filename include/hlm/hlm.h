/*
 * hlm/hlm.h: the whole public API of libhlm.
 *
 * libhlm applies the Code de la construction et de l'habitation to the
 * organismes d'HLM: counts, thresholds, capital, money rules.  Every result
 * carries the article that produced it and a trace of how.
 */
#ifndef HLM_HLM_H
#define HLM_HLM_H

#include "hlm/alloc.h"
#include "hlm/capital.h"
#include "hlm/capital_law.h"
#include "hlm/date.h"
#include "hlm/error.h"
#include "hlm/io.h"
#include "hlm/law.h"
#include "hlm/model.h"
#include "hlm/money.h"
#include "hlm/params.h"
#include "hlm/store.h"
#include "hlm/trace.h"
/* money rules: L423-14, L423-15, L423-16, L423-6 */
#include "hlm/cooperation.h"
#include "hlm/lending.h"
#include "hlm/levy.h"

#endif
