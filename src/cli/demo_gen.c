/*
 * demo_gen.c: the synthetic national data set of `hlm demo` (see
 * demo_gen.h for the contract).
 *
 * Integer arithmetic only, so that a seed gives the same bytes on every
 * machine.  Scale figures come from law/NOTES.md 5.4: 5.4 M social rental
 * dwellings on 1 January 2024, about 180 OPH, 170 ESH, 130 coopératives,
 * 100 SEM agréées, sociétés de coordination since 2019, 0.37 M
 * logements-foyers.  Names, commune numbers and SIRENs are synthetic but
 * well formed (Luhn keys, commune codes of the right département).
 *
 * Layout: PRNG, buffered writer, reference tables (départements, kinds,
 * name templates), the world (organisms, sizes, groups, mandates), one
 * dwelling line generator, then the file generators and their table.
 */
#include "cli/demo_gen.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hlm/cooperation.h"
#include "hlm/date.h"

/* ------------------------------------------------------------------ */
/* PRNG: xoshiro256** seeded through splitmix64.  A stream is named by  */
/* (seed, stream id, index), so each file and each organism's dwellings */
/* draw from their own sequence.                                        */

typedef struct rng {
  uint64_t s[4];
} rng;

enum {
  STREAM_WORLD = 1,  /* organisms, groups, mandates */
  STREAM_DWELL = 2,  /* one per organism: its current dwellings */
  STREAM_GONE = 3,   /* one per organism: dwellings gone since 2020 */
  STREAM_FOYERS = 4, /* foyers.csv */
  STREAM_SUBMIT = 5, /* texts of the submission files */
  /* capital and money files */
  STREAM_CAPITAL = 6,     /* nominals, subsidiaries, cap tables (holdings) */
  STREAM_TRANSFERS = 7,   /* transfers.csv */
  STREAM_DIVIDENDS = 8,   /* dividends.csv */
  STREAM_OPS = 9,         /* capital_ops.csv */
  STREAM_LOANS = 10,      /* loans.csv */
  STREAM_FINANCIALS = 11, /* financials.csv */
  STREAM_COOPERATION = 12 /* cooperation, services, usage, invoices */
};

static uint64_t splitmix64(uint64_t *x) {
  uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static void rng_init(rng *r, uint64_t seed, uint64_t stream, uint64_t index) {
  uint64_t x = seed, k;
  int i;
  k = stream * 0x100000001b3ULL + index;
  x ^= splitmix64(&k);
  for (i = 0; i < 4; i++)
    r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t rng_next(rng *r) {
  uint64_t *s = r->s;
  uint64_t result = rotl(s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}

/* Uniform in [0, n) for n < 2^32 (multiply-shift; the bias is below
 * 2^-32 and, above all, the same everywhere). */
static uint32_t rng_below(rng *r, uint32_t n) {
  return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [lo, hi]. */
static int rng_range(rng *r, int lo, int hi) {
  return lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
}

/* 1 with probability pm / 1000. */
static int rng_pm(rng *r, int pm) { return (int)rng_below(r, 1000) < pm; }

/* Number of set bits among 24 random bits: Binomial(24, 1/2). */
static int rng_binom24(rng *r) {
  uint64_t x = rng_next(r) >> 40;
  int n = 0;
  while (x) {
    x &= x - 1;
    n++;
  }
  return n;
}

/* Index drawn from cumulative weights cum[0..n-1] (cum[n-1] = total). */
static int rng_cum(rng *r, const uint32_t *cum, int n) {
  uint32_t u = rng_below(r, cum[n - 1]);
  int lo = 0, hi = n - 1;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (u < cum[mid])
      hi = mid;
    else
      lo = mid + 1;
  }
  return lo;
}

/* Index drawn from plain weights w[0..n-1] (small n). */
static int rng_weights(rng *r, const int *w, int n) {
  int total = 0, i, u;
  for (i = 0; i < n; i++)
    total += w[i];
  u = (int)rng_below(r, (uint32_t)total);
  for (i = 0; i < n; i++) {
    if (u < w[i])
      return i;
    u -= w[i];
  }
  return n - 1;
}

/* ------------------------------------------------------------------ */
/* Buffered writer: one malloc per file, fwrite in 1 MiB blocks.        */

#define WBUF_CAP (1u << 20)

typedef struct wbuf {
  FILE *fp;
  char *buf;
  size_t len;
  int failed;
} wbuf;

static void w_flush(wbuf *w) {
  if (w->len && !w->failed && fwrite(w->buf, 1, w->len, w->fp) != w->len)
    w->failed = 1;
  w->len = 0;
}

static void w_mem(wbuf *w, const char *s, size_t n) {
  if (w->len + n > WBUF_CAP) {
    w_flush(w);
    if (n > WBUF_CAP) {
      if (!w->failed && fwrite(s, 1, n, w->fp) != n)
        w->failed = 1;
      return;
    }
  }
  memcpy(w->buf + w->len, s, n);
  w->len += n;
}

static void w_str(wbuf *w, const char *s) { w_mem(w, s, strlen(s)); }

static void w_chr(wbuf *w, char c) {
  if (w->len + 1 > WBUF_CAP)
    w_flush(w);
  w->buf[w->len++] = c;
}

static void w_int(wbuf *w, int64_t v) {
  char tmp[24];
  int n = 0;
  uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  do {
    tmp[n++] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  if (v < 0)
    tmp[n++] = '-';
  if (w->len + (size_t)n > WBUF_CAP)
    w_flush(w);
  while (n)
    w->buf[w->len++] = tmp[--n];
}

/* Zero-padded to width digits. */
static void w_intw(wbuf *w, int64_t v, int width) {
  char tmp[24];
  int n = 0;
  uint64_t u = (uint64_t)v;
  do {
    tmp[n++] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  while (n < width)
    tmp[n++] = '0';
  if (w->len + (size_t)n > WBUF_CAP)
    w_flush(w);
  while (n)
    w->buf[w->len++] = tmp[--n];
}

/* ------------------------------------------------------------------ */
/* Reference tables.                                                   */

/* The départements, their name as it follows "de" (with its article),
 * population in thousands (INSEE, rounded; weights only) and, where the
 * generic rule would be far off, their number of communes. */
typedef struct dept {
  char code[4];
  const char *name;
  const char *de;
  int pop;
  int ncom; /* 0: 200 + pop / 5, at most 890 */
} dept;

static const dept depts[] = {
    {"01", "Ain", "de l'Ain", 657, 0},
    {"02", "Aisne", "de l'Aisne", 531, 0},
    {"03", "Allier", "de l'Allier", 335, 0},
    {"04", "Alpes-de-Haute-Provence", "des Alpes-de-Haute-Provence", 165, 0},
    {"05", "Hautes-Alpes", "des Hautes-Alpes", 141, 0},
    {"06", "Alpes-Maritimes", "des Alpes-Maritimes", 1098, 163},
    {"07", "Ardèche", "de l'Ardèche", 329, 0},
    {"08", "Ardennes", "des Ardennes", 270, 0},
    {"09", "Ariège", "de l'Ariège", 153, 0},
    {"10", "Aube", "de l'Aube", 310, 0},
    {"11", "Aude", "de l'Aude", 375, 0},
    {"12", "Aveyron", "de l'Aveyron", 279, 0},
    {"13", "Bouches-du-Rhône", "des Bouches-du-Rhône", 2043, 119},
    {"14", "Calvados", "du Calvados", 695, 0},
    {"15", "Cantal", "du Cantal", 144, 0},
    {"16", "Charente", "de la Charente", 352, 0},
    {"17", "Charente-Maritime", "de la Charente-Maritime", 657, 0},
    {"18", "Cher", "du Cher", 302, 0},
    {"19", "Corrèze", "de la Corrèze", 240, 0},
    {"2A", "Corse-du-Sud", "de la Corse-du-Sud", 160, 124},
    {"2B", "Haute-Corse", "de la Haute-Corse", 182, 236},
    {"21", "Côte-d'Or", "de la Côte-d'Or", 534, 0},
    {"22", "Côtes-d'Armor", "des Côtes-d'Armor", 600, 0},
    {"23", "Creuse", "de la Creuse", 116, 0},
    {"24", "Dordogne", "de la Dordogne", 413, 0},
    {"25", "Doubs", "du Doubs", 543, 0},
    {"26", "Drôme", "de la Drôme", 516, 0},
    {"27", "Eure", "de l'Eure", 599, 0},
    {"28", "Eure-et-Loir", "d'Eure-et-Loir", 431, 0},
    {"29", "Finistère", "du Finistère", 915, 0},
    {"30", "Gard", "du Gard", 748, 0},
    {"31", "Haute-Garonne", "de la Haute-Garonne", 1415, 0},
    {"32", "Gers", "du Gers", 191, 0},
    {"33", "Gironde", "de la Gironde", 1623, 0},
    {"34", "Hérault", "de l'Hérault", 1175, 0},
    {"35", "Ille-et-Vilaine", "d'Ille-et-Vilaine", 1079, 0},
    {"36", "Indre", "de l'Indre", 218, 0},
    {"37", "Indre-et-Loire", "d'Indre-et-Loire", 610, 0},
    {"38", "Isère", "de l'Isère", 1271, 0},
    {"39", "Jura", "du Jura", 259, 0},
    {"40", "Landes", "des Landes", 413, 0},
    {"41", "Loir-et-Cher", "du Loir-et-Cher", 329, 0},
    {"42", "Loire", "de la Loire", 765, 0},
    {"43", "Haute-Loire", "de la Haute-Loire", 227, 0},
    {"44", "Loire-Atlantique", "de la Loire-Atlantique", 1429, 0},
    {"45", "Loiret", "du Loiret", 680, 0},
    {"46", "Lot", "du Lot", 174, 0},
    {"47", "Lot-et-Garonne", "du Lot-et-Garonne", 331, 0},
    {"48", "Lozère", "de la Lozère", 76, 0},
    {"49", "Maine-et-Loire", "de Maine-et-Loire", 818, 0},
    {"50", "Manche", "de la Manche", 496, 0},
    {"51", "Marne", "de la Marne", 566, 0},
    {"52", "Haute-Marne", "de la Haute-Marne", 172, 0},
    {"53", "Mayenne", "de la Mayenne", 307, 0},
    {"54", "Meurthe-et-Moselle", "de Meurthe-et-Moselle", 733, 0},
    {"55", "Meuse", "de la Meuse", 184, 0},
    {"56", "Morbihan", "du Morbihan", 750, 0},
    {"57", "Moselle", "de la Moselle", 1046, 0},
    {"58", "Nièvre", "de la Nièvre", 204, 0},
    {"59", "Nord", "du Nord", 2608, 648},
    {"60", "Oise", "de l'Oise", 829, 0},
    {"61", "Orne", "de l'Orne", 279, 0},
    {"62", "Pas-de-Calais", "du Pas-de-Calais", 1466, 890},
    {"63", "Puy-de-Dôme", "du Puy-de-Dôme", 662, 0},
    {"64", "Pyrénées-Atlantiques", "des Pyrénées-Atlantiques", 682, 0},
    {"65", "Hautes-Pyrénées", "des Hautes-Pyrénées", 229, 0},
    {"66", "Pyrénées-Orientales", "des Pyrénées-Orientales", 479, 0},
    {"67", "Bas-Rhin", "du Bas-Rhin", 1140, 0},
    {"68", "Haut-Rhin", "du Haut-Rhin", 767, 0},
    {"69", "Rhône", "du Rhône", 1883, 267},
    {"70", "Haute-Saône", "de la Haute-Saône", 235, 0},
    {"71", "Saône-et-Loire", "de Saône-et-Loire", 551, 0},
    {"72", "Sarthe", "de la Sarthe", 566, 0},
    {"73", "Savoie", "de la Savoie", 436, 0},
    {"74", "Haute-Savoie", "de la Haute-Savoie", 826, 0},
    {"75", "Paris", "de Paris", 2145, 20},
    {"76", "Seine-Maritime", "de la Seine-Maritime", 1255, 0},
    {"77", "Seine-et-Marne", "de Seine-et-Marne", 1421, 0},
    {"78", "Yvelines", "des Yvelines", 1448, 259},
    {"79", "Deux-Sèvres", "des Deux-Sèvres", 375, 0},
    {"80", "Somme", "de la Somme", 570, 0},
    {"81", "Tarn", "du Tarn", 389, 0},
    {"82", "Tarn-et-Garonne", "de Tarn-et-Garonne", 261, 0},
    {"83", "Var", "du Var", 1076, 153},
    {"84", "Vaucluse", "de Vaucluse", 561, 151},
    {"85", "Vendée", "de la Vendée", 685, 0},
    {"86", "Vienne", "de la Vienne", 438, 0},
    {"87", "Haute-Vienne", "de la Haute-Vienne", 372, 0},
    {"88", "Vosges", "des Vosges", 364, 0},
    {"89", "Yonne", "de l'Yonne", 335, 0},
    {"90", "Territoire de Belfort", "du Territoire de Belfort", 141, 101},
    {"91", "Essonne", "de l'Essonne", 1301, 194},
    {"92", "Hauts-de-Seine", "des Hauts-de-Seine", 1624, 36},
    {"93", "Seine-Saint-Denis", "de la Seine-Saint-Denis", 1655, 40},
    {"94", "Val-de-Marne", "du Val-de-Marne", 1407, 47},
    {"95", "Val-d'Oise", "du Val-d'Oise", 1249, 184},
    {"971", "Guadeloupe", "de la Guadeloupe", 384, 32},
    {"972", "Martinique", "de la Martinique", 361, 34},
    {"973", "Guyane", "de la Guyane", 286, 22},
    {"974", "La Réunion", "de La Réunion", 868, 24},
    {"976", "Mayotte", "de Mayotte", 299, 17},
};
#define N_DEPTS ((int)(sizeof depts / sizeof depts[0]))

/* Départements where one office stays the only counting organism, so
 * that L423-2's exemption by département shows. */
static const char *const exempt_depts[] = {"48", "23", "15"};
#define N_EXEMPT ((int)(sizeof exempt_depts / sizeof exempt_depts[0]))

static int dept_overseas(int d) { return depts[d].code[2] != '\0'; }

/* The regions (2016 map), so that an organism's stock outside its
 * département stays mostly in its region; overseas départements are
 * regions of their own. */
static const char *const regions[] = {
    "01 03 07 15 26 38 42 43 63 69 73 74",        /* Auvergne-Rhône-Alpes */
    "21 25 39 58 70 71 89 90",                    /* Bourgogne-F.-Comté */
    "22 29 35 56",                                /* Bretagne */
    "18 28 36 37 41 45",                          /* Centre-Val de Loire */
    "2A 2B",                                      /* Corse */
    "08 10 51 52 54 55 57 67 68 88",              /* Grand Est */
    "02 59 60 62 80",                             /* Hauts-de-France */
    "75 77 78 91 92 93 94 95",                    /* Île-de-France */
    "14 27 50 61 76",                             /* Normandie */
    "16 17 19 23 24 33 40 47 64 79 86 87",        /* Nouvelle-Aquitaine */
    "09 11 12 30 31 32 34 46 48 65 66 81 82",     /* Occitanie */
    "44 49 53 72 85",                             /* Pays de la Loire */
    "04 05 06 13 83 84",                          /* Provence-Alpes-CA */
};

/* 1 when départements a and b are in the same region. */
static int same_region(int a, int b) {
  size_t i;
  const char *ca = depts[a].code, *cb = depts[b].code;
  if (a == b)
    return 1;
  if (ca[2] || cb[2])
    return 0;
  for (i = 0; i < sizeof regions / sizeof regions[0]; i++) {
    const char *ra = strstr(regions[i], ca), *rb = strstr(regions[i], cb);
    if (ra && rb && (ra - regions[i]) % 3 == 0 && (rb - regions[i]) % 3 == 0)
      return 1;
  }
  return 0;
}

static int dept_ncom(int d) {
  int n;
  if (depts[d].ncom)
    return depts[d].ncom;
  n = 200 + depts[d].pop / 5;
  return n > 890 ? 890 : n;
}

static int dept_find(const char *code) {
  int i;
  for (i = 0; i < N_DEPTS; i++)
    if (strcmp(depts[i].code, code) == 0)
      return i;
  return -1;
}

/* How many organisms of each kind, their median stock at national scale
 * (0: no RPLS stock), the first digit of their SIRENs and the templates
 * of their names ("{de}" becomes "du Nord", "{n}" becomes "Nord"). */
typedef struct kind_plan {
  hlm_kind kind;
  int count;
  int base; /* stock = base * 2^(k/2), k ~ Binomial(24, 1/2) */
  char siren_first;
  const char *const *names;
} kind_plan;

static const char *const names_oph[] = {
    "Office public de l'habitat {de}", "{n} Habitat", "Habitat {de}",
    "Office public de l'habitat de l'agglomération {de}",
    "Office public de l'habitat de la métropole {de}",
    "Office public communautaire de l'habitat {de}", NULL};
static const char *const names_esh[] = {
    "Immobilière {de}",       "Le Logis {de}",
    "{n} Habitat SA d'HLM",   "Société anonyme d'HLM {de}",
    "Le Foyer {de}",          "Entreprise sociale pour l'habitat {de}",
    "Les Résidences {de}",    "Logement et Territoires {de}",
    "La Maison {de}",         NULL};
static const char *const names_coop[] = {
    "Coopérative d'HLM {de}", "Les Maisons familiales {de}", "Le Toit {de}",
    "{n} Accession coopérative", "Coopérative Habitat {de}", NULL};
static const char *const names_scic[] = {
    "SCIC d'HLM {de}", "Coopérative d'intérêt collectif d'HLM {de}", NULL};
static const char *const names_fondation[] = {
    "Fondation d'HLM {de}", "Fondation pour le logement {de}", NULL};
static const char *const names_sem_agree[] = {
    "Société d'économie mixte {de}", "SEM Habitat {de}",
    "Société immobilière d'économie mixte {de}", "{n} SEM Logement", NULL};
static const char *const names_sem[] = {
    "SEM d'aménagement {de}", "Société d'économie mixte d'équipement {de}",
    NULL};
static const char *const names_spl[] = {
    "Société publique locale d'aménagement {de}", "SPL Habitat {de}", NULL};
static const char *const names_semop[] = {"SEMOP Rénovation {de}", NULL};
static const char *const names_moi[] = {
    "Association d'insertion par le logement {de}",
    "Habitat et Insertion {de}", NULL};
static const char *const names_agree[] = {
    "Association de gestion locative sociale {de}",
    "Résidences sociales {de}", NULL};
static const char *const names_al[] = {"Action Logement Immobilier", NULL};
/* Sociétés de coordination: "Société de coordination " + this; their
 * group is called "Groupe " + this. */
static const char *const names_sc[] = {
    "Union Habitat {de}", "Alliance {de}", "Territoires {de}",
    "Bailleurs solidaires {de}", "Habitat en réseau {de}", NULL};
static const char *const names_sac[] = {
    "Société anonyme de coordination {de}", NULL};
static const char *const names_coopstruct[] = {
    "Structure de coopération des organismes d'HLM {de}",
    "Moyens communs HLM {de}", NULL};
static const char *const names_la[] = {
    "Département {de}", "Métropole {de}", "Communauté d'agglomération {de}",
    NULL};

static const kind_plan plans[] = {
    {HLM_KIND_OPH, 178, 120, '2', names_oph},
    {HLM_KIND_ESH, 168, 110, '5', names_esh},
    {HLM_KIND_COOP, 128, 2, '3', names_coop},
    {HLM_KIND_SCIC, 4, 4, '8', names_scic},
    {HLM_KIND_FONDATION, 3, 15, '7', names_fondation},
    {HLM_KIND_SEM_AGREE, 98, 45, '4', names_sem_agree},
    {HLM_KIND_SEM, 8, 0, '4', names_sem},
    {HLM_KIND_SPL, 5, 0, '8', names_spl},
    {HLM_KIND_SEMOP, 2, 0, '8', names_semop},
    {HLM_KIND_MOI, 6, 0, '7', names_moi},
    {HLM_KIND_AGREE_L365_1, 6, 0, '7', names_agree},
    {HLM_KIND_ACTION_LOGEMENT, 1, 0, '3', names_al},
    {HLM_KIND_SOC_COORDINATION, 20, 0, '8', names_sc},
    {HLM_KIND_SAC, 3, 0, '5', names_sac},
    {HLM_KIND_COOPERATION_STRUCTURE, 3, 0, '8', names_coopstruct},
    {HLM_KIND_LOCAL_AUTHORITY, 10, 0, '2', names_la},
};
#define N_PLANS ((int)(sizeof plans / sizeof plans[0]))

/* The giants: share of the national stock, in per mille (the three
 * largest ESH and the two largest offices; > 100 000 at national size). */
static const struct giant {
  hlm_kind kind;
  const char *dept;
  int permille;
} giants[] = {
    {HLM_KIND_ESH, "75", 46}, {HLM_KIND_ESH, "92", 35},
    {HLM_KIND_ESH, "13", 26}, {HLM_KIND_OPH, "75", 23},
    {HLM_KIND_OPH, "93", 20},
};
#define N_GIANTS ((int)(sizeof giants / sizeof giants[0]))

#define THRESHOLD_GROUP 12000 /* L423-2 (ELAN) */
#define N_GROUPS_SC 20
#define N_GROUPS_CONTROL 12
#define GROUP_MAX 30 /* members of one group at most */
#define MAX_SUBMIT 4

/* ------------------------------------------------------------------ */
/* The world.                                                          */

typedef struct org {
  char id[10];
  char name[160];
  char sc_label[120]; /* SOC_COORDINATION: its group's label */
  char rpls[10];      /* "" when none */
  hlm_kind kind;
  int dept;
  int group;         /* index in world.groups, -1 */
  int accession;     /* 1, 0, -1 unknown */
  int64_t loans;     /* -1 unknown */
  int64_t turnover;  /* cents, -1 unknown */
  int insufficient;  /* 1, 0, -1 unknown */
  int64_t weight;    /* national-scale target, 0: no stock */
  int64_t stock;     /* RPLS lines on 1 January DEMO_YEAR_LATEST */
  int giant;
  int stays_out;     /* kept outside every group */
  int recent_pm;     /* share of stock completed from 2010 */
  int spread_pm;     /* share of stock outside the home département */
  int spread[6];     /* other départements */
  int n_spread;
  int communes[4];   /* home communes */
  int individual_pm; /* share of individual houses */
  int manager;       /* org managing part of the stock, -1 */
  int manager_pm;
  int submit;        /* 1: submission file for the latest year, 2: early */
  /* capital (build_capital, its own stream: the fields above stay) */
  int64_t nominal;   /* share_nominal_cents, 0: not written */
  int subsidiary_of; /* org index, -1 */
  int controlled_by; /* org index, -1 */
  int cap_role;      /* CAP_* below: the finding this company is built for */
} org;

typedef struct grp {
  char id[10];
  char name[200];
  int soc_coordination; /* 1: SOC_COORDINATION, 0: CONTROL */
  int head;
  int dept;
  int small;            /* designed below 12 000 */
} grp;

typedef struct world {
  uint64_t seed;
  int64_t n;
  org *orgs;
  int n_orgs;
  grp groups[N_GROUPS_SC + N_GROUPS_CONTROL];
  int n_groups;
  uint32_t dept_cum[N_DEPTS];  /* population, every département */
  uint32_t dept_cum_nx[N_DEPTS]; /* population, exempt ones excluded */
  int64_t total_early;         /* lines of the early year */
  struct holding *holds;       /* cap tables (build_capital) */
  int n_holds, cap_holds;
} world;

static int is_counting(hlm_kind k) { return hlm_kind_is_counting(k); }

/* ---- identifiers ---- */

int demo_luhn_digit(const char *s, size_t n_minus_1) {
  size_t len = n_minus_1 + 1, i;
  int sum = 0;
  for (i = 0; i < n_minus_1; i++) {
    int d = s[i] - '0';
    if ((len - 1 - i) % 2 == 1) {
      d *= 2;
      if (d > 9)
        d -= 9;
    }
    sum += d;
  }
  return (10 - sum % 10) % 10;
}

int demo_siret_valid(const char *s, size_t len) {
  size_t i;
  if (len != 14)
    return 0;
  for (i = 0; i < len; i++)
    if (s[i] < '0' || s[i] > '9')
      return 0;
  return demo_luhn_digit(s, 13) == s[13] - '0';
}

/* The SIRET of an organism's head office: SIREN + NIC "0001" + key. */
static void make_siret(const char *siren, char out[15]) {
  memcpy(out, siren, 9);
  memcpy(out + 9, "0001", 4);
  out[13] = (char)('0' + demo_luhn_digit(out, 13));
  out[14] = '\0';
}

static void make_siren(world *w, rng *r, char first, char out[10]) {
  for (;;) {
    int i, dup = 0;
    out[0] = first;
    for (i = 1; i < 8; i++)
      out[i] = (char)('0' + rng_below(r, 10));
    out[8] = (char)('0' + demo_luhn_digit(out, 8));
    out[9] = '\0';
    for (i = 0; i < w->n_orgs; i++)
      if (strcmp(w->orgs[i].id, out) == 0)
        dup = 1;
    if (!dup)
      return;
  }
}

/* Expands a name template for a département into out. */
static void expand(const char *tpl, int d, char *out, size_t n) {
  size_t k = 0;
  while (*tpl && k + 1 < n) {
    const char *sub = NULL;
    if (strncmp(tpl, "{de}", 4) == 0) {
      sub = depts[d].de;
      tpl += 4;
    } else if (strncmp(tpl, "{n}", 3) == 0) {
      sub = depts[d].name;
      tpl += 3;
    }
    if (sub) {
      while (*sub && k + 1 < n)
        out[k++] = *sub++;
    } else {
      out[k++] = *tpl++;
    }
  }
  out[k] = '\0';
}

static int name_taken(const world *w, const char *name) {
  int i;
  for (i = 0; i < w->n_orgs; i++)
    if (strcmp(w->orgs[i].name, name) == 0)
      return 1;
  return 0;
}

/* A unique name: the template, else with a territorial qualifier.  The
 * name checked is prefix + out (out receives it without the prefix). */
static void make_name(world *w, const char *prefix, const char *tpl, int d,
                      char *out, size_t n) {
  static const char *const quals[] = {
      " Métropole", " Territoires", " Sud", " Nord", " Est", " Ouest",
      " Centre", " Littoral", " Vallées", " Plaine", " Agglomération"};
  char base[120], full[200];
  size_t i;
  expand(tpl, d, base, sizeof base);
  for (i = 0;; i++) {
    if (i == 0)
      snprintf(out, n, "%s", base);
    else if (i <= sizeof quals / sizeof quals[0])
      snprintf(out, n, "%s%s", base, quals[i - 1]);
    else
      snprintf(out, n, "%s %zu", base, i - sizeof quals / sizeof quals[0] + 1);
    snprintf(full, sizeof full, "%s%s", prefix, out);
    if (!name_taken(w, full))
      return;
  }
}

static int tpl_count(const char *const *t) {
  int n = 0;
  while (t[n])
    n++;
  return n;
}

/* 2^(k/2) * 1000, k = 0..24. */
static int64_t pow2half(int k) {
  return (k % 2 ? 1414LL : 1000LL) << (k / 2);
}

static int is_exempt_dept(int d) {
  int i;
  for (i = 0; i < N_EXEMPT; i++)
    if (strcmp(depts[d].code, exempt_depts[i]) == 0)
      return 1;
  return 0;
}

/* ---- building the world ---- */

static org *add_org(world *w, rng *r, hlm_kind kind, char first, int d,
                    const char *tpl) {
  org *o = &w->orgs[w->n_orgs];
  memset(o, 0, sizeof *o);
  make_siren(w, r, first, o->id);
  o->kind = kind;
  o->dept = d;
  o->group = -1;
  o->manager = -1;
  o->accession = -1;
  o->loans = -1;
  o->turnover = -1;
  o->insufficient = -1;
  if (kind == HLM_KIND_SOC_COORDINATION) {
    make_name(w, "Société de coordination ", tpl, d, o->sc_label,
              sizeof o->sc_label);
    snprintf(o->name, sizeof o->name, "Société de coordination %s",
             o->sc_label);
  } else {
    make_name(w, "", tpl, d, o->name, sizeof o->name);
  }
  w->n_orgs++;
  return o;
}

static void build_orgs(world *w, rng *r) {
  int p, i, d;
  int dept_has_oph[N_DEPTS];
  memset(dept_has_oph, 0, sizeof dept_has_oph);
  for (p = 0; p < N_PLANS; p++) {
    const kind_plan *kp = &plans[p];
    int nt = tpl_count(kp->names);
    for (i = 0; i < kp->count; i++) {
      const char *tpl;
      int giant = -1, g;
      org *o;
      /* the giants of this kind come first, in their département */
      for (g = 0, d = -1; g < N_GIANTS; g++) {
        int rank = 0, h;
        if (giants[g].kind != kp->kind)
          continue;
        for (h = 0; h < g; h++)
          if (giants[h].kind == kp->kind)
            rank++;
        if (rank == i) {
          giant = g;
          d = dept_find(giants[g].dept);
        }
      }
      if (kp->kind == HLM_KIND_OPH && giant < 0) {
        /* one départemental office per département, then extra ones */
        for (d = 0; d < N_DEPTS && dept_has_oph[d]; d++)
          ;
        if (d == N_DEPTS)
          d = rng_cum(r, w->dept_cum_nx, N_DEPTS);
      } else if (kp->kind == HLM_KIND_ACTION_LOGEMENT) {
        d = dept_find("75");
      } else if (giant < 0) {
        d = rng_cum(r, is_counting(kp->kind) ||
                               kp->kind == HLM_KIND_SOC_COORDINATION
                           ? w->dept_cum_nx
                           : w->dept_cum,
                    N_DEPTS);
      }
      if (kp->kind == HLM_KIND_OPH)
        tpl = !dept_has_oph[d] ? kp->names[rng_below(r, 2)]
                               : kp->names[2 + rng_below(r, (uint32_t)nt - 2)];
      else
        tpl = kp->names[rng_below(r, (uint32_t)nt)];
      o = add_org(w, r, kp->kind, kp->siren_first, d, tpl);
      if (kp->kind == HLM_KIND_OPH)
        dept_has_oph[d]++;
      if (giant >= 0) {
        o->giant = 1;
        o->weight = giants[giant].permille; /* per mille, see sizes */
      } else if (kp->base > 0) {
        int k = rng_binom24(r);
        if (kp->kind == HLM_KIND_OPH && is_exempt_dept(d))
          k = rng_range(r, 8, 11); /* a small rural office */
        /* log-normal-like: 2^(k/2), then +/- 15 % so sizes do not repeat */
        o->weight = kp->base * pow2half(k) / 1000 * rng_range(r, 850, 1150);
        if (o->weight < 1)
          o->weight = 1;
      }
    }
  }
}

/* Organisms of the counting kinds that filed no RPLS stock (new, or
 * late): their counts are unknown, so the rules give MISSING_FACT. */
static void choose_stockless(world *w, rng *r) {
  static const hlm_kind kinds[] = {HLM_KIND_OPH, HLM_KIND_ESH, HLM_KIND_COOP,
                                   HLM_KIND_COOP, HLM_KIND_SEM_AGREE,
                                   HLM_KIND_FONDATION};
  size_t k;
  for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
    int tries;
    for (tries = 0; tries < 1000; tries++) {
      org *o = &w->orgs[rng_below(r, (uint32_t)w->n_orgs)];
      if (o->kind == kinds[k] && !o->giant && o->weight > 0 &&
          !is_exempt_dept(o->dept)) {
        o->weight = 0;
        break;
      }
    }
  }
}

/* Scales the weights to exactly w->n lines: giants get their share per
 * mille, every other organism with a weight at least one line, the rest
 * in proportion (remainder one line each to the first ones). */
static void scale_sizes(world *w) {
  int64_t giants_total = 0, rest, wsum = 0, m = 0, given = 0;
  int i;
  for (i = 0; i < w->n_orgs; i++) {
    org *o = &w->orgs[i];
    if (o->giant) {
      o->stock = w->n * o->weight / 1000;
      giants_total += o->stock;
    } else if (o->weight > 0) {
      wsum += o->weight;
      m++;
    }
  }
  rest = w->n - giants_total - m; /* >= 0: DEMO_DWELLINGS_MIN */
  for (i = 0; i < w->n_orgs; i++) {
    org *o = &w->orgs[i];
    if (!o->giant && o->weight > 0) {
      o->stock = 1 + o->weight * rest / wsum;
      given += o->stock;
    }
  }
  given += giants_total;
  for (i = 0; i < w->n_orgs && given < w->n; i++)
    if (!w->orgs[i].giant && w->orgs[i].weight > 0) {
      w->orgs[i].stock++;
      given++;
    }
}

/* Facts of organisms.csv other than identity. */
static void assign_facts(world *w, rng *r) {
  int i;
  for (i = 0; i < w->n_orgs; i++) {
    org *o = &w->orgs[i];
    if (!is_counting(o->kind))
      continue;
    if (o->kind == HLM_KIND_COOP || o->kind == HLM_KIND_SCIC) {
      int u = (int)rng_below(r, 100);
      o->accession = u < 70 ? 1 : u < 95 ? 0 : -1;
      o->loans = rng_pm(r, 50) ? -1 : (int64_t)rng_below(r, 40) * 15;
    } else {
      o->accession = rng_pm(r, 80) ? -1 : 0;
      o->loans = rng_pm(r, 50) ? -1 : 0;
    }
    /* rents about 6 500 EUR a year per dwelling, +/- 20 % */
    if (o->stock > 0)
      o->turnover = o->stock * 650000 / 1000 * rng_range(r, 800, 1200);
    else if (!rng_pm(r, 500))
      o->turnover = (int64_t)rng_range(r, 10, 500) * 100000;
    o->insufficient = rng_pm(r, 30) ? -1 : 0;
  }
}

static int64_t group_sum(const world *w, int g) {
  int64_t s = 0;
  int i;
  for (i = 0; i < w->n_orgs; i++)
    if (w->orgs[i].group == g && is_counting(w->orgs[i].kind))
      s += w->orgs[i].stock;
  return s;
}

static void make_group(world *w, int head, int soc_coordination) {
  grp *g = &w->groups[w->n_groups];
  org *h = &w->orgs[head];
  memcpy(g->id, h->id, sizeof g->id);
  if (soc_coordination)
    snprintf(g->name, sizeof g->name, "Groupe %s", h->sc_label);
  else
    snprintf(g->name, sizeof g->name, "Groupe %s", h->name);
  g->soc_coordination = soc_coordination;
  g->head = head;
  g->dept = h->dept;
  h->group = w->n_groups;
  w->n_groups++;
}

/* Shuffled indexes 0..n-1 (Fisher-Yates); caller frees. */
static int *shuffled(rng *r, int n) {
  int *a = malloc((size_t)(n > 0 ? n : 1) * sizeof *a), i;
  if (!a)
    return NULL;
  for (i = 0; i < n; i++)
    a[i] = i;
  for (i = n - 1; i > 0; i--) {
    int j = (int)rng_below(r, (uint32_t)i + 1), t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}

/* Groups (L423-1-1): sociétés de coordination and their shareholders,
 * control groups headed by large ESH; who stays out, and why. */
static int build_groups(world *w, rng *r) {
  int *order = shuffled(r, w->n_orgs), i, k, n_sc = 0, n_accession = 0;
  int n_control = 0, members[N_GROUPS_SC + N_GROUPS_CONTROL];
  int sc_heads[N_GROUPS_SC];
  if (!order)
    return HLM_ENOMEM;

  /* who stays out: the lone office of each exempt département, a few
   * accession coopératives, about one small organism in eight */
  for (k = 0; k < w->n_orgs; k++) {
    org *o = &w->orgs[order[k]];
    if (!is_counting(o->kind))
      continue;
    if (is_exempt_dept(o->dept))
      o->stays_out = 1;
    else if (o->kind == HLM_KIND_COOP && o->accession == 1 &&
             o->stock > 0 && n_accession < 8) {
      o->stays_out = 1;
      n_accession++;
    } else if (o->stock < THRESHOLD_GROUP)
      o->stays_out = rng_pm(r, 120);
    else
      o->stays_out = !o->giant && !rng_pm(r, 350);
  }

  /* CONTROL groups: the largest ESH (by stock, then by index) */
  for (k = 0; k < N_GROUPS_CONTROL; k++) {
    int best = -1;
    for (i = 0; i < w->n_orgs; i++) {
      org *o = &w->orgs[i];
      if (o->kind == HLM_KIND_ESH && o->group < 0 &&
          (best < 0 || o->stock > w->orgs[best].stock))
        best = i;
    }
    if (best < 0)
      break;
    w->orgs[best].stays_out = 0;
    make_group(w, best, 0);
    n_control++;
  }
  /* SOC_COORDINATION groups; pairs and a trio share a département */
  for (i = 0; i < w->n_orgs && n_sc < N_GROUPS_SC; i++)
    if (w->orgs[i].kind == HLM_KIND_SOC_COORDINATION)
      sc_heads[n_sc++] = i;
  if (n_sc >= 7) {
    static const int moved[][2] = {{1, 0}, {3, 2}, {5, 4}, {6, 4}};
    size_t m;
    for (m = 0; m < sizeof moved / sizeof moved[0]; m++) {
      org *h = &w->orgs[sc_heads[moved[m][0]]];
      h->dept = w->orgs[sc_heads[moved[m][1]]].dept;
      h->name[0] = '\0'; /* renamed after its new département */
      make_name(w, "Société de coordination ",
                names_sc[rng_below(r, (uint32_t)tpl_count(names_sc))],
                h->dept, h->sc_label, sizeof h->sc_label);
      snprintf(h->name, sizeof h->name, "Société de coordination %s",
               h->sc_label);
    }
  }
  for (k = 0; k < n_sc; k++) {
    make_group(w, sc_heads[k], 1);
    /* one of each pair, and one of the trio, is designed too small */
    w->groups[w->n_groups - 1].small = k == 1 || k == 3 || k == 6;
  }

  /* small groups: two or three small members each */
  for (k = 0; k < w->n_groups; k++) {
    int want, got = 0;
    if (!w->groups[k].small)
      continue;
    want = 2 + (int)rng_below(r, 2);
    for (i = 0; i < w->n_orgs && got < want; i++) {
      org *o = &w->orgs[order[i]];
      if (is_counting(o->kind) && !o->stays_out && o->group < 0 &&
          o->stock > 0 && o->stock < THRESHOLD_GROUP / 4 &&
          group_sum(w, k) + o->stock < THRESHOLD_GROUP) {
        o->group = k;
        got++;
      }
    }
  }
  for (k = 0; k < w->n_groups; k++) {
    members[k] = 0;
    for (i = 0; i < w->n_orgs; i++)
      members[k] += w->orgs[i].group == k;
  }
  /* everyone else joins a group: often one whose head office is in its
   * département, else one of its region, else any; ESH and coopératives
   * sometimes a control group.  No group grows beyond GROUP_MAX. */
  for (i = 0; i < w->n_orgs; i++) {
    org *o = &w->orgs[order[i]];
    int g = -1, tries;
    if (!is_counting(o->kind) || o->stays_out || o->group >= 0)
      continue;
    if ((o->kind == HLM_KIND_ESH || o->kind == HLM_KIND_COOP) &&
        rng_pm(r, 300) && n_control) {
      g = (int)rng_below(r, (uint32_t)n_control);
      if (members[g] >= GROUP_MAX)
        g = -1;
    }
    if (g < 0 && rng_pm(r, 450))
      for (k = 0; k < w->n_groups; k++)
        if (w->groups[k].soc_coordination && !w->groups[k].small &&
            members[k] < GROUP_MAX && w->groups[k].dept == o->dept)
          g = k;
    for (tries = 0; g < 0 && tries < 400; tries++) {
      int c = (int)rng_below(r, (uint32_t)w->n_groups);
      if (!w->groups[c].small && members[c] < GROUP_MAX &&
          (w->groups[c].soc_coordination || tries >= 300) &&
          (tries >= 100 || same_region(w->groups[c].dept, o->dept)))
        g = c;
    }
    o->group = g; /* -1 only if every group is full: then it stays out */
    if (g >= 0)
      members[g]++;
  }
  /* the facts that make L423-1 (ELAN) findings: some small organisms
   * outside any group are found not to contribute enough */
  for (i = 0; i < w->n_orgs; i++) {
    org *o = &w->orgs[i];
    if (!is_counting(o->kind) || o->insufficient < 0)
      continue;
    if (o->group < 0 && o->stock < 1500)
      o->insufficient = rng_pm(r, 400);
    else
      o->insufficient = rng_pm(r, 10);
  }
  free(order);
  return HLM_OK;
}

/* Some organisms have part of their stock managed by another one (RPLS
 * position 53 / column manager): a member of the same group, else one of
 * the same département. */
static int pick_manager(const world *w, rng *r, int i) {
  const org *o = &w->orgs[i];
  int cand[1024], n = 0, j;
  for (j = 0; j < w->n_orgs && n < 1024; j++) {
    const org *m = &w->orgs[j];
    if (j == i || !is_counting(m->kind) || m->stock == 0)
      continue;
    if (o->group >= 0 ? m->group == o->group : m->dept == o->dept)
      cand[n++] = j;
  }
  return n ? cand[rng_below(r, (uint32_t)n)] : -1;
}

static void build_mandates(world *w, rng *r) {
  int i;
  for (i = 0; i < w->n_orgs; i++) {
    org *o = &w->orgs[i];
    if (!is_counting(o->kind) || o->stock == 0 || o->giant)
      continue;
    if (rng_pm(r, 60) || o->submit & 1) {
      o->manager = pick_manager(w, r, i);
      o->manager_pm = rng_range(r, 80, 400);
    }
  }
}

/* Landlords sending a submission file (arrêté of 5 January 2010) instead
 * of appearing in the open data: an office, an ESH, a coopérative for the
 * latest year; the same office and a SEM agréée for the early one. */
static void choose_submitters(world *w, rng *r) {
  static const struct {
    hlm_kind kind;
    int years;
  } want[] = {{HLM_KIND_OPH, 3}, {HLM_KIND_ESH, 1}, {HLM_KIND_COOP, 1},
              {HLM_KIND_SEM_AGREE, 2}};
  int *order = shuffled(r, w->n_orgs);
  size_t k;
  int i;
  if (!order)
    return;
  for (k = 0; k < sizeof want / sizeof want[0]; k++) {
    int best = -1;
    for (i = 0; i < w->n_orgs; i++) {
      org *o = &w->orgs[order[i]];
      int64_t natl = o->stock * DEMO_DWELLINGS_NATIONAL / w->n;
      if (o->kind != want[k].kind || o->stock == 0 || o->giant || o->submit)
        continue;
      if (best < 0)
        best = order[i];
      if (o->kind == HLM_KIND_COOP ? natl >= 100 : natl >= 2000 &&
                                                       natl <= 20000) {
        best = order[i];
        break;
      }
    }
    if (best >= 0)
      w->orgs[best].submit = want[k].years;
  }
  free(order);
}

/* Where each organism builds: recent share, other départements, home
 * communes, share of individual houses. */
static void build_profiles(world *w, rng *r) {
  int i, k;
  for (i = 0; i < w->n_orgs; i++) {
    org *o = &w->orgs[i];
    int ncom = dept_ncom(o->dept);
    switch (o->kind) {
    case HLM_KIND_OPH:
      o->recent_pm = rng_range(r, 100, 260);
      break;
    case HLM_KIND_COOP:
    case HLM_KIND_SCIC:
      o->recent_pm = rng_range(r, 300, 700);
      break;
    default:
      o->recent_pm = rng_range(r, 150, 420);
    }
    o->spread_pm = o->giant ? 600 : rng_pm(r, 300) ? rng_range(r, 20, 250) : 0;
    o->n_spread = o->giant ? 6 : 1 + (int)rng_below(r, 2);
    /* national companies build everywhere, the others in their region */
    for (k = 0; k < o->n_spread; k++) {
      int t, dd = o->dept;
      for (t = 0; t < 200; t++) {
        dd = rng_cum(r, w->dept_cum_nx, N_DEPTS);
        if ((o->giant && o->kind == HLM_KIND_ESH) || same_region(dd, o->dept))
          break;
      }
      o->spread[k] = t < 200 ? dd : o->dept;
    }
    for (k = 0; k < 4; k++)
      o->communes[k] = 1 + (int)rng_below(r, (uint32_t)ncom);
    o->individual_pm =
        o->kind == HLM_KIND_COOP || o->kind == HLM_KIND_SCIC ? 450
        : depts[o->dept].pop < 300                            ? 300
                                                              : 120;
  }
}

static int build_world(world *w, const demo_opts *opts) {
  rng r;
  int i, total = 0, rc;
  uint32_t acc = 0, acc_nx = 0;
  memset(w, 0, sizeof *w);
  w->seed = opts->seed;
  w->n = opts->dwellings;
  for (i = 0; i < N_PLANS; i++)
    total += plans[i].count;
  w->orgs = calloc((size_t)total, sizeof *w->orgs);
  if (!w->orgs)
    return HLM_ENOMEM;
  for (i = 0; i < N_DEPTS; i++) {
    acc += (uint32_t)depts[i].pop;
    if (!is_exempt_dept(i))
      acc_nx += (uint32_t)depts[i].pop;
    w->dept_cum[i] = acc;
    w->dept_cum_nx[i] = acc_nx;
  }
  rng_init(&r, w->seed, STREAM_WORLD, 0);
  build_orgs(w, &r);
  choose_stockless(w, &r);
  scale_sizes(w);
  assign_facts(w, &r);
  if ((rc = build_groups(w, &r)) < 0)
    return rc;
  choose_submitters(w, &r);
  build_mandates(w, &r);
  build_profiles(w, &r);
  /* rpls numbers: département (3 characters), kind, sequence */
  for (i = 0; i < w->n_orgs; i++) {
    org *o = &w->orgs[i];
    if (!is_counting(o->kind))
      continue;
    snprintf(o->rpls, sizeof o->rpls, "%s%s%02d%04d",
             depts[o->dept].code[2] ? "" : "0", depts[o->dept].code,
             (int)o->kind, i % 10000);
  }
  return HLM_OK;
}

/* ------------------------------------------------------------------ */
/* One dwelling.                                                       */

typedef struct dwelling {
  int dept, commune;
  int droit;
  char typeconst;
  int nbpiece, surfhab;
  int construct, locat, patrimoine, origine;
  int finan, conv, qpv;
  int dpe_e, dpe_g; /* 0..6 = A..G */
  int manager;      /* org index, -1: the owner */
  /* submission-file only */
  int occupation, contingent, conv_year, conv_month, bail_year, bail_month;
  int dpe_year, dpe_month, numvoie, street, etage, segment;
} dwelling;

/* Construction periods of the stock completed before 2010 (weights):
 * the peak is the 1960s and early 1970s. */
static const struct period {
  int from, to, weight;
} periods[] = {
    {1900, 1949, 5},  {1950, 1959, 8},  {1960, 1969, 21}, {1970, 1976, 17},
    {1977, 1979, 5},  {1980, 1989, 14}, {1990, 1999, 14}, {2000, 2009, 12},
};
#define N_PERIODS ((int)(sizeof periods / sizeof periods[0]))

static int draw_year_hist(rng *r, int last_period) {
  int w[N_PERIODS], i, p;
  for (i = 0; i < N_PERIODS; i++)
    w[i] = i <= last_period ? periods[i].weight : 0;
  p = rng_weights(r, w, N_PERIODS);
  return rng_range(r, periods[p].from, periods[p].to);
}

/* DPE energy classes A..G (per mille) by period of construction. */
static const int dpe_tables[5][7] = {
    {0, 10, 80, 300, 330, 180, 100}, /* before 1949 */
    {0, 20, 160, 400, 290, 100, 30}, /* 1949-1976 */
    {5, 40, 250, 450, 200, 45, 10},  /* 1977-1999 */
    {10, 120, 450, 330, 80, 10, 0},  /* 2000-2012 */
    {120, 450, 380, 50, 0, 0, 0},    /* 2013 and after */
};

static int finan_for(rng *r, int fy, int dom) {
  static const int pre77[] = {52, 51, 53, 54, 55, 99};
  static const int pre77_w[] = {650, 80, 80, 40, 50, 50};
  static const int y77[] = {12, 17, 15, 14, 16, 49};
  static const int y77_w[] = {700, 100, 50, 50, 30, 70};
  static const int y90[] = {12, 11, 10, 14, 16, 49};
  static const int y90_w[] = {550, 150, 80, 120, 40, 60};
  static const int y00[] = {13, 10, 14, 16, 49};
  static const int y00_w[] = {580, 220, 150, 20, 30};
  if (fy < (dom ? 1983 : 1977)) {
    if (fy < 1950)
      return rng_pm(r, 700) ? 50 : 99;
    return pre77[rng_weights(r, pre77_w, 6)];
  }
  if (fy < 1990)
    return y77[rng_weights(r, y77_w, 6)];
  if (fy < 2000)
    return y90[rng_weights(r, y90_w, 6)];
  return y00[rng_weights(r, y00_w, 5)];
}

/* Draws one dwelling of owner o whose years are at most ymax (the year
 * before the millésime).  recent: allow completions from 2010. */
static void gen_dwelling(const org *o, rng *r, int ymax, int recent,
                         dwelling *d) {
  int dom, u, fy, era, k;
  /* where */
  if (o->spread_pm && rng_pm(r, o->spread_pm))
    d->dept = o->spread[rng_below(r, (uint32_t)o->n_spread)];
  else
    d->dept = o->dept;
  if (d->dept == o->dept && rng_pm(r, 650)) {
    d->commune = o->communes[rng_below(r, 4)];
  } else {
    uint32_t n = (uint32_t)dept_ncom(d->dept);
    uint32_t a = rng_below(r, n), b = rng_below(r, n);
    d->commune = 1 + (int)(a * b / n); /* skewed to a few large communes */
  }
  dom = dept_overseas(d->dept);
  /* when */
  if (recent && rng_pm(r, o->recent_pm))
    d->construct = rng_range(r, 2010, ymax);
  else
    d->construct = draw_year_hist(r, recent ? N_PERIODS - 1 : 5);
  if (dom && d->construct < 1965)
    d->construct += 25; /* overseas stock is younger */
  if (d->construct > ymax)
    d->construct = ymax;
  /* how it entered the stock */
  u = (int)rng_below(r, 1000);
  if (d->construct >= 2007) {
    if (u < 400) {
      d->origine = 4; /* VEFA, sometimes entered the year before */
      d->patrimoine = d->construct - (rng_pm(r, 60) ? 1 : 0);
    } else if (u < 950) {
      d->origine = 1;
      d->patrimoine = d->construct;
    } else {
      d->origine = 2 + (int)rng_below(r, 2);
      d->patrimoine = rng_range(r, d->construct, ymax);
    }
  } else if (u < 820) {
    d->origine = 1;
    d->patrimoine = d->construct;
  } else if (u < 910) {
    d->origine = 2; /* acquired and improved, often long after */
    d->patrimoine = d->construct + rng_range(r, 5, 70);
  } else {
    d->origine = 3;
    d->patrimoine = d->construct + rng_range(r, 1, 50);
  }
  if (d->patrimoine > ymax) /* spread, not piled up on the last year */
    d->patrimoine = rng_range(r, d->construct, ymax);
  if (d->origine == 1 || d->origine == 4)
    d->locat = d->construct + (rng_pm(r, 200) ? 1 : 0);
  else if (d->origine == 2)
    d->locat = d->patrimoine + (rng_pm(r, 500) ? 1 : 0);
  else
    d->locat = rng_pm(r, 500)
                   ? d->patrimoine
                   : rng_range(r, d->construct,
                               d->patrimoine > d->construct ? d->patrimoine
                                                            : d->construct);
  if (d->locat > ymax)
    d->locat = ymax;
  if (d->locat < d->construct)
    d->locat = d->construct;
  /* financing and convention */
  fy = d->origine == 2 || d->origine == 3 ? d->patrimoine : d->construct;
  d->finan = finan_for(r, fy, dom);
  switch (d->finan) {
  case 10:
  case 11:
  case 12:
  case 13:
  case 14:
    d->conv = 1;
    break;
  case 16:
    d->conv = 2;
    break;
  case 15:
  case 49:
    d->conv = rng_pm(r, 500) ? 1 : 2;
    break;
  case 17:
    d->conv = rng_pm(r, 600) ? 1 : 2;
    break;
  default: /* before 1977: conventionné after works, or not */
    d->conv = rng_pm(r, 650) ? 1 : 2;
  }
  if (o->kind == HLM_KIND_SEM_AGREE && d->conv == 2) {
    /* the open data leave out the SEMs' non-conventionné dwellings */
    d->conv = 1;
    if (d->finan == 16)
      d->finan = 14;
  }
  /* the dwelling itself */
  d->typeconst =
      rng_pm(r, d->construct < 1950 ? 200 : o->individual_pm) ? 'I' : 'C';
  {
    static const int rooms_w[] = {80, 200, 360, 260, 80, 15, 3, 1, 1};
    static const int surf_lo[] = {18, 38, 55, 70, 84, 98, 110, 125, 140};
    static const int surf_hi[] = {35, 55, 72, 88, 105, 125, 140, 160, 180};
    k = rng_weights(r, rooms_w, 9);
    if (d->typeconst == 'I' && k < 2)
      k += 2;
    d->nbpiece = k + 1;
    d->surfhab = rng_range(r, surf_lo[k], surf_hi[k]);
  }
  d->qpv = rng_pm(r, d->typeconst == 'I'                            ? 30
                     : d->construct >= 1955 && d->construct <= 1976 ? 450
                                                                    : 150)
               ? 1
               : 2;
  era = d->construct < 1949   ? 0
        : d->construct < 1977 ? 1
        : d->construct < 2000 ? 2
        : d->construct < 2013 ? 3
                              : 4;
  d->dpe_e = rng_weights(r, dpe_tables[era], 7);
  {
    static const int delta_w[] = {100, 300, 400, 200};
    d->dpe_g = d->dpe_e + rng_weights(r, delta_w, 4) - 2;
    if (d->dpe_g < 0)
      d->dpe_g = 0;
    if (d->dpe_g > 6)
      d->dpe_g = 6;
  }
  {
    static const int droit_w[] = {960, 5, 25, 2, 8};
    d->droit = 1 + rng_weights(r, droit_w, 5);
  }
  d->manager = o->manager >= 0 && rng_pm(r, o->manager_pm) ? o->manager : -1;
  /* details only the submission file carries */
  {
    static const int occ_w[] = {920, 30, 20, 20, 10};
    static const int cont_w[] = {30, 250, 200, 150, 10, 20, 340};
    d->occupation = 1 + rng_weights(r, occ_w, 5);
    d->contingent = 1 + rng_weights(r, cont_w, 7);
    d->conv_year = fy >= 1977 ? fy : rng_range(r, 1978, 2005);
    if (d->conv_year > ymax)
      d->conv_year = ymax;
    d->conv_month = rng_range(r, 1, 12);
    d->bail_year = rng_range(r, d->locat, ymax);
    d->bail_month = rng_range(r, 1, 12);
    d->dpe_year = rng_range(r, 2012, ymax < 2012 ? 2012 : ymax);
    d->dpe_month = rng_range(r, 1, 12);
    d->numvoie = rng_range(r, 1, 180);
    d->street = (int)rng_below(r, 12);
    d->etage = d->typeconst == 'C' ? (int)rng_below(r, 11) : 0;
    d->segment = rng_range(r, 1, 6);
  }
}

/* The dwelling is in the stock of 1 January of year y. */
static int in_stock(const dwelling *d, int y) {
  return d->construct <= y - 1 && d->patrimoine <= y - 1 && d->locat <= y - 1;
}

/* Dwellings of an owner that left the stock between the early year and
 * the latest one (demolished or sold): 2.5 % of the stock, old ones. */
static int64_t gone_count(const org *o) { return o->stock * 25 / 1000; }

static void w_depcom(wbuf *b, const dwelling *d) {
  const char *code = depts[d->dept].code;
  if (code[2]) { /* overseas: 97 + digit + two digits */
    w_str(b, code);
    w_intw(b, d->commune, 2);
  } else if (strcmp(code, "75") == 0) {
    w_str(b, "751"); /* the arrondissements */
    w_intw(b, d->commune, 2);
  } else {
    w_str(b, code);
    w_intw(b, d->commune, 3);
  }
}

static void w_codepostal(wbuf *b, const dwelling *d) {
  const char *code = depts[d->dept].code;
  if (code[2]) {
    w_str(b, code);
    w_intw(b, 10 + (d->commune * 7) % 90, 2);
  } else if (strcmp(code, "75") == 0) {
    w_str(b, "750");
    w_intw(b, d->commune, 2);
  } else {
    w_str(b, code[1] == 'A' ? "20" : code[1] == 'B' ? "20" : code);
    if (code[1] == 'A')
      w_intw(b, 0 + (d->commune * 7) % 20 * 10, 3);
    else if (code[1] == 'B')
      w_intw(b, 200 + (d->commune * 7) % 40 * 10, 3);
    else
      w_intw(b, (d->commune * 37) % 100 * 10, 3);
  }
}

/* ------------------------------------------------------------------ */
/* Files.                                                              */

typedef struct gen_ctx {
  const world *w;
  const char *dir;
  demo_summary *sum;
  const demo_opts *opts;
  hlm_error *err;
  int64_t done, total; /* progress, in lines */
  int64_t next_report;
} gen_ctx;

static void progress(gen_ctx *c, int64_t lines) {
  c->done += lines;
  if (c->opts->progress && c->done >= c->next_report) {
    c->opts->progress(c->opts->progress_ctx, c->done, c->total);
    c->next_report = c->done + 200000;
  }
}

/* Opens dir/name for writing and records it in the summary. */
static int file_begin(gen_ctx *c, wbuf *b, const char *name, const char *kind,
                      int year) {
  char path[4096];
  demo_file *f;
  demo_file *grown = realloc(c->sum->files,
                             (c->sum->n_files + 1) * sizeof *c->sum->files);
  if (!grown)
    return hlm_error_set(c->err, HLM_ENOMEM, "mémoire insuffisante");
  c->sum->files = grown;
  f = &c->sum->files[c->sum->n_files++];
  memset(f, 0, sizeof *f);
  snprintf(f->name, sizeof f->name, "%s", name);
  f->import_kind = kind;
  f->year = year;
  memset(b, 0, sizeof *b);
  if (snprintf(path, sizeof path, "%s/%s", c->dir, name) >= (int)sizeof path)
    return hlm_error_set(c->err, HLM_EIO, "%s : chemin trop long", c->dir);
  b->buf = malloc(WBUF_CAP);
  if (!b->buf)
    return hlm_error_set(c->err, HLM_ENOMEM, "mémoire insuffisante");
  b->fp = fopen(path, "wb");
  if (!b->fp) {
    free(b->buf);
    b->buf = NULL;
    return hlm_error_set(c->err, HLM_EIO, "%s : impossible d'écrire (%s)",
                         path, strerror(errno));
  }
  return HLM_OK;
}

static int file_end(gen_ctx *c, wbuf *b, int64_t rows) {
  int bad;
  w_flush(b);
  bad = b->failed;
  if (fclose(b->fp) != 0)
    bad = 1;
  free(b->buf);
  b->buf = NULL;
  c->sum->files[c->sum->n_files - 1].rows = rows;
  if (bad)
    return hlm_error_set(c->err, HLM_EIO, "%s/%s : écriture incomplète",
                         c->dir, c->sum->files[c->sum->n_files - 1].name);
  return HLM_OK;
}

/* ---- organisms.csv: one column table, so columns can be added ---- */

typedef void (*org_col_fn)(wbuf *b, const world *w, const org *o);

static void col_id(wbuf *b, const world *w, const org *o) {
  (void)w;
  w_str(b, o->id);
}
static void col_name(wbuf *b, const world *w, const org *o) {
  (void)w;
  w_str(b, o->name);
}
static void col_kind(wbuf *b, const world *w, const org *o) {
  (void)w;
  w_str(b, hlm_kind_name(o->kind));
}
static void col_dept(wbuf *b, const world *w, const org *o) {
  (void)w;
  w_str(b, depts[o->dept].code);
}
static void col_group(wbuf *b, const world *w, const org *o) {
  if (o->group >= 0)
    w_str(b, w->groups[o->group].id);
}
static void col_rpls(wbuf *b, const world *w, const org *o) {
  (void)w;
  w_str(b, o->rpls);
}
static void col_accession(wbuf *b, const world *w, const org *o) {
  (void)w;
  if (o->accession >= 0)
    w_int(b, o->accession);
}
static void col_loans(wbuf *b, const world *w, const org *o) {
  (void)w;
  if (o->loans >= 0)
    w_int(b, o->loans);
}
static void col_turnover(wbuf *b, const world *w, const org *o) {
  (void)w;
  if (o->turnover >= 0)
    w_int(b, o->turnover);
}
static void col_insufficient(wbuf *b, const world *w, const org *o) {
  (void)w;
  if (o->insufficient >= 0)
    w_int(b, o->insufficient);
}

static void col_nominal(wbuf *b, const world *w, const org *o) {
  (void)w;
  if (o->nominal > 0)
    w_int(b, o->nominal);
}
static void col_subsidiary(wbuf *b, const world *w, const org *o) {
  if (o->subsidiary_of >= 0)
    w_str(b, w->orgs[o->subsidiary_of].id);
}
static void col_controlled(wbuf *b, const world *w, const org *o) {
  if (o->controlled_by >= 0)
    w_str(b, w->orgs[o->controlled_by].id);
}

static const struct org_col {
  const char *name;
  org_col_fn put;
} org_cols[] = {
    {"id", col_id},
    {"name", col_name},
    {"kind", col_kind},
    {"departement", col_dept},
    {"group_id", col_group},
    {"rpls_number", col_rpls},
    {"accession_main_activity", col_accession},
    {"loans_granted_10y", col_loans},
    {"turnover_avg_3y_cents", col_turnover},
    {"insufficient_mission_contribution", col_insufficient},
    /* the capital columns (build_capital): appended, so that the ten
     * columns above keep their bytes (test_golden) */
    {"share_nominal_cents", col_nominal},
    {"subsidiary_of", col_subsidiary},
    {"controlled_by", col_controlled},
};
#define N_ORG_COLS (sizeof org_cols / sizeof org_cols[0])

static int gen_organisms(gen_ctx *c) {
  wbuf b;
  size_t k;
  int i, rc;
  if ((rc = file_begin(c, &b, "organisms.csv", "organisms", 0)) < 0)
    return rc;
  for (k = 0; k < N_ORG_COLS; k++) {
    w_str(&b, org_cols[k].name);
    w_chr(&b, k + 1 < N_ORG_COLS ? ';' : '\n');
  }
  for (i = 0; i < c->w->n_orgs; i++)
    for (k = 0; k < N_ORG_COLS; k++) {
      org_cols[k].put(&b, c->w, &c->w->orgs[i]);
      w_chr(&b, k + 1 < N_ORG_COLS ? ';' : '\n');
    }
  return file_end(c, &b, c->w->n_orgs);
}

/* ---- groups.csv ---- */

static int gen_groups(gen_ctx *c) {
  wbuf b;
  int i, rc;
  if ((rc = file_begin(c, &b, "groups.csv", "groups", 0)) < 0)
    return rc;
  w_str(&b, "id;name;kind;head_id;departement\n");
  for (i = 0; i < c->w->n_groups; i++) {
    const grp *g = &c->w->groups[i];
    w_str(&b, g->id);
    w_chr(&b, ';');
    w_str(&b, g->name);
    w_chr(&b, ';');
    w_str(&b, g->soc_coordination ? "SOC_COORDINATION" : "CONTROL");
    w_chr(&b, ';');
    w_str(&b, c->w->orgs[g->head].id);
    w_chr(&b, ';');
    w_str(&b, depts[g->dept].code);
    w_chr(&b, '\n');
  }
  return file_end(c, &b, c->w->n_groups);
}

/* ---- foyers.csv: logements-foyers of both years ---- */

typedef struct foyer {
  int owner, manager; /* org indexes; manager -1: the owner */
  int beds, autonomous, dwellings, conv, construct;
  int beds_early; /* beds on 1 January of the early year */
  int closed;     /* closed before the latest year */
} foyer;

static void gen_foyer(const world *w, rng *r, const uint32_t *cum,
                      const int *idx, int n_idx, const int *assoc, int n_assoc,
                      foyer *f) {
  int u;
  f->owner = idx[rng_cum(r, cum, n_idx)];
  u = (int)rng_below(r, 100);
  if (u < 55 && n_assoc)
    f->manager = assoc[rng_below(r, (uint32_t)n_assoc)];
  else if (u < 65)
    f->manager = idx[rng_cum(r, cum, n_idx)];
  else
    f->manager = -1;
  if (f->manager == f->owner)
    f->manager = -1;
  f->autonomous = rng_pm(r, 150);
  f->beds = 15 + (int)(pow2half(rng_binom24(r) / 2 + 4) / 1000);
  if (f->beds > 400)
    f->beds = 400;
  f->dwellings = f->autonomous ? f->beds * rng_range(r, 80, 100) / 100 : 0;
  if (f->autonomous && f->dwellings < 1)
    f->dwellings = 1;
  f->conv = rng_pm(r, 850) ? 1 : 2;
  f->construct = rng_pm(r, 550) ? rng_range(r, 1956, 1985)
                                : rng_range(r, 1986, DEMO_YEAR_LATEST - 1);
  f->beds_early = f->construct <= 1985 && rng_pm(r, 100) ? f->beds * 6 / 5
                                                         : f->beds;
  f->closed = f->construct <= 1985 && rng_pm(r, 40);
  (void)w;
}

static void w_foyer(wbuf *b, const world *w, int seq, const foyer *f,
                    int beds, int year) {
  w_str(b, w->orgs[f->owner].id);
  w_chr(b, ';');
  if (f->manager >= 0)
    w_str(b, w->orgs[f->manager].id);
  w_str(b, ";FOY");
  w_intw(b, seq, 5);
  w_chr(b, ';');
  w_int(b, beds);
  w_chr(b, ';');
  w_int(b, f->autonomous);
  w_chr(b, ';');
  if (f->autonomous)
    w_int(b, f->dwellings);
  w_chr(b, ';');
  w_int(b, f->conv);
  w_chr(b, ';');
  w_int(b, f->construct);
  w_chr(b, ';');
  w_int(b, year);
  w_chr(b, '\n');
}

static int gen_foyers(gen_ctx *c) {
  const world *w = c->w;
  int64_t beds_target = 370000LL * w->n / DEMO_DWELLINGS_NATIONAL;
  int64_t beds = 0, rows = 0;
  int *idx = malloc((size_t)w->n_orgs * sizeof *idx);
  int *assoc = malloc((size_t)w->n_orgs * sizeof *assoc);
  uint32_t *cum = malloc((size_t)w->n_orgs * sizeof *cum);
  foyer *fs = NULL;
  int n_idx = 0, n_assoc = 0, n_f = 0, cap = 0, i, pass, rc;
  uint32_t acc = 0;
  rng r;
  wbuf b;
  if (!idx || !assoc || !cum) {
    rc = hlm_error_set(c->err, HLM_ENOMEM, "mémoire insuffisante");
    goto done;
  }
  /* owners: organisms with a stock, in proportion to it (capped so that
   * the weights fit 32 bits); managers: the associations (MOI, L365-1) */
  for (i = 0; i < w->n_orgs; i++) {
    const org *o = &w->orgs[i];
    if (is_counting(o->kind) && o->stock > 0) {
      acc += (uint32_t)(o->stock > 1000000 ? 1000000 : o->stock);
      idx[n_idx] = i;
      cum[n_idx++] = acc;
    }
    if (o->kind == HLM_KIND_MOI || o->kind == HLM_KIND_AGREE_L365_1)
      assoc[n_assoc++] = i;
  }
  rng_init(&r, w->seed, STREAM_FOYERS, 0);
  while (n_idx && (beds < beds_target || n_f < 30)) {
    if (n_f == cap) {
      foyer *g;
      cap = cap ? cap * 2 : 256;
      g = realloc(fs, (size_t)cap * sizeof *fs);
      if (!g) {
        rc = hlm_error_set(c->err, HLM_ENOMEM, "mémoire insuffisante");
        goto done;
      }
      fs = g;
    }
    gen_foyer(w, &r, cum, idx, n_idx, assoc, n_assoc, &fs[n_f]);
    if (!fs[n_f].closed)
      beds += fs[n_f].beds;
    n_f++;
  }
  if ((rc = file_begin(c, &b, "foyers.csv", "foyers", 0)) < 0)
    goto done;
  w_str(&b, "owner;manager;structure_id;beds;autonomous;dwellings;conv;"
            "construct;year\n");
  for (pass = 0; pass < 2; pass++) {
    int year = pass == 0 ? DEMO_YEAR_EARLY : DEMO_YEAR_LATEST;
    for (i = 0; i < n_f; i++) {
      const foyer *f = &fs[i];
      if (f->construct > year - 1 || (pass == 1 && f->closed))
        continue;
      w_foyer(&b, w, i + 1, f, pass == 0 ? f->beds_early : f->beds, year);
      rows++;
      if (pass == 1) {
        c->sum->foyer_structures++;
        c->sum->foyer_beds += f->beds;
      }
    }
  }
  rc = file_end(c, &b, rows);
done:
  free(idx);
  free(assoc);
  free(cum);
  free(fs);
  return rc;
}

/* ---- RPLS ---- */

static const char *const streets[] = {
    "DES LILAS",    "JEAN JAURES", "VICTOR HUGO",      "DU GENERAL DE GAULLE",
    "DES TILLEULS", "PASTEUR",     "DE LA REPUBLIQUE", "JEAN MOULIN",
    "DES ACACIAS",  "GAMBETTA",    "DE LA PAIX",       "DU STADE"};
static const char *const street_types[] = {"RUE", "AVENUE", "ALLEE",
                                           "PLACE", "BOULEVARD", "CHEMIN"};

/* siren;manager;DEPCOM;CODEPOSTAL;DROIT_CODE;TYPECONST_CODE;NBPIECE;
 * SURFHAB;CONSTRUCT;LOCAT;PATRIMOINE;ORIGINE;FINAN_CODE;CONV;QPV_CODE;
 * DPEENERGIE;DPESERRE */
static void w_open_line(wbuf *b, const world *w, const org *o,
                        const dwelling *d) {
  char *p;
  if (b->len + 160 > WBUF_CAP)
    w_flush(b);
  p = b->buf + b->len;
  memcpy(p, o->id, 9);
  p[9] = ';';
  b->len += 10;
  if (d->manager >= 0) {
    memcpy(p + 10, w->orgs[d->manager].id, 9);
    b->len += 9;
  }
  w_chr(b, ';');
  w_depcom(b, d);
  w_chr(b, ';');
  w_codepostal(b, d);
  w_chr(b, ';');
  w_int(b, d->droit);
  w_chr(b, ';');
  w_chr(b, d->typeconst);
  w_chr(b, ';');
  w_int(b, d->nbpiece);
  w_chr(b, ';');
  w_int(b, d->surfhab);
  w_chr(b, ';');
  w_int(b, d->construct);
  w_chr(b, ';');
  w_int(b, d->locat);
  w_chr(b, ';');
  w_int(b, d->patrimoine);
  w_chr(b, ';');
  w_int(b, d->origine);
  w_chr(b, ';');
  w_int(b, d->finan);
  w_chr(b, ';');
  w_int(b, d->conv);
  w_chr(b, ';');
  w_int(b, d->qpv);
  w_chr(b, ';');
  w_chr(b, (char)('A' + d->dpe_e));
  w_chr(b, ';');
  w_chr(b, (char)('A' + d->dpe_g));
  w_chr(b, '\n');
}

/* Monthly rent in euros for the financing (orders of magnitude). */
static int rent_for(const dwelling *d) {
  int per_m2_cents;
  switch (d->finan) {
  case 10:
  case 11:
    per_m2_cents = 560;
    break;
  case 14:
    per_m2_cents = 900;
    break;
  case 16:
    per_m2_cents = 1100;
    break;
  case 13:
  case 12:
    per_m2_cents = 630;
    break;
  default:
    per_m2_cents = 480;
  }
  return d->surfhab * per_m2_cents / 100;
}

static void w_mmYYYY(wbuf *b, int month, int year) {
  w_intw(b, month, 2);
  w_chr(b, '/');
  w_int(b, year);
}

/* One 64-position line of the submission file (arrêté of 5 January 2010,
 * article 3, table 2). */
static void w_submit_line(wbuf *b, const world *w, int oi, int64_t line,
                          int year, const dwelling *d) {
  int let = d->occupation == 1;
  int rent = rent_for(d);
  /* 1 id in the répertoire (not yet for last year's newcomers), 2 own id */
  if (d->patrimoine < year - 1)
    w_intw(b, (int64_t)oi * 10000000 + line, 10);
  w_str(b, ";LGT");
  w_intw(b, line, 7);
  w_chr(b, ';');
  w_int(b, d->droit); /* 3 */
  w_chr(b, ';');
  w_depcom(b, d); /* 4 */
  w_chr(b, ';');
  w_codepostal(b, d); /* 5 */
  w_str(b, ";COMMUNE ");
  w_depcom(b, d); /* 6 */
  w_chr(b, ';');
  w_int(b, d->numvoie); /* 7 */
  w_chr(b, ';');
  w_chr(b, ';'); /* 8 indice de répétition */
  w_str(b, street_types[d->street % 6]); /* 9 */
  w_chr(b, ';');
  w_str(b, streets[d->street]); /* 10 */
  w_chr(b, ';');
  if (d->typeconst == 'C') { /* 11 apartment, 12 box, 13 staircase */
    w_int(b, 1 + line % 40);
    w_str(b, ";;");
    w_chr(b, (char)('A' + line % 4));
  } else {
    w_str(b, ";;");
  }
  w_str(b, ";;"); /* 14 corridor */
  if (d->typeconst == 'C')
    w_int(b, d->etage); /* 15 */
  w_str(b, ";;;"); /* 16, 17 */
  if (d->typeconst == 'C') {
    w_chr(b, 'B'); /* 18 building */
    w_int(b, 1 + line % 9);
  }
  w_str(b, ";;RESIDENCE "); /* 19, 20 programme */
  w_str(b, streets[(d->street + 3) % 12]);
  w_str(b, ";;"); /* 21 */
  w_int(b, d->qpv); /* 22 */
  w_chr(b, ';');
  w_chr(b, d->typeconst); /* 23 */
  w_chr(b, ';');
  w_int(b, d->nbpiece); /* 24 */
  w_chr(b, ';');
  w_int(b, d->surfhab); /* 25 */
  w_chr(b, ';');
  w_int(b, d->construct); /* 26 */
  w_chr(b, ';');
  w_int(b, d->locat); /* 27 */
  w_chr(b, ';');
  w_int(b, d->patrimoine); /* 28 */
  w_chr(b, ';');
  w_int(b, d->origine); /* 29 */
  w_chr(b, ';');
  if ((d->origine == 2 || d->origine == 3) && d->patrimoine == year - 1) {
    /* 30-31 previous owner: another organism of the set */
    const org *prev = &w->orgs[(oi + 1 + line % 7) % w->n_orgs];
    char siret[15];
    make_siret(prev->id, siret);
    w_str(b, prev->name);
    w_chr(b, ';');
    w_str(b, siret);
  } else {
    w_chr(b, ';');
  }
  w_chr(b, ';');
  w_int(b, d->finan); /* 32 */
  w_chr(b, ';');
  if (d->finan == 49 || d->finan == 99) /* 33 */
    w_str(b, "PRET COLLECTIVITE");
  w_chr(b, ';');
  w_int(b, d->conv); /* 34 */
  w_chr(b, ';');
  if (d->conv == 1) { /* 35 number, 36 date of effect */
    w_str(b, depts[d->dept].code);
    w_chr(b, '/');
    w_int(b, d->conv_year);
    w_chr(b, '/');
    w_intw(b, line % 10000, 4);
    w_str(b, ";01/");
    w_mmYYYY(b, d->conv_month, d->conv_year);
  } else {
    w_chr(b, ';');
  }
  w_str(b, ";9;;;"); /* 37 sortie sans objet, 38, 39 */
  w_int(b, d->occupation); /* 40 */
  w_chr(b, ';');
  if (let) { /* 41 lease, 42 surface mode, 43 surface, 44-46 rents */
    w_mmYYYY(b, d->bail_month, d->bail_year);
    w_str(b, ";3;");
    w_int(b, d->surfhab);
    w_chr(b, ';');
    w_int(b, rent);
    w_chr(b, ';');
    w_int(b, d->surfhab / 4);
    w_str(b, ";0;");
  } else {
    w_str(b, ";9;999;9999;999;999;");
  }
  /* 47 CUS ceiling */
  w_int(b, d->finan == 10 || d->finan == 11 ? 11
           : d->finan == 14                 ? 14
           : d->finan == 16                 ? 16
                                            : 13);
  w_chr(b, ';');
  w_mmYYYY(b, d->dpe_month, d->dpe_year); /* 48 */
  w_chr(b, ';');
  w_chr(b, (char)('A' + d->dpe_e)); /* 49 */
  w_chr(b, ';');
  w_chr(b, (char)('A' + d->dpe_g)); /* 50 */
  w_chr(b, ';');
  if (d->conv == 1) { /* 51 convention expiry, 52 alinéa */
    w_int(b, d->conv_year + 40);
    w_str(b, ";1");
  } else {
    w_chr(b, ';');
  }
  w_chr(b, ';');
  if (d->manager >= 0) /* 53 managing organism */
    w_str(b, w->orgs[d->manager].rpls);
  w_str(b, ";S"); /* 54, 55 CUS segment */
  w_int(b, d->segment);
  w_str(b, ";Segment ");
  w_int(b, d->segment);
  w_chr(b, ';');
  if (d->conv == 1) /* 56 maximum rent of the APL convention */
    w_int(b, rent * 11 / 10);
  w_chr(b, ';');
  w_int(b, rent * 11 / 10); /* 57 */
  w_str(b, ";;;;;"); /* 58-61 no sale */
  if (d->occupation == 2) /* 62 last offered */
    w_mmYYYY(b, 12, year - 1);
  w_chr(b, ';');
  w_int(b, d->contingent); /* 63 */
  w_str(b, ";\n");         /* 64 comment */
}

/* Header of a submission file (table 1): 12 positions. */
static void w_submit_header(wbuf *b, const world *w, const org *o, int year,
                            int64_t lines) {
  char siret[15];
  make_siret(o->id, siret);
  w_int(b, year); /* 1 */
  w_chr(b, ';');
  w_str(b, o->rpls); /* 2 */
  w_chr(b, ';');
  w_str(b, o->name); /* 3 */
  w_str(b, ";;Direction du patrimoine;;1 PLACE DE LA REPUBLIQUE;;");
  w_str(b, depts[o->dept].code[1] == 'A' || depts[o->dept].code[1] == 'B'
               ? "20"
               : depts[o->dept].code);
  w_str(b, depts[o->dept].code[2] ? "00 " : "000 "); /* 9 */
  w_str(b, depts[o->dept].name);
  w_chr(b, ';');
  w_str(b, siret); /* 10 */
  w_chr(b, ';');
  w_int(b, lines); /* 11 */
  w_str(b, ";Fichier synthétique (hlm demo, graine ");
  w_int(b, (int64_t)(w->seed & 0x7fffffffffffffffULL));
  w_str(b, ")\n"); /* 12 */
}

/* Lines of owner oi in the stock of year y. */
static int64_t owner_lines(const world *w, int oi, int y) {
  const org *o = &w->orgs[oi];
  int64_t n = 0, k;
  rng r;
  dwelling d;
  if (y == DEMO_YEAR_LATEST)
    return o->stock;
  rng_init(&r, w->seed, STREAM_DWELL, (uint64_t)oi);
  for (k = 0; k < o->stock; k++) {
    gen_dwelling(o, &r, DEMO_YEAR_LATEST - 1, 1, &d);
    n += in_stock(&d, y);
  }
  return n + gone_count(o);
}

/* Writes owner oi's dwellings of year y, open-data or submission shape;
 * returns the number of lines. */
static int64_t write_owner(gen_ctx *c, wbuf *b, int oi, int y, int submit) {
  const world *w = c->w;
  const org *o = &w->orgs[oi];
  int64_t k, n = 0, gone = y == DEMO_YEAR_EARLY ? gone_count(o) : 0;
  rng r;
  dwelling d;
  memset(&d, 0, sizeof d);
  rng_init(&r, w->seed, STREAM_DWELL, (uint64_t)oi);
  for (k = 0; k < o->stock; k++) {
    gen_dwelling(o, &r, DEMO_YEAR_LATEST - 1, 1, &d);
    if (!in_stock(&d, y))
      continue;
    if (submit)
      w_submit_line(b, w, oi, n + 1, y, &d);
    else
      w_open_line(b, w, o, &d);
    n++;
    if ((n & 0xffff) == 0)
      progress(c, 0x10000);
  }
  rng_init(&r, w->seed, STREAM_GONE, (uint64_t)oi);
  for (k = 0; k < gone; k++) {
    gen_dwelling(o, &r, y - 1, 0, &d);
    if (submit)
      w_submit_line(b, w, oi, n + 1, y, &d);
    else
      w_open_line(b, w, o, &d);
    n++;
  }
  progress(c, n & 0xffff);
  return n;
}

static int gen_rpls_year(gen_ctx *c, int y) {
  const world *w = c->w;
  int bit = y == DEMO_YEAR_LATEST ? 1 : 2, i, rc;
  int64_t rows = 0, *count = y == DEMO_YEAR_LATEST ? &c->sum->dwellings_latest
                                                    : &c->sum->dwellings_early;
  char name[64];
  wbuf b;
  snprintf(name, sizeof name, "rpls-%d.csv", y);
  if ((rc = file_begin(c, &b, name, "rpls", y)) < 0)
    return rc;
  w_str(&b, "siren;manager;DEPCOM;CODEPOSTAL;DROIT_CODE;TYPECONST_CODE;"
            "NBPIECE;SURFHAB;CONSTRUCT;LOCAT;PATRIMOINE;ORIGINE;FINAN_CODE;"
            "CONV;QPV_CODE;DPEENERGIE;DPESERRE\n");
  for (i = 0; i < w->n_orgs; i++)
    if (w->orgs[i].stock > 0 && !(w->orgs[i].submit & bit))
      rows += write_owner(c, &b, i, y, 0);
  if ((rc = file_end(c, &b, rows)) < 0)
    return rc;
  *count += rows;
  for (i = 0; i < w->n_orgs; i++) {
    const org *o = &w->orgs[i];
    int64_t n;
    if (o->stock == 0 || !(o->submit & bit))
      continue;
    snprintf(name, sizeof name, "rpls-%d-%s.txt", y, o->id);
    if ((rc = file_begin(c, &b, name, "rpls", 0)) < 0)
      return rc;
    w_submit_header(&b, w, o, y, owner_lines(w, i, y));
    n = write_owner(c, &b, i, y, 1);
    if ((rc = file_end(c, &b, n)) < 0)
      return rc;
    *count += n;
    c->sum->dwellings_submitted += n;
  }
  return HLM_OK;
}

static int gen_rpls_early(gen_ctx *c) {
  return gen_rpls_year(c, DEMO_YEAR_EARLY);
}
static int gen_rpls_latest(gen_ctx *c) {
  return gen_rpls_year(c, DEMO_YEAR_LATEST);
}

/* ------------------------------------------------------------------ */
/* Capital and money (spec/rules-capital-money.md, "New input files").  */
/*                                                                      */
/* The cap tables are a model built once (build_capital, its own      */
/* stream) because transfers, dividends and loans must name real       */
/* holders; each file then draws from its own stream.  Dates are fixed */
/* around DEMO_AS_OF: `hlm transfers --as-of 2025-06-30` shows every   */
/* state of the workflow.  Mostly lawful, with a few companies, loans  */
/* and invoices built to break one rule each (the CAP_* roles).        */

/* The date the demo's workflows are meant to be read at. */
#define DEMO_AS_OF 20250630
/* Every dated row of an SA d'HLM's cap table is acquired by the end of
 * this year: from the next one on, the one statutory split per company of
 * statutes.csv matches the capital at any as-of date. */
#define DEMO_CAPITAL_SET 2012

/* Dates as yyyymmdd integers (compared as such); day arithmetic through
 * the library's civil dates (hlm/date.h). */
#define YMD(y, m, d) ((y) * 10000 + (m) * 100 + (d))

static int ymd_add(int ymd, int days) {
  int y, m, d;
  hlm_date_ymd(hlm_date_make(ymd / 10000, ymd / 100 % 100, ymd % 100) + days,
               &y, &m, &d);
  return YMD(y, m, d);
}

/* A date of year y (day 1..28, so that any month is fine). */
static int rng_date(rng *r, int y) {
  return YMD(y, rng_range(r, 1, 12), rng_range(r, 1, 28));
}

static void w_date(wbuf *b, int ymd) {
  if (!ymd)
    return;
  w_intw(b, ymd / 10000, 4);
  w_chr(b, '-');
  w_intw(b, ymd / 100 % 100, 2);
  w_chr(b, '-');
  w_intw(b, ymd % 100, 2);
}

/* Roles: the one rule a company (or its statutes) is built to break. */
enum {
  CAP_NONE = 0,
  CAP_REF_MINORITY,   /* ESH: REFERENCE_NOT_MAJORITY */
  CAP_PERSONS,        /* ESH: PERSONS_OVER_5PCT */
  CAP_PACT4,          /* ESH: PACT_SIZE */
  CAP_REF_FUND,       /* ESH: REFERENCE_INELIGIBLE */
  CAP_NO_STATUTES,    /* ESH: MISSING_FACT (no statutory split) */
  CAP_CAT3_LOW,       /* ESH: CAT_VOTES_BELOW_10PCT */
  CAP_SPLIT_MISMATCH, /* ESH: STATUTORY_SPLIT_MISMATCH */
  CAP_SC_AUTHORITY,   /* SC: HOLDER_NOT_ALLOWED */
  CAP_SC_LOCAL_OVER,  /* SC: LOCAL_COMPANIES_OVER_50PCT */
  CAP_SC_SEM45,       /* SC: a SEM at 49 %: lawful; a forbidden transfer,
                         a dividend above the cap */
  CAP_SC_SEMOP,       /* SC: a SEMOP at 10 %: lawful dividends */
  CAP_SC_TWICE,       /* SC: one of its holders also holds another SC */
  CAP_SAC_ALONE,      /* SAC: TOO_FEW_SHAREHOLDERS */
  CAP_SAC_SEM         /* SAC: HOLDER_NOT_ALLOWED */
};

typedef struct holding {
  int company;      /* org index */
  int holder;       /* org index; -1: a person or a fund (pid) */
  char pid[40];     /* "P:…" or "F:…" when holder < 0 */
  int type;         /* 0 organism, 1 PERSON, 2 EMPLOYEE_FUND */
  int category;     /* 1-4 for an SA d'HLM, 0 */
  int64_t shares;
  int acquired;     /* yyyymmdd, 0: undated */
  int64_t price;    /* cents for the row, -1: unknown */
  int pact;         /* 1: member of the company's pact */
} holding;

static holding *add_hold(world *w, int company, int holder, int category,
                         int64_t shares) {
  holding *h;
  if (w->n_holds == w->cap_holds) {
    int cap = w->cap_holds ? w->cap_holds * 2 : 1024;
    holding *g = realloc(w->holds, (size_t)cap * sizeof *g);
    if (!g)
      return NULL;
    w->holds = g;
    w->cap_holds = cap;
  }
  h = &w->holds[w->n_holds++];
  memset(h, 0, sizeof *h);
  h->company = company;
  h->holder = holder;
  h->category = category;
  h->shares = shares < 1 ? 1 : shares;
  h->price = -1;
  return h;
}

/* The organisms of one kind, in file order. */
typedef struct olist {
  int *ix;
  int n;
} olist;

static int olist_of(const world *w, hlm_kind k, olist *l) {
  int i;
  l->n = 0;
  l->ix = malloc((size_t)w->n_orgs * sizeof *l->ix);
  if (!l->ix)
    return HLM_ENOMEM;
  for (i = 0; i < w->n_orgs; i++)
    if (w->orgs[i].kind == k)
      l->ix[l->n++] = i;
  return HLM_OK;
}

static int olist_pick(rng *r, const olist *l) {
  return l->n ? l->ix[rng_below(r, (uint32_t)l->n)] : -1;
}

/* The national-scale stock of an organism: the capital does not depend
 * on --dwellings, only on the shape of the world. */
static int64_t natl_stock(const world *w, const org *o) {
  return o->stock * DEMO_DWELLINGS_NATIONAL / w->n;
}

/* 1 when org index x already holds shares of company c. */
static int holds_in(const world *w, int c, int x) {
  int i;
  for (i = 0; i < w->n_holds; i++)
    if (w->holds[i].company == c && w->holds[i].holder == x)
      return 1;
  return 0;
}

/* Splits total into n parts (each at least 1, distinct where possible so
 * that equal remainders stay rare) in out[]. */
static void split_parts(rng *r, int64_t total, int n, int64_t *out) {
  int64_t wsum = 0, given = 0, wt[8];
  int k;
  for (k = 0; k < n; k++) {
    wt[k] = 10 + k * 7 + rng_range(r, 0, 60);
    wsum += wt[k];
  }
  for (k = 0; k < n; k++) {
    out[k] = k + 1 < n ? total * wt[k] / wsum : total - given;
    if (out[k] < 1)
      out[k] = 1;
    given += out[k];
  }
}

typedef struct caplists {
  olist esh, sem_agree, coop, oph, sem, spl, semop, la, sc, sac, al;
} caplists;

static void caplists_free(caplists *L) {
  free(L->esh.ix);
  free(L->sem_agree.ix);
  free(L->coop.ix);
  free(L->oph.ix);
  free(L->sem.ix);
  free(L->spl.ix);
  free(L->semop.ix);
  free(L->la.ix);
  free(L->sc.ix);
  free(L->sac.ix);
  free(L->al.ix);
}

static int caplists_init(const world *w, caplists *L) {
  memset(L, 0, sizeof *L);
  if (olist_of(w, HLM_KIND_ESH, &L->esh) < 0 ||
      olist_of(w, HLM_KIND_SEM_AGREE, &L->sem_agree) < 0 ||
      olist_of(w, HLM_KIND_COOP, &L->coop) < 0 ||
      olist_of(w, HLM_KIND_OPH, &L->oph) < 0 ||
      olist_of(w, HLM_KIND_SEM, &L->sem) < 0 ||
      olist_of(w, HLM_KIND_SPL, &L->spl) < 0 ||
      olist_of(w, HLM_KIND_SEMOP, &L->semop) < 0 ||
      olist_of(w, HLM_KIND_LOCAL_AUTHORITY, &L->la) < 0 ||
      olist_of(w, HLM_KIND_SOC_COORDINATION, &L->sc) < 0 ||
      olist_of(w, HLM_KIND_SAC, &L->sac) < 0 ||
      olist_of(w, HLM_KIND_ACTION_LOGEMENT, &L->al) < 0) {
    caplists_free(L);
    return HLM_ENOMEM;
  }
  return HLM_OK;
}

/* Another legal person to hold shares of company c: a SEM agréée, a
 * coopérative, an office, an ESH or a local company; never c itself nor
 * a holder already on its table. */
static int pick_investor(const world *w, rng *r, const caplists *L, int c) {
  int t;
  for (t = 0; t < 50; t++) {
    const olist *l;
    int u = (int)rng_below(r, 100), x;
    l = u < 30   ? &L->sem_agree
        : u < 50 ? &L->coop
        : u < 65 ? &L->oph
        : u < 85 ? &L->esh
        : u < 95 ? &L->sem
                 : &L->spl;
    x = olist_pick(r, l);
    if (x >= 0 && x != c && !holds_in(w, c, x))
      return x;
  }
  return -1;
}

/* The cap table of SA d'HLM c (L422-2-1 I): a reference shareholder
 * (alone, or a pact of two or three), local authorities, three tenants'
 * representatives with one share each, other legal persons and a few
 * natural persons (under 5 % together), sometimes an employee fund. */
static int esh_table(world *w, rng *r, const caplists *L, int c) {
  org *o = &w->orgs[c];
  int role = o->cap_role, n1 = 1, k, ref[4], n2, n4, first = w->n_holds;
  int64_t S = 5000 + natl_stock(w, o) * 2 + rng_below(r, 1000);
  int ref_pm = role == CAP_REF_MINORITY ? rng_range(r, 400, 490)
               : role == CAP_PERSONS    ? rng_range(r, 560, 680)
                                        : rng_range(r, 560, 800);
  int64_t c1 = S * ref_pm / 1000, c2 = S * rng_range(r, 60, 150) / 1000;
  int64_t c3 = 3, c4 = S - c1 - c2 - c3, persons, parts[8];
  int founded = rng_range(r, 1960, DEMO_CAPITAL_SET);
  const grp *g = o->group >= 0 ? &w->groups[o->group] : NULL;
  holding *h;

  persons = role == CAP_PERSONS ? S * rng_range(r, 60, 90) / 1000
                                : S * rng_range(r, 0, 30) / 1000;
  if (persons > c4)
    persons = c4;
  /* category 1 */
  ref[0] = L->al.n ? L->al.ix[0] : -1;
  if (g && !g->soc_coordination && g->head != c) {
    ref[0] = g->head; /* a member of a control group: its head */
  } else if (role == CAP_PACT4 || role == CAP_REF_FUND) {
    n1 = role == CAP_PACT4 ? 4 : 2;
  } else {
    int u = (int)rng_below(r, 100);
    if (u >= 45 && u < 65)
      n1 = 2 + (int)rng_below(r, 2);
    else if (u >= 65 || ref[0] < 0)
      ref[0] = rng_pm(r, 500) ? olist_pick(r, &L->sem_agree)
                              : olist_pick(r, &L->esh);
  }
  if (ref[0] < 0 || ref[0] == c)
    ref[0] = olist_pick(r, &L->sem_agree);
  for (k = 1; k < n1; k++) {
    int t, x = -1;
    for (t = 0; t < 50; t++) {
      int j;
      x = rng_pm(r, 500) ? olist_pick(r, &L->sem_agree)
                         : olist_pick(r, &L->esh);
      for (j = 0; j < k && x != c; j++)
        if (ref[j] == x)
          break;
      if (x != c && j == k)
        break;
    }
    ref[k] = x;
  }
  split_parts(r, c1, n1, parts);
  if (n1 > 1) { /* the first member keeps the larger part */
    int64_t t = parts[0];
    for (k = 1; k < n1; k++)
      if (parts[k] > parts[0]) {
        parts[0] = parts[k];
        parts[k] = t;
        t = parts[0];
      }
  }
  for (k = 0; k < n1; k++) {
    if (k == 1 && role == CAP_REF_FUND) {
      if (!(h = add_hold(w, c, -1, 1, parts[k])))
        return HLM_ENOMEM;
      snprintf(h->pid, sizeof h->pid, "F:FCPE-%s", o->id);
      h->type = 2;
    } else if (!(h = add_hold(w, c, ref[k], 1, parts[k]))) {
      return HLM_ENOMEM;
    }
    h->acquired = rng_date(r, founded);
    h->price = parts[k] * o->nominal;
    h->pact = n1 > 1;
  }
  /* category 2: one to three local authorities */
  n2 = L->la.n < 3 ? L->la.n : 1 + (int)rng_below(r, 3);
  split_parts(r, c2, n2, parts);
  for (k = 0; k < n2; k++) {
    int t, x = -1;
    for (t = 0; t < 50; t++) {
      x = olist_pick(r, &L->la); /* of its region, when one is */
      if (!holds_in(w, c, x) &&
          (t >= 40 || same_region(w->orgs[x].dept, o->dept)))
        break;
    }
    if (!(h = add_hold(w, c, x, 2, parts[k])))
      return HLM_ENOMEM;
    if (rng_pm(r, 500)) {
      h->acquired = rng_date(r, rng_range(r, founded, DEMO_CAPITAL_SET));
      h->price = parts[k] * o->nominal;
    }
  }
  /* category 3: the tenants' representatives, one share each */
  for (k = 0; k < 3; k++) {
    if (!(h = add_hold(w, c, -1, 3, 1)))
      return HLM_ENOMEM;
    snprintf(h->pid, sizeof h->pid, "P:LOC-%s-%d", o->id, k + 1);
    h->type = 1;
    /* elected in December 2010 (or when the company was founded) */
    h->acquired = founded > 2010 ? rng_date(r, founded)
                                 : YMD(2010, 12, rng_range(r, 1, 15));
    h->price = o->nominal;
  }
  /* category 4: natural persons, an employee fund, legal persons */
  if (persons > 0) {
    int np = 1 + (int)rng_below(r, 4);
    split_parts(r, persons, np, parts);
    for (k = 0; k < np; k++) {
      if (!(h = add_hold(w, c, -1, 4, parts[k])))
        return HLM_ENOMEM;
      snprintf(h->pid, sizeof h->pid, "P:ACT-%s-%d", o->id, k + 1);
      h->type = 1;
      if (rng_pm(r, 700)) {
        h->acquired = rng_date(r, rng_range(r, founded, DEMO_CAPITAL_SET));
        h->price = parts[k] * o->nominal;
      }
    }
  }
  c4 -= persons;
  if (c4 > 0 && rng_pm(r, 250)) {
    int64_t fund = c4 / 10 + 1;
    if (!(h = add_hold(w, c, -1, 4, fund)))
      return HLM_ENOMEM;
    snprintf(h->pid, sizeof h->pid, "F:FCPE-%s", o->id);
    h->type = 2;
    c4 -= fund;
  }
  if (c4 > 0) {
    n4 = 1 + (int)rng_below(r, 5);
    split_parts(r, c4, n4, parts);
    for (k = 0; k < n4; k++) {
      int x = pick_investor(w, r, L, c);
      if (x < 0)
        continue;
      if (!(h = add_hold(w, c, x, 4, parts[k])))
        return HLM_ENOMEM;
      if (rng_pm(r, 600)) {
        h->acquired = rng_date(r, rng_range(r, founded, DEMO_CAPITAL_SET));
        h->price = parts[k] * o->nominal * rng_range(r, 100, 130) / 100;
      }
    }
  }
  /* records older than the Livret A table (1981-10-16, params.def) are
   * lost: undated, price unknown (L423-4 then takes the nominal) */
  for (k = first; k < w->n_holds; k++)
    if (w->holds[k].acquired && w->holds[k].acquired < YMD(1982, 1, 1)) {
      w->holds[k].acquired = 0;
      w->holds[k].price = -1;
    }
  return HLM_OK;
}

/* Shares that make local companies hold pm per mille of a table of m
 * shares once added. */
static int64_t share_for(int64_t m, int pm) { return m * pm / (1000 - pm) + 1; }

/* The cap table of société de coordination c (annex I to R423-86): the
 * members of its group, in proportion to their stock. */
static int sc_table(world *w, rng *r, const caplists *L, int c) {
  org *o = &w->orgs[c];
  int64_t m = 0;
  int i, first = w->n_holds, n = 0;
  holding *h;
  for (i = 0; i < w->n_orgs; i++) {
    const org *x = &w->orgs[i];
    if (i == c || x->group != o->group || !is_counting(x->kind))
      continue;
    if (!(h = add_hold(w, c, i, 0, 100 + natl_stock(w, x) / 50)))
      return HLM_ENOMEM;
    h->acquired = ymd_add(YMD(2019, 9, 2), rng_range(r, 0, 600));
    h->price = h->shares * o->nominal;
    m += h->shares;
    n++;
  }
  if (n == 0)
    return HLM_OK;
  switch (o->cap_role) {
  case CAP_SC_AUTHORITY:
    if (L->la.n) {
      if (!(h = add_hold(w, c, olist_pick(r, &L->la), 0, m / 20)))
        return HLM_ENOMEM;
      h->acquired = w->holds[first].acquired;
    }
    break;
  case CAP_SC_LOCAL_OVER:
    if (L->sem.n && L->spl.n) {
      /* 0.6 m + 0.5 m of 2.1 m: 52 % */
      if (!(h = add_hold(w, c, L->sem.ix[0], 0, m * 6 / 10 + 1)))
        return HLM_ENOMEM;
      h->acquired = YMD(2021, 3, 15);
      if (!(h = add_hold(w, c, L->spl.ix[0], 0, m / 2 + 1)))
        return HLM_ENOMEM;
      h->acquired = YMD(2023, 10, 2);
    }
    break;
  case CAP_SC_SEM45:
    if (L->sem.n > 1) {
      if (!(h = add_hold(w, c, L->sem.ix[1], 0, share_for(m, 490))))
        return HLM_ENOMEM;
      h->acquired = YMD(2020, 1, 6);
    }
    break;
  case CAP_SC_SEMOP:
    if (L->semop.n) {
      if (!(h = add_hold(w, c, L->semop.ix[0], 0, share_for(m, 100))))
        return HLM_ENOMEM;
      h->acquired = YMD(2020, 7, 1);
    }
    break;
  default:
    break;
  }
  return HLM_OK;
}

/* The 2012 SA de coordination: two or three organisms of L411-2. */
static int sac_table(world *w, rng *r, const caplists *L, int c) {
  org *o = &w->orgs[c];
  int n = o->cap_role == CAP_SAC_ALONE ? 1 : 2 + (int)rng_below(r, 2), k;
  holding *h;
  for (k = 0; k < n; k++) {
    int x = k == 1 && o->cap_role == CAP_SAC_SEM && L->sem.n
                ? olist_pick(r, &L->sem)
            : rng_pm(r, 500) ? olist_pick(r, &L->oph)
                             : olist_pick(r, &L->esh);
    if (x < 0 || holds_in(w, c, x))
      continue;
    if (!(h = add_hold(w, c, x, 0, rng_range(r, 100, 5000))))
      return HLM_ENOMEM;
    h->acquired = rng_date(r, rng_range(r, 2008, 2012));
    h->price = h->shares * o->nominal;
  }
  return HLM_OK;
}

/* Gives the first roles[k] of a shuffled list their role. */
static int assign_roles(world *w, rng *r, const olist *l, const int *roles,
                        int n_roles, int (*eligible)(const world *, int)) {
  int *order = shuffled(r, l->n), k = 0, i;
  if (!order)
    return HLM_ENOMEM;
  for (i = 0; i < l->n && k < n_roles; i++) {
    int x = l->ix[order[i]];
    if (eligible && !eligible(w, x))
      continue;
    w->orgs[x].cap_role = roles[k++];
  }
  free(order);
  return HLM_OK;
}

static int esh_role_ok(const world *w, int x) {
  const org *o = &w->orgs[x];
  return !o->giant && (o->group < 0 || w->groups[o->group].soc_coordination);
}

/* A société de coordination with at least two members. */
static int sc_members(const world *w, int x) {
  int i, n = 0;
  for (i = 0; i < w->n_orgs; i++)
    n += i != x && w->orgs[i].group == w->orgs[x].group &&
         is_counting(w->orgs[i].kind);
  return n;
}
static int sc_role_ok(const world *w, int x) { return sc_members(w, x) >= 2; }

/* Nominals, subsidiaries, declared control, the cap tables. */
static int build_capital(world *w) {
  static const int64_t nominals[] = {1524, 1600, 1000, 800, 1525, 10000};
  static const int esh_roles[] = {CAP_REF_MINORITY, CAP_REF_MINORITY,
                                  CAP_PERSONS,      CAP_PERSONS,
                                  CAP_PACT4,        CAP_REF_FUND,
                                  CAP_NO_STATUTES,  CAP_CAT3_LOW,
                                  CAP_SPLIT_MISMATCH};
  static const int sc_roles[] = {CAP_SC_AUTHORITY, CAP_SC_LOCAL_OVER,
                                 CAP_SC_SEM45, CAP_SC_SEMOP, CAP_SC_TWICE,
                                 CAP_SC_TWICE};
  static const int sac_roles[] = {CAP_NONE, CAP_SAC_ALONE, CAP_SAC_SEM};
  caplists L;
  rng r;
  int i, rc, twice[2], n_twice = 0;
  if ((rc = caplists_init(w, &L)) < 0)
    return rc;
  rng_init(&r, w->seed, STREAM_CAPITAL, 0);
  for (i = 0; i < w->n_orgs; i++) {
    org *o = &w->orgs[i];
    o->subsidiary_of = o->controlled_by = -1;
    o->cap_role = CAP_NONE;
    switch (o->kind) {
    case HLM_KIND_ESH:
    case HLM_KIND_COOP:
    case HLM_KIND_SCIC:
      o->nominal = nominals[rng_below(&r, 6)];
      break;
    case HLM_KIND_SOC_COORDINATION:
      o->nominal = 10000;
      break;
    case HLM_KIND_SAC:
      o->nominal = 1000;
      break;
    default:
      o->nominal = 0;
    }
  }
  /* subsidiaries (L423-6: the subsidiary of an office may join a
   * cooperation structure, the subsidiary of a SEM may not) */
  if (L.sem.n && L.oph.n)
    w->orgs[L.sem.ix[0]].subsidiary_of = L.oph.ix[0];
  if (L.spl.n && L.sem_agree.n)
    w->orgs[L.spl.ix[L.spl.n - 1]].subsidiary_of = L.sem_agree.ix[0];
  if (L.esh.n > 1 && L.sem_agree.n > 1)
    w->orgs[L.sem_agree.ix[1]].subsidiary_of = L.esh.ix[1];
  if ((rc = assign_roles(w, &r, &L.esh, esh_roles,
                         (int)(sizeof esh_roles / sizeof *esh_roles),
                         esh_role_ok)) < 0 ||
      (rc = assign_roles(w, &r, &L.sc, sc_roles,
                         (int)(sizeof sc_roles / sizeof *sc_roles),
                         sc_role_ok)) < 0 ||
      (rc = assign_roles(w, &r, &L.sac, sac_roles, 3, NULL)) < 0)
    goto done;
  for (i = 0; i < L.esh.n; i++)
    if ((rc = esh_table(w, &r, &L, L.esh.ix[i])) < 0)
      goto done;
  for (i = 0; i < L.sc.n; i++) {
    if ((rc = sc_table(w, &r, &L, L.sc.ix[i])) < 0)
      goto done;
    if (w->orgs[L.sc.ix[i]].cap_role == CAP_SC_TWICE && n_twice < 2)
      twice[n_twice++] = L.sc.ix[i];
  }
  /* SEVERAL_COORDINATION (L423-1-2): a member of the first also holds
   * shares of the second */
  if (n_twice == 2) {
    for (i = 0; i < w->n_holds; i++)
      if (w->holds[i].company == twice[0]) {
        holding h0 = w->holds[i], *h;
        if (!(h = add_hold(w, twice[1], h0.holder, 0, h0.shares / 3)))
          goto nomem;
        h->acquired = YMD(2022, 4, 12);
        h->price = h->shares * w->orgs[twice[1]].nominal;
        break;
      }
  }
  for (i = 0; i < L.sac.n; i++)
    if ((rc = sac_table(w, &r, &L, L.sac.ix[i])) < 0)
      goto done;
  /* control declared by a pact's leader (L233-3) on two companies */
  {
    int n = 0;
    for (i = 1; i < w->n_holds && n < 2; i++) {
      holding *h = &w->holds[i];
      org *co = &w->orgs[h->company];
      if (h->category == 1 && h->pact && h->holder >= 0 &&
          w->holds[i - 1].company != h->company && co->cap_role == CAP_NONE &&
          co->controlled_by < 0) {
        co->controlled_by = h->holder;
        n++;
      }
    }
  }
  rc = HLM_OK;
  goto done;
nomem:
  rc = HLM_ENOMEM;
done:
  caplists_free(&L);
  return rc;
}

/* ---- holdings.csv, statutes.csv ---- */

static void w_holder(wbuf *b, const world *w, int holder, const char *pid) {
  w_str(b, holder >= 0 ? w->orgs[holder].id : pid);
}

static int gen_holdings(gen_ctx *c) {
  const world *w = c->w;
  wbuf b;
  int i, rc;
  if ((rc = file_begin(c, &b, "holdings.csv", "holdings", 0)) < 0)
    return rc;
  w_str(&b, "company;holder;shares;category;holder_type;acquired;"
            "price_cents;pact_id\n");
  for (i = 0; i < w->n_holds; i++) {
    const holding *h = &w->holds[i];
    w_str(&b, w->orgs[h->company].id);
    w_chr(&b, ';');
    w_holder(&b, w, h->holder, h->pid);
    w_chr(&b, ';');
    w_int(&b, h->shares);
    w_chr(&b, ';');
    if (h->category)
      w_int(&b, h->category);
    w_chr(&b, ';');
    if (h->type)
      w_str(&b, h->type == 1 ? "PERSON" : "EMPLOYEE_FUND");
    w_chr(&b, ';');
    w_date(&b, h->acquired);
    w_chr(&b, ';');
    if (h->price >= 0)
      w_int(&b, h->price);
    w_chr(&b, ';');
    if (h->pact) {
      w_str(&b, "PACTE-");
      w_str(&b, w->orgs[h->company].id);
    }
    w_chr(&b, '\n');
  }
  return file_end(c, &b, w->n_holds);
}

/* Shares of company c (all rows). */
static int64_t company_shares(const world *w, int c) {
  int64_t s = 0;
  int i;
  for (i = 0; i < w->n_holds; i++)
    if (w->holds[i].company == c)
      s += w->holds[i].shares;
  return s;
}

/* R422-1-1 III: the statutory split of B = T - A between categories 2 and
 * 3, each at least T/10 rounded up.  Category 3 gets a multiple of its
 * three holders (no lot to draw among the tenants), category 2 the rest.
 * No randomness: the roles come from the cap tables. */
static int gen_statutes(gen_ctx *c) {
  const world *w = c->w;
  wbuf b;
  int i, rc;
  int64_t rows = 0;
  if ((rc = file_begin(c, &b, "statutes.csv", "statutes", 0)) < 0)
    return rc;
  w_str(&b, "company;cat2_votes;cat3_votes\n");
  for (i = 0; i < w->n_orgs; i++) {
    const org *o = &w->orgs[i];
    int64_t T, A, B, c3, c2;
    if (o->kind != HLM_KIND_ESH || o->cap_role == CAP_NO_STATUTES)
      continue;
    T = 10 * company_shares(w, i);
    if (T == 0)
      continue;
    A = 2 * T / 3 - 1;
    B = T - A;
    c3 = (T + 9) / 10;
    c3 += (3 - c3 % 3) % 3;
    if (o->cap_role == CAP_CAT3_LOW)
      c3 = T / 12;
    c2 = B - c3;
    if (o->cap_role == CAP_SPLIT_MISMATCH)
      c2 += 30;
    w_str(&b, o->id);
    w_chr(&b, ';');
    w_int(&b, c2);
    w_chr(&b, ';');
    w_int(&b, c3);
    w_chr(&b, '\n');
    rows++;
  }
  return file_end(c, &b, rows);
}

/* ---- transfers.csv ---- */

typedef struct xfer {
  char id[24];
  int company, seller, buyer; /* org indexes; seller/buyer -1: spid */
  const char *spid;
  int64_t shares, price;      /* price -1: none */
  int signed_on, deed, request, decision, decision_date, purchased, court;
  /* decision: 0 none, 1 APPROVED, 2 REFUSED */
} xfer;

static void w_xfer(wbuf *b, const world *w, const xfer *x) {
  w_str(b, x->id);
  w_chr(b, ';');
  w_str(b, w->orgs[x->company].id);
  w_chr(b, ';');
  w_holder(b, w, x->seller, x->spid);
  w_chr(b, ';');
  w_str(b, w->orgs[x->buyer].id);
  w_chr(b, ';');
  w_int(b, x->shares);
  w_chr(b, ';');
  if (x->price >= 0)
    w_int(b, x->price);
  w_chr(b, ';');
  w_date(b, x->signed_on);
  w_chr(b, ';');
  w_date(b, x->deed);
  w_chr(b, ';');
  w_date(b, x->request);
  w_chr(b, ';');
  if (x->decision)
    w_str(b, x->decision == 1 ? "APPROVED" : "REFUSED");
  w_chr(b, ';');
  w_date(b, x->decision_date);
  w_chr(b, ';');
  w_date(b, x->purchased);
  w_chr(b, ';');
  w_date(b, x->court);
  w_chr(b, '\n');
}

/* The states of the §7 workflow of a société de coordination, read on
 * DEMO_AS_OF (2025-06-30): dates of the request, the decision and the
 * purchase, relative to nothing but these constants. */
static const struct sc_case {
  int third_party;   /* buyer not a shareholder */
  int request, decision, decision_date, purchased, court;
} sc_cases[] = {
    {0, 0, 0, 0, 0, 0},                                  /* FREE */
    {1, 0, 0, 0, 0, 0},                                  /* NO_REQUEST */
    {1, 20250512, 0, 0, 0, 0},                           /* PENDING */
    {1, 20250303, 2, 20250414, 0, 0},       /* PURCHASE_PENDING, EXPRESS */
    {1, 20250217, 0, 0, 0, 0},              /* PURCHASE_PENDING, SILENCE */
    {1, 20241001, 2, 20241105, 0, 20250930}, /* ... court extension */
    {1, 20240902, 2, 20241015, 20241220, 0}, /* PURCHASED */
    {1, 20241104, 1, 20241209, 0, 0},        /* APPROVED_EXPRESS */
    {1, 20231106, 2, 20231211, 0, 0},        /* APPROVED_DEEMED */
    {1, 20230510, 0, 0, 0, 0},               /* APPROVED_DEEMED (silence) */
};
#define N_SC_CASES ((int)(sizeof sc_cases / sizeof sc_cases[0]))

/* A third party allowed to hold shares of a société de coordination: an
 * organism outside every group. */
static int pick_outsider(const world *w, rng *r) {
  int t;
  for (t = 0; t < 2000; t++) {
    int x = (int)rng_below(r, (uint32_t)w->n_orgs);
    const org *o = &w->orgs[x];
    if (is_counting(o->kind) && o->group < 0)
      return x;
  }
  for (t = 0; t < w->n_orgs; t++)
    if (is_counting(w->orgs[t].kind))
      return t;
  return 0;
}

static int gen_transfers(gen_ctx *c) {
  const world *w = c->w;
  rng r;
  wbuf b;
  int i, k, rc, n_esh = 0, n_sc = 0, above = 0;
  int64_t rows = 0;
  int *order;
  rng_init(&r, w->seed, STREAM_TRANSFERS, 0);
  if ((rc = file_begin(c, &b, "transfers.csv", "transfers", 0)) < 0)
    return rc;
  w_str(&b, "id;company;seller;buyer;shares;price_cents;signed;"
            "deed_deposited;request_received;board_decision;"
            "board_decision_date;purchased;court_extension_until\n");
  /* shares of SA d'HLM sold by their category 4 holders (L423-4): at the
   * acquisition price or the nominal, a few above the cap; deeds filed
   * within 30 days, some late or never */
  order = shuffled(&r, w->n_holds);
  if (!order) {
    file_end(c, &b, 0);
    return hlm_error_set(c->err, HLM_ENOMEM, "mémoire insuffisante");
  }
  for (k = 0; k < w->n_holds && n_esh < 40; k++) {
    const holding *h = &w->holds[order[k]];
    const org *co = &w->orgs[h->company];
    xfer x;
    int u, j, first = 2016;
    if (co->kind != HLM_KIND_ESH || h->category != 4 || h->holder < 0)
      continue;
    memset(&x, 0, sizeof x);
    n_esh++;
    snprintf(x.id, sizeof x.id, "CES-ESH-%04d", n_esh);
    x.company = h->company;
    x.seller = h->holder;
    x.shares = 1 + (int64_t)rng_below(&r, (uint32_t)(h->shares > 1000000
                                                         ? 1000000
                                                         : h->shares));
    /* the buyer: a local authority of category 2 (exempt from the deed)
     * or another legal person */
    x.buyer = -1;
    if (rng_pm(&r, 350))
      for (j = 0; j < w->n_holds; j++)
        if (w->holds[j].company == h->company && w->holds[j].category == 2) {
          x.buyer = w->holds[j].holder;
          break;
        }
    while (x.buyer < 0 || x.buyer == h->holder || x.buyer == h->company) {
      int t = (int)rng_below(&r, (uint32_t)w->n_orgs);
      if (is_counting(w->orgs[t].kind))
        x.buyer = t;
    }
    if (h->acquired && h->acquired / 10000 >= first)
      first = h->acquired / 10000 + 1;
    if (n_esh % 8 == 5)
      first = 2009; /* some sales under the 2008 text */
    x.signed_on = rng_date(&r, rng_range(&r, first, first >= 2025 ? 2025 : 2024));
    if (x.signed_on > YMD(2025, 5, 28))
      x.signed_on = YMD(2025, 5, 28);
    if (x.signed_on < YMD(2016, 1, 1) && h->acquired > x.signed_on)
      x.signed_on = ymd_add(h->acquired, 30);
    x.price = h->price >= 0 ? x.shares * (h->price / h->shares)
                            : x.shares * co->nominal;
    if (above < 3 && n_esh % 11 == 3) {
      x.price = x.shares * co->nominal * 4; /* PRICE_ABOVE_CAP */
      above++;
    }
    u = (int)rng_below(&r, 100);
    x.deed = u < 82 ? ymd_add(x.signed_on, rng_range(&r, 3, 28))
             : u < 92 ? ymd_add(x.signed_on, rng_range(&r, 40, 120))
                      : 0;
    if (x.deed > DEMO_AS_OF)
      x.deed = 0;
    w_xfer(&b, w, &x);
    rows++;
  }
  free(order);
  /* the workflow of the sociétés de coordination (annex I §7) */
  for (i = 0, k = 0; i < w->n_orgs; i++) {
    const org *o = &w->orgs[i];
    int s1, s2, t, j;
    if (o->kind != HLM_KIND_SOC_COORDINATION || sc_members(w, i) < 2)
      continue;
    for (t = 0; t < 2; t++, k++) {
      const struct sc_case *sc = &sc_cases[k % N_SC_CASES];
      xfer x;
      memset(&x, 0, sizeof x);
      s1 = s2 = -1;
      for (j = 0; j < w->n_holds; j++)
        if (w->holds[j].company == i && w->holds[j].holder >= 0 &&
            is_counting(w->orgs[w->holds[j].holder].kind)) {
          if (s1 < 0)
            s1 = j;
          else if (s2 < 0)
            s2 = j;
        }
      if (s1 < 0 || s2 < 0)
        break;
      if (t == 1) { /* the other one sells */
        j = s1;
        s1 = s2;
        s2 = j;
      }
      n_sc++;
      snprintf(x.id, sizeof x.id, "CES-SC-%04d", n_sc);
      x.company = i;
      x.seller = w->holds[s1].holder;
      x.buyer = sc->third_party ? pick_outsider(w, &r) : w->holds[s2].holder;
      x.shares = 1 + w->holds[s1].shares / rng_range(&r, 3, 10);
      x.price = x.shares * o->nominal;
      x.request = sc->request;
      x.signed_on = sc->request ? ymd_add(sc->request, -rng_range(&r, 5, 40))
                                : YMD(2024, 11, 5) + (t ? 100 : 0);
      x.decision = sc->decision;
      x.decision_date = sc->decision_date;
      x.purchased = sc->purchased;
      x.court = sc->court;
      w_xfer(&b, w, &x);
      rows++;
    }
    if (o->cap_role == CAP_SC_SEM45) {
      /* FORBIDDEN_50PCT: the largest member's shares to an SPL */
      int big = -1;
      for (j = 0; j < w->n_holds; j++)
        if (w->holds[j].company == i && w->holds[j].holder >= 0 &&
            is_counting(w->orgs[w->holds[j].holder].kind) &&
            (big < 0 || w->holds[j].shares > w->holds[big].shares))
          big = j;
      for (j = 0; j < w->n_orgs && big >= 0; j++)
        if (w->orgs[j].kind == HLM_KIND_SPL && !holds_in(w, i, j)) {
          xfer x;
          memset(&x, 0, sizeof x);
          n_sc++;
          snprintf(x.id, sizeof x.id, "CES-SC-%04d", n_sc);
          x.company = i;
          x.seller = w->holds[big].holder;
          x.buyer = j;
          x.shares = w->holds[big].shares;
          x.price = x.shares * o->nominal;
          x.signed_on = YMD(2025, 3, 20);
          x.request = YMD(2025, 4, 1);
          w_xfer(&b, w, &x);
          rows++;
          break;
        }
    }
  }
  return file_end(c, &b, rows);
}

/* ---- dividends.csv ---- */

static void w_dividend(wbuf *b, const org *o, int paid, int64_t cents) {
  w_str(b, o->id);
  w_chr(b, ';');
  w_date(b, paid);
  w_chr(b, ';');
  w_int(b, cents);
  w_chr(b, '\n');
}

/* SA d'HLM: small dividends (under 1 % of the nominal) some years.
 * Sociétés de coordination with a local company among their holders
 * (annex I §11: nominal x (Livret A + 1.5 points)): 1.5 % of the nominal,
 * lawful every year since 2021, but 3 % in 2022 for one (cap 2 %) and 6 %
 * in 2024 for another (cap 4.5 %). */
static int gen_dividends(gen_ctx *c) {
  const world *w = c->w;
  rng r;
  wbuf b;
  int i, y, rc;
  int64_t rows = 0;
  rng_init(&r, w->seed, STREAM_DIVIDENDS, 0);
  if ((rc = file_begin(c, &b, "dividends.csv", "dividends", 0)) < 0)
    return rc;
  w_str(&b, "company;paid;per_share_cents\n");
  for (i = 0; i < w->n_orgs; i++) {
    const org *o = &w->orgs[i];
    if (o->kind == HLM_KIND_ESH && rng_pm(&r, 300)) {
      for (y = 2016; y <= 2024; y++)
        if (rng_pm(&r, 600)) {
          int64_t d = o->nominal * rng_range(&r, 30, 90) / 10000;
          w_dividend(&b, o, YMD(y, 6, rng_range(&r, 10, 28)), d < 1 ? 1 : d);
          rows++;
        }
    } else if (o->kind == HLM_KIND_SOC_COORDINATION &&
               (o->cap_role == CAP_SC_LOCAL_OVER ||
                o->cap_role == CAP_SC_SEM45 || o->cap_role == CAP_SC_SEMOP ||
                (sc_members(w, i) >= 2 && rng_pm(&r, 300)))) {
      for (y = 2021; y <= 2025; y++) {
        int bp = 150;
        if (y == 2022 && o->cap_role == CAP_SC_LOCAL_OVER)
          bp = 300;
        if (y == 2024 && o->cap_role == CAP_SC_SEM45)
          bp = 600;
        w_dividend(&b, o, YMD(y, 5, rng_range(&r, 12, 28)),
                   o->nominal * bp / 10000);
        rows++;
      }
    }
  }
  return file_end(c, &b, rows);
}

/* ---- capital_ops.csv ---- */

static const char *const op_names[] = {
    "INCREASE_CASH",     "INCREASE_INCORPORATION", "INCREASE_LEGAL_MINIMUM",
    "AMORTIZATION",      "REDUCTION_BUYBACK",      "REDUCTION_NOMINAL"};

/* Capital operations of SA d'HLM, coopératives and sociétés de
 * coordination (L423-5): mostly cash increases; incorporations with the
 * minister's derogation; buybacks at the nominal.  Four unlawful ones: two
 * incorporations without derogation, an amortization, a buyback at four
 * times the nominal. */
static int gen_capital_ops(gen_ctx *c) {
  static const int kinds_w[] = {55, 8, 10, 0, 15, 5};
  const world *w = c->w;
  rng r;
  wbuf b;
  int i, rc, n = 0;
  int64_t rows = 0;
  int *order;
  rng_init(&r, w->seed, STREAM_OPS, 0);
  if ((rc = file_begin(c, &b, "capital_ops.csv", "capital_ops", 0)) < 0)
    return rc;
  w_str(&b, "company;date;kind;price_per_share_cents;derogation\n");
  order = shuffled(&r, w->n_orgs);
  if (!order) {
    file_end(c, &b, 0);
    return hlm_error_set(c->err, HLM_ENOMEM, "mémoire insuffisante");
  }
  for (i = 0; i < w->n_orgs && n < 36; i++) {
    const org *o = &w->orgs[order[i]];
    int k, m, y0;
    if (o->kind != HLM_KIND_ESH && o->kind != HLM_KIND_COOP &&
        o->kind != HLM_KIND_SOC_COORDINATION)
      continue;
    n++;
    m = 1 + (int)rng_below(&r, 2);
    y0 = o->kind == HLM_KIND_SOC_COORDINATION ? 2020 : 2012;
    for (k = 0; k < m; k++) {
      int kind = rng_weights(&r, kinds_w, 6), derog = -1;
      int64_t price = -1;
      if (n == 4 && k == 0)
        kind = 1, derog = 0; /* INCORPORATION_FORBIDDEN */
      else if (n == 9 && k == 0)
        kind = 1; /* the same, derogation left empty */
      else if (n == 14 && k == 0)
        kind = 3; /* AMORTIZATION_FORBIDDEN */
      else if (n == 19 && k == 0)
        kind = 4; /* BUYBACK_ABOVE_CAP */
      else if (kind == 1)
        derog = 1;
      if (kind == 4)
        price = n == 19 && k == 0 ? o->nominal * 4 : o->nominal;
      w_str(&b, o->id);
      w_chr(&b, ';');
      /* years apart, so that (company, date, kind) stays a key */
      w_date(&b, rng_date(&r, y0 + k * 6 + rng_range(&r, 0, 5)));
      w_chr(&b, ';');
      w_str(&b, op_names[kind]);
      w_chr(&b, ';');
      if (price >= 0)
        w_int(&b, price);
      w_chr(&b, ';');
      if (derog >= 0)
        w_int(&b, derog);
      w_chr(&b, '\n');
      rows++;
    }
  }
  free(order);
  return file_end(c, &b, rows);
}

/* ---- loans.csv ---- */

typedef struct loan_plan {
  int lender, borrower;
  int participating;
} loan_plan;

/* Advances and participating loans (L423-15, L423-16): from the
 * reference shareholder of an SA d'HLM (it holds the majority and its
 * votes give it control), from a société de coordination to a member of
 * its group (lawful from 2019-05-01 only).  Signed from 2012 to 2025, on
 * both sides of 2019-05-01; declared within days, disbursed after the
 * acceptance; a few unlawful: a lender holding under 5 %, a rate above
 * Livret A + 1.5 points (6.5 %: above it on every date), no declaration,
 * disbursed too early or despite an opposition, guarantor not informed. */
static int gen_loans(gen_ctx *c) {
  const world *w = c->w;
  rng r;
  wbuf b;
  int i, rc, n = 0;
  int64_t rows = 0;
  loan_plan plans_[64];
  int n_plans = 0;
  rng_init(&r, w->seed, STREAM_LOANS, 0);
  /* who may lend to whom */
  for (i = 1; i < w->n_holds && n_plans < 40; i++) {
    const holding *h = &w->holds[i];
    const org *co = &w->orgs[h->company];
    if (h->category == 1 && !h->pact && h->holder >= 0 &&
        co->cap_role == CAP_NONE && rng_pm(&r, 250)) {
      plans_[n_plans].lender = h->holder;
      plans_[n_plans].borrower = h->company;
      plans_[n_plans].participating = rng_pm(&r, 400);
      n_plans++;
    }
  }
  for (i = 0; i < w->n_orgs && n_plans < 52; i++) {
    const org *o = &w->orgs[i];
    int j;
    if (o->kind != HLM_KIND_SOC_COORDINATION || o->group < 0)
      continue;
    for (j = 0; j < w->n_orgs; j++)
      if (j != i && w->orgs[j].group == o->group &&
          (w->orgs[j].kind == HLM_KIND_ESH || w->orgs[j].kind == HLM_KIND_COOP)) {
        plans_[n_plans].lender = i;
        plans_[n_plans].borrower = j;
        plans_[n_plans].participating = rng_pm(&r, 300);
        n_plans++;
        break;
      }
  }
  /* a small category 4 holder lending (under 5 %: not eligible) */
  for (i = 0; i < w->n_holds && n_plans < 54; i++) {
    const holding *h = &w->holds[i];
    if (h->category == 4 && h->holder >= 0 &&
        h->shares * 20 < company_shares(w, h->company)) {
      plans_[n_plans].lender = h->holder;
      plans_[n_plans].borrower = h->company;
      plans_[n_plans].participating = 0;
      n_plans++;
      break;
    }
  }
  if ((rc = file_begin(c, &b, "loans.csv", "loans", 0)) < 0)
    return rc;
  w_str(&b, "id;lender;borrower;kind;amount_cents;rate_bp;signed;declared;"
            "opposition;opposed_by;disbursed;guarantor_informed\n");
  for (i = 0; i < n_plans; i++) {
    const loan_plan *p = &plans_[i];
    int sc = w->orgs[p->lender].kind == HLM_KIND_SOC_COORDINATION;
    int signed_on, declared, accepted, disbursed, opp = 0, guar;
    int rate = rng_range(&r, 90, 200);
    const char *opp_by = NULL;
    n++;
    /* a société de coordination lends from 2019-05-01, once in 2018 */
    signed_on = sc ? (n % 5 == 1 ? rng_date(&r, 2018)
                                 : rng_date(&r, rng_range(&r, 2019, 2024)))
                   : rng_date(&r, rng_range(&r, 2012, 2024));
    if (sc && n % 5 != 1 && signed_on < YMD(2019, 5, 1))
      signed_on = ymd_add(YMD(2019, 5, 1), rng_range(&r, 0, 200));
    if (n == 7)
      signed_on = YMD(2025, 6, 12); /* still PENDING on 2025-06-30 */
    declared = ymd_add(signed_on, rng_range(&r, 2, 12));
    accepted = signed_on >= YMD(2019, 5, 1) ? ymd_add(declared, 15)
                                            : ymd_add(declared, 61);
    disbursed = ymd_add(accepted, rng_range(&r, 5, 60));
    guar = rng_pm(&r, 150) ? -1 : 1;
    if (n == 3 || n == 21)
      rate = 650; /* RATE_ABOVE_CAP */
    if (n == 5 || n == 30)
      declared = 0; /* DECLARATION_MISSING */
    if (n == 9 || n == 26)
      disbursed = ymd_add(declared, 3); /* DISBURSED_BEFORE_ACCEPTANCE */
    if (n == 11 || n == 24)
      guar = 0; /* GUARANTOR_NOT_INFORMED */
    if (n == 13 && declared) { /* opposed by one minister: enough from 2019 */
      opp = ymd_add(declared, 9);
      opp_by = "HOUSING";
      disbursed = signed_on >= YMD(2019, 5, 1) ? 0 : disbursed;
    }
    if (n == 17 && declared) { /* both ministers; disbursed anyway */
      opp = ymd_add(declared, 10);
      opp_by = "BOTH";
    }
    if (n == 7) {
      declared = YMD(2025, 6, 20); /* accepted on 2025-07-05 */
      disbursed = 0;
    }
    w_str(&b, "PRET-");
    w_intw(&b, signed_on / 10000, 4);
    w_chr(&b, '-');
    w_intw(&b, n, 3);
    w_chr(&b, ';');
    w_str(&b, w->orgs[p->lender].id);
    w_chr(&b, ';');
    w_str(&b, w->orgs[p->borrower].id);
    w_chr(&b, ';');
    w_str(&b, p->participating ? "PARTICIPATING_LOAN" : "ADVANCE");
    w_chr(&b, ';');
    w_int(&b, (int64_t)rng_range(&r, 2, 80) * 5000000); /* 50 k to 4 M */
    w_chr(&b, ';');
    w_int(&b, rate);
    w_chr(&b, ';');
    w_date(&b, signed_on);
    w_chr(&b, ';');
    w_date(&b, declared);
    w_chr(&b, ';');
    w_date(&b, opp);
    w_chr(&b, ';');
    if (opp_by)
      w_str(&b, opp_by);
    w_chr(&b, ';');
    w_date(&b, disbursed > DEMO_AS_OF ? 0 : disbursed);
    w_chr(&b, ';');
    if (guar >= 0)
      w_int(&b, guar);
    w_chr(&b, '\n');
    rows++;
  }
  return file_end(c, &b, rows);
}

/* ---- financials.csv ---- */

#define FIN_FIRST 2005 /* exercises 2005-2011: levy years 2011 and 2012 */
#define FIN_LAST 2011  /* (five growth rates need six exercises) */

/* Five and more years of accounts for every organism with a stock: its
 * dwellings on 31 December (growing back from today's stock by 0-4 % a
 * year, one of them by 10 %, which takes its cap rate to 0), those
 * acquired from other HLM organisms, rents (about 5 000 to 7 000 EUR a
 * dwelling), financial income, and the financial potential: per dwelling,
 * a draw from bands around the L423-14 scale (under 900 EUR for about
 * two organisms in five, above 3 000 EUR for a few).  One organism misses
 * an exercise, another its rents of 2011: MISSING_FACT. */
static int gen_financials(gen_ctx *c) {
  static const int band_w[] = {40, 33, 15, 8, 4};
  static const int band_lo[] = {20000, 90000, 150000, 200000, 300000};
  static const int band_hi[] = {89999, 149999, 199999, 299999, 520000};
  const world *w = c->w;
  rng r;
  wbuf b;
  int i, e, rc, n = 0, fast = 0;
  int64_t rows = 0;
  rng_init(&r, w->seed, STREAM_FINANCIALS, 0);
  if ((rc = file_begin(c, &b, "financials.csv", "financials", 0)) < 0)
    return rc;
  w_str(&b, "organism;exercise;financial_potential_cents;dwellings;"
            "dwellings_acquired_social;rents_cents;financial_income_cents\n");
  for (i = 0; i < w->n_orgs; i++) {
    const org *o = &w->orgs[i];
    int64_t dw[FIN_LAST - FIN_FIRST + 1], acq[FIN_LAST - FIN_FIRST + 1];
    int64_t per = 0, rent;
    int band, growth_hi;
    if (!is_counting(o->kind) || o->stock == 0)
      continue;
    n++;
    band = rng_weights(&r, band_w, 5);
    per = rng_range(&r, band_lo[band], band_hi[band]);
    rent = rng_range(&r, 480000, 700000);
    growth_hi = !fast && n % 37 == 20 ? 120 : 40;
    fast += growth_hi == 120;
    dw[FIN_LAST - FIN_FIRST] = o->stock * rng_range(&r, 820, 940) / 1000;
    if (dw[FIN_LAST - FIN_FIRST] < 1)
      dw[FIN_LAST - FIN_FIRST] = 1;
    for (e = FIN_LAST; e >= FIN_FIRST; e--) {
      int k = e - FIN_FIRST;
      int g = rng_range(&r, growth_hi == 120 ? 90 : 0, growth_hi);
      acq[k] = dw[k] * rng_range(&r, 0, g / 4) / 1000;
      if (k > 0) {
        /* the decrement rounded down: small stocks do not jump */
        dw[k - 1] = dw[k] - dw[k] * g / (1000 + g);
      }
    }
    for (e = FIN_FIRST; e <= FIN_LAST; e++) {
      int k = e - FIN_FIRST;
      int64_t rents = dw[k] * rent * (1000 + 15 * k) / 1000;
      if (n == 12 && e == 2008)
        continue; /* an exercise missing */
      w_str(&b, o->id);
      w_chr(&b, ';');
      w_int(&b, e);
      w_chr(&b, ';');
      w_int(&b, dw[k] * per * rng_range(&r, 940, 1060) / 1000);
      w_chr(&b, ';');
      w_int(&b, dw[k]);
      w_chr(&b, ';');
      w_int(&b, acq[k]);
      w_chr(&b, ';');
      if (!(n == 25 && e == FIN_LAST))
        w_int(&b, rents);
      w_chr(&b, ';');
      w_int(&b, rents * rng_range(&r, 8, 40) / 1000);
      w_chr(&b, '\n');
      rows++;
    }
  }
  return file_end(c, &b, rows);
}

/* ---- cooperation.csv, services.csv, usage.csv, invoices.csv ---- */

#define COOP_MAX_MEMBERS 12
#define COOP_MAX_SERVICES 5

static const char *const service_names[] = {
    "INFORMATIQUE", "PAIE", "ACHATS", "JURIDIQUE", "CENTRE-APPELS"};

typedef struct coop_struct {
  int structure;
  int members[COOP_MAX_MEMBERS];
  int joined[COOP_MAX_MEMBERS], convention[COOP_MAX_MEMBERS];
  int n_members;
  int n_services;
} coop_struct;

/* One (service, period): its cost and each member's units. */
typedef struct coop_line {
  int s, service;
  char period[8];
  int64_t cost;
  int64_t units[COOP_MAX_MEMBERS];
} coop_line;

typedef struct coop_model {
  coop_struct st[4];
  int n_st;
  coop_line lines[4 * (COOP_MAX_SERVICES * 2 + 6)];
  int n_lines;
} coop_model;

static void coop_add(coop_struct *s, int member, int joined, int conv) {
  int k;
  if (member < 0 || s->n_members >= COOP_MAX_MEMBERS)
    return;
  for (k = 0; k < s->n_members; k++)
    if (s->members[k] == member)
      return;
  s->members[s->n_members] = member;
  s->joined[s->n_members] = joined;
  s->convention[s->n_members] = conv;
  s->n_members++;
}

static void coop_line_add(coop_model *m, rng *r, int s, int service,
                          const char *period, int64_t cost, int no_usage) {
  coop_line *l = &m->lines[m->n_lines++];
  int k;
  memset(l, 0, sizeof *l);
  l->s = s;
  l->service = service;
  snprintf(l->period, sizeof l->period, "%s", period);
  l->cost = cost;
  for (k = 0; k < m->st[s].n_members; k++)
    l->units[k] = no_usage || rng_pm(r, 100) ? 0 : rng_range(r, 1, 500);
}

/* The model behind the four files: the three cooperation structures of
 * the world, members of their region (offices, ESH, coopératives, SEM
 * agréées), an organism agréé L365-1 and Action Logement in the first; a
 * SEM subsidiary of an office (allowed) and an SPL subsidiary of a SEM
 * agréée (not) in the second; a plain SEM (not allowed) and a member
 * without convention in the third.  Yearly services for 2023 and 2024, a
 * monthly call centre in 2024 (January to June), one service nobody used. */
static void coop_build(const world *w, coop_model *m) {
  rng r;
  int i, s, k;
  memset(m, 0, sizeof *m);
  rng_init(&r, w->seed, STREAM_COOPERATION, 0);
  for (i = 0; i < w->n_orgs && m->n_st < 3; i++)
    if (w->orgs[i].kind == HLM_KIND_COOPERATION_STRUCTURE)
      m->st[m->n_st++].structure = i;
  for (s = 0; s < m->n_st; s++) {
    coop_struct *st = &m->st[s];
    const org *so = &w->orgs[st->structure];
    int want = 4 + (int)rng_below(&r, 4), t;
    for (t = 0; t < 4000 && st->n_members < want; t++) {
      int x = (int)rng_below(&r, (uint32_t)w->n_orgs);
      const org *o = &w->orgs[x];
      int j = rng_date(&r, rng_range(&r, 2013, 2022));
      if ((o->kind == HLM_KIND_OPH || o->kind == HLM_KIND_ESH ||
           o->kind == HLM_KIND_COOP || o->kind == HLM_KIND_SEM_AGREE) &&
          (t > 3000 || same_region(o->dept, so->dept)))
        coop_add(st, x, j, ymd_add(j, rng_range(&r, 0, 60)));
    }
    for (i = 0; i < w->n_orgs; i++) {
      const org *o = &w->orgs[i];
      int j = rng_date(&r, rng_range(&r, 2017, 2022));
      if (s == 0 && (o->kind == HLM_KIND_AGREE_L365_1 ||
                     o->kind == HLM_KIND_ACTION_LOGEMENT))
        coop_add(st, i, j, ymd_add(j, 20));
      if (s == 1 && o->subsidiary_of >= 0 &&
          (o->kind == HLM_KIND_SEM || o->kind == HLM_KIND_SPL))
        coop_add(st, i, j, ymd_add(j, 20));
      if (s == 2 && o->kind == HLM_KIND_SEM && o->subsidiary_of < 0 &&
          st->n_members < want + 1)
        coop_add(st, i, j, ymd_add(j, 20));
    }
    if (s == 2 && st->n_members > 1)
      st->convention[1] = 0; /* CONVENTION_MISSING */
    st->n_services = 3 + (int)rng_below(&r, 2);
    for (k = 0; k < st->n_services; k++) {
      coop_line_add(m, &r, s, k, "2023",
                    (int64_t)rng_range(&r, 5000, 200000) * 1000 +
                        rng_range(&r, 0, 999),
                    0);
      coop_line_add(m, &r, s, k, "2024",
                    (int64_t)rng_range(&r, 5000, 200000) * 1000 +
                        rng_range(&r, 0, 999),
                    s == 2 && k == st->n_services - 1);
    }
    if (s == 0) {
      char p[8];
      for (k = 1; k <= 6; k++) {
        snprintf(p, sizeof p, "2024-%02d", k);
        coop_line_add(m, &r, s, 4, p, (int64_t)rng_range(&r, 800000, 1500000),
                      0);
      }
    }
  }
}

/* Allocation of one line at cost, by the library's rule (L423-6,
 * hlm_cost_allocate): what the invoices must say to be right.  out[k] for
 * member k; all 0 when no member used the service.  HLM_OK or
 * HLM_ENOMEM. */
static int coop_allocate(const world *w, const coop_struct *st,
                         const coop_line *l, int64_t *out) {
  const char *ids[COOP_MAX_MEMBERS];
  int64_t total = 0;
  int k, n = st->n_members;
  for (k = 0; k < n; k++) {
    ids[k] = w->orgs[st->members[k]].id;
    total += l->units[k];
    out[k] = 0;
  }
  if (total == 0)
    return HLM_OK;
  return hlm_cost_allocate(l->cost, ids, l->units, (size_t)n, out) < 0
             ? HLM_ENOMEM
             : HLM_OK;
}

static int gen_cooperation(gen_ctx *c) {
  const world *w = c->w;
  coop_model m;
  wbuf b;
  int s, k, rc;
  int64_t rows = 0;
  coop_build(w, &m);
  if ((rc = file_begin(c, &b, "cooperation.csv", "cooperation", 0)) < 0)
    return rc;
  w_str(&b, "structure;member;joined;convention_signed\n");
  for (s = 0; s < m.n_st; s++)
    for (k = 0; k < m.st[s].n_members; k++) {
      w_str(&b, w->orgs[m.st[s].structure].id);
      w_chr(&b, ';');
      w_str(&b, w->orgs[m.st[s].members[k]].id);
      w_chr(&b, ';');
      w_date(&b, m.st[s].joined[k]);
      w_chr(&b, ';');
      w_date(&b, m.st[s].convention[k]);
      w_chr(&b, '\n');
      rows++;
    }
  return file_end(c, &b, rows);
}

static int gen_services(gen_ctx *c) {
  const world *w = c->w;
  coop_model m;
  wbuf b;
  int i, rc;
  coop_build(w, &m);
  if ((rc = file_begin(c, &b, "services.csv", "services", 0)) < 0)
    return rc;
  w_str(&b, "structure;service;period;cost_cents\n");
  for (i = 0; i < m.n_lines; i++) {
    const coop_line *l = &m.lines[i];
    w_str(&b, w->orgs[m.st[l->s].structure].id);
    w_chr(&b, ';');
    w_str(&b, service_names[l->service]);
    w_chr(&b, ';');
    w_str(&b, l->period);
    w_chr(&b, ';');
    w_int(&b, l->cost);
    w_chr(&b, '\n');
  }
  return file_end(c, &b, m.n_lines);
}

static int gen_usage(gen_ctx *c) {
  const world *w = c->w;
  coop_model m;
  wbuf b;
  int i, k, rc;
  int64_t rows = 0;
  coop_build(w, &m);
  if ((rc = file_begin(c, &b, "usage.csv", "usage", 0)) < 0)
    return rc;
  w_str(&b, "structure;service;period;member;units\n");
  for (i = 0; i < m.n_lines; i++) {
    const coop_line *l = &m.lines[i];
    const coop_struct *st = &m.st[l->s];
    int all_zero = 1;
    for (k = 0; k < st->n_members; k++)
      all_zero &= l->units[k] == 0;
    if (all_zero)
      continue; /* nobody used it: NO_USAGE */
    for (k = 0; k < st->n_members; k++) {
      w_str(&b, w->orgs[st->structure].id);
      w_chr(&b, ';');
      w_str(&b, service_names[l->service]);
      w_chr(&b, ';');
      w_str(&b, l->period);
      w_chr(&b, ';');
      w_str(&b, w->orgs[st->members[k]].id);
      w_chr(&b, ';');
      w_int(&b, l->units[k]);
      w_chr(&b, '\n');
      rows++;
    }
  }
  return file_end(c, &b, rows);
}

/* Each member's invoice per period: the exact sum of its allocations,
 * except two (BILLING_NOT_AT_COST): one overcharged by 123.45 EUR, one
 * never invoiced. */
static int gen_invoices(gen_ctx *c) {
  const world *w = c->w;
  coop_model m;
  wbuf b;
  int i, j, k, rc;
  int64_t rows = 0;
  coop_build(w, &m);
  if ((rc = file_begin(c, &b, "invoices.csv", "invoices", 0)) < 0)
    return rc;
  w_str(&b, "structure;member;period;amount_cents\n");
  for (i = 0; i < m.n_lines; i++) {
    const coop_line *l = &m.lines[i];
    const coop_struct *st = &m.st[l->s];
    int64_t total[COOP_MAX_MEMBERS], a[COOP_MAX_MEMBERS];
    int seen = 0;
    /* one invoice per (structure, period): at its first line */
    for (j = 0; j < i; j++)
      seen |= m.lines[j].s == l->s && strcmp(m.lines[j].period, l->period) == 0;
    if (seen)
      continue;
    memset(total, 0, sizeof total);
    for (j = i; j < m.n_lines; j++)
      if (m.lines[j].s == l->s && strcmp(m.lines[j].period, l->period) == 0) {
        if (coop_allocate(w, st, &m.lines[j], a) < 0) {
          file_end(c, &b, rows);
          return hlm_error_set(c->err, HLM_ENOMEM, "mémoire insuffisante");
        }
        for (k = 0; k < st->n_members; k++)
          total[k] += a[k];
      }
    for (k = 0; k < st->n_members; k++) {
      int64_t amount = total[k];
      if (l->s == 1 && k == 0 && strcmp(l->period, "2024") == 0)
        amount += 12345;
      if (l->s == 2 && k == 2 && strcmp(l->period, "2023") == 0)
        continue;
      w_str(&b, w->orgs[st->structure].id);
      w_chr(&b, ';');
      w_str(&b, w->orgs[st->members[k]].id);
      w_chr(&b, ';');
      w_str(&b, l->period);
      w_chr(&b, ';');
      w_int(&b, amount);
      w_chr(&b, '\n');
      rows++;
    }
  }
  return file_end(c, &b, rows);
}

/* The file generators, in import order.  The capital and money files
 * come after the RPLS ones, each with its own PRNG stream (the cap tables
 * with build_capital's), so that they change none of the files above. */
static const struct generator {
  const char *what;
  int (*fn)(gen_ctx *c);
} generators[] = {
    {"organisms", gen_organisms}, {"groups", gen_groups},
    {"foyers", gen_foyers},       {"rpls 2020", gen_rpls_early},
    {"rpls 2025", gen_rpls_latest},
    {"holdings", gen_holdings},   {"statutes", gen_statutes},
    {"transfers", gen_transfers}, {"dividends", gen_dividends},
    {"capital_ops", gen_capital_ops}, {"loans", gen_loans},
    {"financials", gen_financials}, {"cooperation", gen_cooperation},
    {"services", gen_services},   {"usage", gen_usage},
    {"invoices", gen_invoices},
};

int demo_generate(const demo_opts *o, const char *dir, demo_summary *sum,
                  hlm_error *err) {
  world w;
  gen_ctx c;
  size_t g;
  int i, rc;
  memset(sum, 0, sizeof *sum);
  sum->seed = o->seed;
  if (o->dwellings < DEMO_DWELLINGS_MIN || o->dwellings > DEMO_DWELLINGS_MAX)
    return hlm_error_set(err, HLM_EUSAGE,
                         "nombre de logements hors des bornes (%d à %d)",
                         DEMO_DWELLINGS_MIN, DEMO_DWELLINGS_MAX);
  if ((rc = build_world(&w, o)) < 0 || (rc = build_capital(&w)) < 0) {
    free(w.orgs);
    free(w.holds);
    return hlm_error_set(err, rc, "mémoire insuffisante");
  }
  for (i = 0; i < w.n_orgs; i++) {
    const org *g2 = &w.orgs[i];
    sum->orgs_per_kind[g2->kind]++;
    if (is_counting(g2->kind) && g2->stock == 0)
      sum->orgs_without_stock++;
    if (g2->stock > sum->largest_stock)
      sum->largest_stock = g2->stock;
  }
  sum->n_orgs = w.n_orgs;
  for (i = 0; i < w.n_groups; i++) {
    if (w.groups[i].soc_coordination)
      sum->groups_soc_coordination++;
    else
      sum->groups_control++;
  }
  memset(&c, 0, sizeof c);
  c.w = &w;
  c.dir = dir;
  c.sum = sum;
  c.opts = o;
  c.err = err;
  c.total = w.n * 2; /* both years, about */
  rc = HLM_OK;
  for (g = 0; g < sizeof generators / sizeof generators[0] && rc == HLM_OK;
       g++)
    rc = generators[g].fn(&c);
  if (rc == HLM_OK && o->progress)
    o->progress(o->progress_ctx, c.total, c.total);
  free(w.orgs);
  free(w.holds);
  return rc;
}

void demo_summary_free(demo_summary *sum) {
  if (!sum)
    return;
  free(sum->files);
  sum->files = NULL;
  sum->n_files = 0;
}
