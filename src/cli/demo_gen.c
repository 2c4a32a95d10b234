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
  STREAM_SUBMIT = 5  /* texts of the submission files */
  /* capital and money files: take the next numbers */
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
    /* share_nominal_cents, subsidiary_of, controlled_by: with the capital
     * generators */
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

/* The file generators, in import order.  The capital and money files
 * (holdings, statutes, transfers, dividends, capital_ops, loans,
 * financials, cooperation, services, usage, invoices) go here, each with
 * its own PRNG stream. */
static const struct generator {
  const char *what;
  int (*fn)(gen_ctx *c);
} generators[] = {
    {"organisms", gen_organisms}, {"groups", gen_groups},
    {"foyers", gen_foyers},       {"rpls 2020", gen_rpls_early},
    {"rpls 2025", gen_rpls_latest},
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
  if ((rc = build_world(&w, o)) < 0) {
    free(w.orgs);
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
  return rc;
}

void demo_summary_free(demo_summary *sum) {
  if (!sum)
    return;
  free(sum->files);
  sum->files = NULL;
  sum->n_files = 0;
}
