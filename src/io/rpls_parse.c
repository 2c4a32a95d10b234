/*
 * rpls_parse.c: the RPLS line parser — the two official shapes (spec
 * rpls.md), their header lines, and the check of every field of every
 * dwelling line against its format and code list.
 *
 * Sources: arrêté du 5 janvier 2010 (NOR DEVU0929020A), article 3, tables
 * 1 (header) and 2 (dwelling lines, 64 positions); the SDES open-data
 * "données détaillées au logement" column names (current and older).
 *
 * The line checker is the hot path of `hlm rpls validate` and of the
 * import: it splits a line in one pass over its bytes, checks each field
 * with a small switch, and types the values into an rpls_row whose text
 * values point into the line (nothing is copied, nothing allocated).
 *
 * Readings applied where the sources are silent (rpls.md "unconfirmed"):
 *   - TYPECONST: 'C' and 'I' (arrêté), and 'E' for the third value of
 *     TYPECONST_LIBELLE (student housing), whose letter is unconfirmed;
 *   - QPV_CODE: either 1/2 (oui/non, as position 22) or a quartier code
 *     (two capital letters then six digits, e.g. QP075001, QN07501M is not
 *     accepted); both are accepted;
 *   - open-data dates: the arrêté's jj/mm/aaaa and mm/aaaa, and the ISO
 *     forms aaaa-mm-jj / aaaa-mm, are all accepted.
 * Each reading met in a file is counted and reported in the notes.
 *
 * Values the count needs: in open-data files the owner, DEPCOM and CONV
 * must be filled; CONSTRUCT, PATRIMOINE and ORIGINE may be empty (unknown:
 * the line then meets no condition that needs them, as
 * hlm_dwelling_classify says).  In submission files the positions 3, 4,
 * 23 to 26, 28, 29, 32 and 34 are required.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/csv.h"
#include "hlm/alloc.h"
#include "hlm/date.h"
#include "hlm/model.h"
#include "io/rpls_int.h"
#include "io/table.h"

#define SHOW 40 /* bytes of a bad value quoted in a message */

#define RPLS_X_INFO(id, name, kind) {name, RPLS_KIND_##kind},
const rpls_colinfo hlm__rpls_cols[DW_NSTORED] = {RPLS_COLUMNS(RPLS_X_INFO)};
#undef RPLS_X_INFO

/* ---- field checks ---- */

enum {
  CK_NONE,     /* accepted, not checked, not stored */
  CK_TEXT,     /* at most max characters */
  CK_CODE,     /* integer code in the mask (values 0..127), width digits */
  CK_INT,      /* unsigned integer of at most width digits */
  CK_SINT,     /* integer of at most width digits, may start with '-' */
  CK_YEAR,     /* aaaa, 1800 .. millésime */
  CK_YEAR_ANY, /* aaaa, 1800 .. 2200 (dates to come, e.g. an expiry) */
  CK_DMY,      /* jj/mm/aaaa */
  CK_MY,       /* mm/aaaa */
  CK_DATE_OD,  /* jj/mm/aaaa or aaaa-mm-jj */
  CK_MONTH_OD, /* mm/aaaa, aaaa-mm, jj/mm/aaaa or aaaa-mm-jj (month kept) */
  CK_DEPCOM,   /* commune code of the COG */
  CK_DEPT,     /* département code */
  CK_POSTAL,   /* 5 digits */
  CK_SIREN,    /* 9 digits, Luhn key */
  CK_SIRET,    /* 14 digits, Luhn keys */
  CK_CLASS,    /* A to G */
  CK_TYPECONST,
  CK_QPV,      /* 1/2 or a quartier code */
  CK_RPLSNUM   /* ministry internal number: 1..9 letters or digits */
};

struct rpls_field {
  int col;                 /* DW_* where the value is stored, -1 none */
  unsigned char ck;
  unsigned char required;  /* an empty value is an error */
  unsigned char width;     /* CK_CODE: exact digits (0: any up to 3);
                              CK_INT: most digits */
  unsigned short max;      /* CK_TEXT: most characters */
  uint64_t mask[2];        /* CK_CODE: allowed values */
  const char *list;        /* CK_CODE: the list, for messages */
  const char *label;       /* submission: "pos 26 (année d'achèvement)" */
  /* set in ctx->flat (field_finish): */
  unsigned char as_text;   /* the value is kept as its place in the line
                              (TEXT column, owner) */
  unsigned char set_word;  /* rpls_row.set[set_word] |= set_bit */
  uint64_t set_bit;
};

#define M1(v) ((v) < 64 ? (1ULL << (v)) : 0ULL)
#define M2(v) ((v) >= 64 ? (1ULL << ((v)-64)) : 0ULL)
#define RANGE_MASK(lo, hi) ((((hi) >= 63 ? ~0ULL : ((1ULL << ((hi) + 1)) - 1)) \
                            >> (lo)) << (lo))
#define CODES(lo, hi) RANGE_MASK(lo, hi), 0
#define MASK(m) m, 0

/* Financing codes of position 32 (FINAN_CODE). */
#define FINAN_MASK RANGE_MASK(10, 17) | M1(49) | RANGE_MASK(50, 55), M2(99)
#define FINAN_LIST                                                             \
  "10 à 17 (à partir de 1977), 49, 50 à 55 (avant 1977), 99"

#define TEXT(c, req, mx, lab) {c, CK_TEXT, req, 0, mx, {0, 0}, NULL, lab, 0, 0, 0}
#define CODE(c, req, w, m, lst, lab) {c, CK_CODE, req, w, 0, {m}, lst, lab, 0, 0, 0}
#define SIMPLE(c, ck, req, w, lab) {c, ck, req, w, 0, {0, 0}, NULL, lab, 0, 0, 0}

/* Table 2 of article 3: the 64 positions of a dwelling line. */
static const rpls_field sub_fields[64] = {
    TEXT(DW_RPLS_ID, 0, 10, "pos 1 (identifiant au répertoire)"),
    TEXT(DW_SI_ID, 0, 100, "pos 2 (identifiant chez le bailleur)"),
    CODE(DW_DROIT, 1, 1, CODES(1, 5), "1 à 5", "pos 3 (type de droit)"),
    SIMPLE(DW_DEPCOM, CK_DEPCOM, 1, 0, "pos 4 (code commune)"),
    SIMPLE(DW_CODEPOSTAL, CK_POSTAL, 0, 0, "pos 5 (code postal)"),
    TEXT(DW_LIBCOM, 0, 50, "pos 6 (libellé de la commune)"),
    TEXT(DW_NUMVOIE, 0, 5, "pos 7 (numéro de voirie)"),
    TEXT(DW_INDREP, 0, 5, "pos 8 (indice de répétition)"),
    TEXT(DW_TYPVOIE, 0, 15, "pos 9 (type de voie)"),
    TEXT(DW_NOMVOIE, 0, 60, "pos 10 (nom de voie)"),
    TEXT(DW_NUMAPPT, 0, 5, "pos 11 (numéro d'appartement)"),
    TEXT(DW_NUMBOITE, 0, 5, "pos 12 (numéro de boîte aux lettres)"),
    TEXT(DW_ESCALIER, 0, 3, "pos 13 (escalier)"),
    TEXT(DW_COULOIR, 0, 3, "pos 14 (couloir)"),
    TEXT(DW_ETAGE, 0, 2, "pos 15 (étage)"),
    TEXT(DW_COMPLIDENT, 0, 50, "pos 16 (complément d'identification)"),
    TEXT(DW_ENTREE, 0, 3, "pos 17 (entrée)"),
    TEXT(DW_BATIMENT, 0, 50, "pos 18 (bâtiment)"),
    TEXT(DW_IMMEUBLE, 0, 50, "pos 19 (immeuble)"),
    TEXT(DW_PROGRAMME, 0, 100, "pos 20 (programme immobilier)"),
    TEXT(DW_LIEUDIT, 0, 60, "pos 21 (lieudit)"),
    CODE(DW_QPV, 0, 1, CODES(1, 2), "1 oui, 2 non",
         "pos 22 (zone urbaine sensible)"),
    SIMPLE(DW_TYPECONST, CK_TYPECONST, 1, 0, "pos 23 (type de construction)"),
    CODE(DW_NBPIECE, 1, 1, CODES(1, 9), "1 à 9",
         "pos 24 (nombre de pièces)"),
    SIMPLE(DW_SURFHAB, CK_INT, 1, 3, "pos 25 (surface habitable)"),
    SIMPLE(DW_CONSTRUCT, CK_YEAR, 1, 0, "pos 26 (année d'achèvement)"),
    SIMPLE(DW_LOCAT, CK_YEAR, 0, 0, "pos 27 (année de première location)"),
    SIMPLE(DW_PATRIMOINE, CK_YEAR, 1, 0,
           "pos 28 (année d'entrée dans le patrimoine)"),
    CODE(DW_ORIGINE, 1, 1, CODES(1, 4), "1 à 4",
         "pos 29 (mode d'entrée dans le patrimoine)"),
    TEXT(DW_PREV_OWNER, 0, 100, "pos 30 (précédent propriétaire)"),
    SIMPLE(DW_PREV_SIRET, CK_SIRET, 0, 0,
           "pos 31 (SIRET du précédent propriétaire)"),
    CODE(DW_FINAN, 1, 2, FINAN_MASK, FINAN_LIST,
         "pos 32 (financement initial)"),
    TEXT(DW_FINANAUTRE, 0, 30, "pos 33 (libellé du financement autre)"),
    CODE(DW_CONV, 1, 1, CODES(1, 2), "1 oui, 2 non",
         "pos 34 (conventionnement APL)"),
    TEXT(DW_NUMCONV, 0, 35, "pos 35 (numéro de convention)"),
    SIMPLE(DW_DATCONV, CK_DMY, 0, 0, "pos 36 (date d'effet de la convention)"),
    CODE(DW_SORTIE, 0, 1, MASK(RANGE_MASK(1, 5) | M1(9)), "1 à 5, 9",
         "pos 37 (motif de sortie)"),
    CODE(DW_DISPARITION, 0, 1, CODES(1, 2), "1, 2",
         "pos 38 (logement disparu, surface conservée)"),
    CODE(DW_CREATION, 0, 1, CODES(1, 2), "1, 2",
         "pos 39 (logement créé sur une surface existante)"),
    CODE(DW_OCCUPATION, 0, 1, MASK(RANGE_MASK(1, 5) | M1(9)), "1 à 5, 9",
         "pos 40 (mode d'occupation)"),
    SIMPLE(DW_BAIL, CK_MY, 0, 0, "pos 41 (date d'effet du bail)"),
    CODE(DW_MODESURF, 0, 1, MASK(RANGE_MASK(1, 3) | M1(9)), "1, 2, 3, 9",
         "pos 42 (mode d'évaluation de la surface)"),
    SIMPLE(DW_SURFLOYER, CK_INT, 0, 3, "pos 43 (surface du loyer)"),
    SIMPLE(DW_LOYERPRINC, CK_INT, 0, 4, "pos 44 (loyer principal)"),
    SIMPLE(DW_LOYERACC, CK_INT, 0, 3, "pos 45 (loyers accessoires)"),
    SIMPLE(DW_CONTRIB, CK_INT, 0, 3, "pos 46 (contribution économies de "
                                     "charges)"),
    CODE(DW_CUS, 0, 2, MASK(M1(11) | M1(13) | M1(14) | M1(16)),
         "11, 13, 14, 16", "pos 47 (plafond de ressources CUS)"),
    SIMPLE(DW_DPEDATE, CK_MY, 0, 0, "pos 48 (date du DPE)"),
    SIMPLE(DW_DPEENERGIE, CK_CLASS, 0, 0, "pos 49 (classe énergie)"),
    SIMPLE(DW_DPESERRE, CK_CLASS, 0, 0, "pos 50 (classe effet de serre)"),
    SIMPLE(DW_SRU_EXPIR, CK_YEAR_ANY, 0, 0,
           "pos 51 (année d'expiration de la convention)"),
    CODE(DW_SRU_ALINEA, 0, 1, CODES(1, 3), "1 à 3",
         "pos 52 (alinéa d'affectation SRU)"),
    SIMPLE(DW_MANAGER_RPLS, CK_RPLSNUM, 0, 0,
           "pos 53 (numéro de l'organisme gestionnaire)"),
    TEXT(DW_CODSEGPATRIM, 0, 20, "pos 54 (segment de patrimoine CUS)"),
    TEXT(DW_LIBSEGPATRIM, 0, 50, "pos 55 (libellé du segment CUS)"),
    SIMPLE(DW_LOYERMAX_APL, CK_INT, 0, 4, "pos 56 (loyer maximal APL)"),
    SIMPLE(DW_LOYERMAX_CUS, CK_INT, 0, 4, "pos 57 (loyer maximal CUS)"),
    CODE(DW_VENTE_TYPE, 0, 2, CODES(1, 10), "01 à 10",
         "pos 58 (type de vente)"),
    CODE(DW_MISE_VENTE, 0, 1, CODES(1, 2), "1, 2",
         "pos 59 (mise en commercialisation)"),
    SIMPLE(DW_PRIX_VENTE, CK_INT, 0, 7, "pos 60 (prix de vente)"),
    SIMPLE(DW_PRODUIT_VENTE, CK_SINT, 0, 6, "pos 61 (produit financier net)"),
    SIMPLE(DW_DATE_OFFRE, CK_MY, 0, 0,
           "pos 62 (dernière date d'offre à la location)"),
    CODE(DW_CONTINGENT, 0, 1, CODES(1, 7), "1 à 7",
         "pos 63 (contingent de réservation)"),
    TEXT(DW_COMMENTAIRE, 0, 200, "pos 64 (commentaire)"),
};

/* Open-data fields; od_fields[k] may have several names (od_names). */
static const rpls_field od_owner = SIMPLE(DW_OWNER, CK_SIREN, 1, 0, NULL);
static const rpls_field od_manager = SIMPLE(DW_MANAGER, CK_SIREN, 0, 0, NULL);
static const rpls_field od_depcom = SIMPLE(DW_DEPCOM, CK_DEPCOM, 1, 0, NULL);
static const rpls_field od_postal = SIMPLE(DW_CODEPOSTAL, CK_POSTAL, 0, 0,
                                           NULL);
static const rpls_field od_dep = SIMPLE(DW_DEP_CODE, CK_DEPT, 0, 0, NULL);
static const rpls_field od_reg = TEXT(DW_REG_CODE, 0, 3, NULL);
static const rpls_field od_epci = TEXT(DW_EPCI_CODE, 0, 9, NULL);
static const rpls_field od_libcom = TEXT(DW_LIBCOM, 0, 100, NULL);
static const rpls_field od_numvoie = TEXT(DW_NUMVOIE, 0, 20, NULL);
static const rpls_field od_indrep = TEXT(DW_INDREP, 0, 20, NULL);
static const rpls_field od_typvoie = TEXT(DW_TYPVOIE, 0, 50, NULL);
static const rpls_field od_nomvoie = TEXT(DW_NOMVOIE, 0, 200, NULL);
static const rpls_field od_etage = TEXT(DW_ETAGE, 0, 20, NULL);
static const rpls_field od_complgeo = TEXT(DW_COMPLIDENT, 0, 200, NULL);
static const rpls_field od_lieudit = TEXT(DW_LIEUDIT, 0, 200, NULL);
static const rpls_field od_immeu = TEXT(DW_IMMEUBLE, 0, 100, NULL);
static const rpls_field od_qpv = SIMPLE(DW_QPV, CK_QPV, 0, 0, NULL);
static const rpls_field od_droit =
    CODE(DW_DROIT, 0, 1, CODES(1, 5), "1 à 5", NULL);
static const rpls_field od_typeconst =
    SIMPLE(DW_TYPECONST, CK_TYPECONST, 0, 0, NULL);
static const rpls_field od_nbpiece =
    CODE(DW_NBPIECE, 0, 1, CODES(1, 9), "1 à 9", NULL);
static const rpls_field od_surfhab = SIMPLE(DW_SURFHAB, CK_INT, 0, 3, NULL);
static const rpls_field od_construct = SIMPLE(DW_CONSTRUCT, CK_YEAR, 0, 0,
                                              NULL);
static const rpls_field od_locat = SIMPLE(DW_LOCAT, CK_YEAR, 0, 0, NULL);
static const rpls_field od_patrimoine = SIMPLE(DW_PATRIMOINE, CK_YEAR, 0, 0,
                                               NULL);
static const rpls_field od_origine =
    CODE(DW_ORIGINE, 0, 1, CODES(1, 4), "1 à 4", NULL);
static const rpls_field od_finan =
    CODE(DW_FINAN, 0, 2, FINAN_MASK, FINAN_LIST, NULL);
static const rpls_field od_finanautre = TEXT(DW_FINANAUTRE, 0, 100, NULL);
static const rpls_field od_conv =
    CODE(DW_CONV, 1, 1, CODES(1, 2), "1 oui, 2 non", NULL);
static const rpls_field od_numconv = TEXT(DW_NUMCONV, 0, 100, NULL);
static const rpls_field od_datconv = SIMPLE(DW_DATCONV, CK_DATE_OD, 0, 0,
                                            NULL);
static const rpls_field od_newlogt = SIMPLE(DW_NEWLOGT, CK_INT, 0, 2, NULL);
static const rpls_field od_cus = SIMPLE(DW_CUS, CK_INT, 0, 2, NULL);
static const rpls_field od_dpedate = SIMPLE(DW_DPEDATE, CK_MONTH_OD, 0, 0,
                                            NULL);
static const rpls_field od_dpeenergie = SIMPLE(DW_DPEENERGIE, CK_CLASS, 0, 0,
                                               NULL);
static const rpls_field od_dpeserre = SIMPLE(DW_DPESERRE, CK_CLASS, 0, 0,
                                             NULL);
static const rpls_field od_sru_expir = SIMPLE(DW_SRU_EXPIR, CK_YEAR_ANY, 0, 0,
                                              NULL);
static const rpls_field od_sru_alinea =
    CODE(DW_SRU_ALINEA, 0, 1, CODES(1, 3), "1 à 3", NULL);
static const rpls_field od_codseg = TEXT(DW_CODSEGPATRIM, 0, 50, NULL);
static const rpls_field od_libseg = TEXT(DW_LIBSEGPATRIM, 0, 200, NULL);
static const rpls_field od_pmr = TEXT(DW_PMR, 0, 20, NULL);
static const rpls_field od_x = TEXT(DW_GEO_X, 0, 30, NULL);
static const rpls_field od_y = TEXT(DW_GEO_Y, 0, 30, NULL);
static const rpls_field od_ignored = SIMPLE(-1, CK_NONE, 0, 0, NULL);

typedef struct od_name {
  const char *name;
  const rpls_field *f;
} od_name;

/* Every column name an open-data file may carry (rpls.md, section 2),
 * current and older names, plus the project's siren/owner/manager. */
static const od_name od_names[] = {
    {"siren", &od_owner},
    {"owner", &od_owner},
    {"manager", &od_manager},
    {"DEPCOM", &od_depcom},
    {"DEPCOM_CODE", &od_depcom},
    {"CODEPOSTAL", &od_postal},
    {"LIBCOM", &od_libcom},
    {"DEP", &od_dep},
    {"DEP_CODE", &od_dep},
    {"REG_CODE", &od_reg},
    {"EPCI_CODE", &od_epci},
    {"NUMVOIE", &od_numvoie},
    {"INDREP", &od_indrep},
    {"TYPVOIE", &od_typvoie},
    {"NOMVOIE", &od_nomvoie},
    {"ETAGE", &od_etage},
    {"COMPLGEO", &od_complgeo},
    {"LIEUDIT", &od_lieudit},
    {"IMMEU", &od_immeu},
    {"QPV_CODE", &od_qpv},
    {"DROIT_CODE", &od_droit},
    {"TYPECONST_CODE", &od_typeconst},
    {"NBPIECE", &od_nbpiece},
    {"SURFHAB", &od_surfhab},
    {"CONSTRUCT", &od_construct},
    {"LOCAT", &od_locat},
    {"PATRIMOINE", &od_patrimoine},
    {"ORIGINE", &od_origine},
    {"FINAN", &od_finan},
    {"FINAN_CODE", &od_finan},
    {"FINANAUTRE", &od_finanautre},
    {"CONV", &od_conv},
    {"NUMCONV", &od_numconv},
    {"DATCONV", &od_datconv},
    {"NEWLOGT_CODE", &od_newlogt},
    {"CUS", &od_cus},
    {"DPEDATE", &od_dpedate},
    {"DPEENERGIE", &od_dpeenergie},
    {"DPESERRE", &od_dpeserre},
    {"SRU_EXPIR", &od_sru_expir},
    {"SRU_ALINEA", &od_sru_alinea},
    {"CODSEGPATRIM", &od_codseg},
    {"LIBSEGPATRIM", &od_libseg},
    {"PMR_CODE", &od_pmr},
    {"X", &od_x},
    {"Y", &od_y},
};

/* Official columns accepted and not stored (the *_LIBELLE twins, the
 * geocoding and zoning columns); PLG_* and QUALITE_* are prefixes. */
static const char *const od_ignored_names[] = {
    "REG_LIBELLE",  "DEP_LIBELLE",  "EPCI_LIBELLE",    "DEPCOM_LIBELLE",
    "QPV_LIBELLE",  "DROIT_LIBELLE", "TYPECONST_LIBELLE", "FINAN_LIBELLE",
    "NEWLOGT_LIBELLE", "PMR_LIBELLE", "EPSG",           "COMAQP",
    "COMAZUS",      "UU2020",       "AAV2020",         "ZE2020",
    NULL};
static const char *const od_ignored_prefixes[] = {"PLG_", "QUALITE_", NULL};

int hlm__rpls_field_col(const rpls_field *f) { return f->col; }

/* Sets the members of a field of ctx->flat that the hot loop reads. */
static void field_finish(rpls_field *f) {
  f->as_text = f->col >= 0 && (f->col >= DW_NSTORED ||
                               hlm__rpls_cols[f->col].kind == RPLS_KIND_TEXT);
  f->set_word = f->col >= 0 ? (unsigned char)(f->col >> 6) : 0;
  f->set_bit = f->col >= 0 ? 1ULL << (f->col & 63) : 0;
}

/* ---- errors ---- */

void hlm__rpls_errs_free(rpls_errs *e) {
  if (!e)
    return;
  hlm_free(e->items);
  e->items = NULL;
  e->n = e->cap = 0;
  e->total = 0;
}

void hlm__rpls_scratch_free(rpls_scratch *s) {
  if (!s)
    return;
  hlm_free(s->start);
  hlm_free(s->len);
  hlm_free(s->ostart);
  hlm_free(s->orig);
  memset(s, 0, sizeof *s);
}

/* Length of the longest prefix of s (at most SHOW bytes) that ends on a
 * UTF-8 character boundary. */
static int shown(const char *s, size_t len) {
  size_t n = len < SHOW ? len : SHOW;
  while (n > 0 && n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
    n--;
  return (int)n;
}

/* 1-based character column of byte offset off of line. */
static long char_column(const char *line, size_t off) {
  long col = 1;
  size_t k;
  for (k = 0; k < off; k++)
    if (((unsigned char)line[k] & 0xC0) != 0x80)
      col++;
  return col;
}

/* Where the errors of one line are reported. */
typedef struct lpos {
  const rpls_ctx *c;
  rpls_scratch *s;
  const char *orig; /* the line as in the file */
  const uint32_t *ostart; /* field start offsets in orig */
  long lineno;
  rpls_errs *e;
} lpos;

/* Records an error at field k (k = nfields: end of line), or at byte
 * offset byte_off of the line when k < 0. */
static void lerr(const lpos *p, long k, size_t byte_off, const char *fmt,
                 ...) __attribute__((format(printf, 4, 5), cold));
static void lerr(const lpos *p, long k, size_t byte_off, const char *fmt,
                 ...) {
  hlm_error *x;
  va_list ap;
  rpls_errs *e = p->e;
  e->total++;
  if (e->n >= e->max)
    return;
  if (e->n == e->cap) {
    size_t cap = e->cap ? e->cap * 2 : 8;
    hlm_error *q;
    if (cap > e->max)
      cap = e->max;
    q = hlm_realloc(e->items, cap * sizeof *q);
    if (!q)
      return; /* counted in total; the caller reports every error it can */
    e->items = q;
    e->cap = cap;
  }
  x = &e->items[e->n++];
  hlm_error_clear(x);
  x->code = HLM_EINPUT;
  snprintf(x->file, sizeof x->file, "%s", p->c->path);
  x->line = p->lineno;
  if (k >= 0 && (size_t)k < p->c->nfields) {
    x->column = char_column(p->orig, p->ostart[k]);
    snprintf(x->field, sizeof x->field, "%s", p->c->names[k]);
  } else {
    x->column = char_column(p->orig, byte_off);
  }
  va_start(ap, fmt);
  vsnprintf(x->message, sizeof x->message, fmt, ap);
  va_end(ap);
}

/* ---- small parsers ---- */

static int digits(const char *s, size_t n) {
  size_t i;
  if (n == 0)
    return 0;
  for (i = 0; i < n; i++)
    if ((unsigned)(s[i] - '0') > 9)
      return 0;
  return 1;
}

static int num(const char *s, size_t n) {
  int v = 0;
  size_t i;
  for (i = 0; i < n; i++)
    v = v * 10 + (s[i] - '0');
  return v;
}

/* jj/mm/aaaa -> yyyymmdd, or 0. */
static int32_t parse_dmy(const char *s, size_t n) {
  int d, m, y;
  if (n != 10 || s[2] != '/' || s[5] != '/' || !digits(s, 2) ||
      !digits(s + 3, 2) || !digits(s + 6, 4))
    return 0;
  d = num(s, 2);
  m = num(s + 3, 2);
  y = num(s + 6, 4);
  if (!hlm_date_valid(y, m, d))
    return 0;
  return y * 10000 + m * 100 + d;
}

/* aaaa-mm-jj -> yyyymmdd, or 0. */
static int32_t parse_iso(const char *s, size_t n) {
  int d, m, y;
  if (n != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4) ||
      !digits(s + 5, 2) || !digits(s + 8, 2))
    return 0;
  y = num(s, 4);
  m = num(s + 5, 2);
  d = num(s + 8, 2);
  if (!hlm_date_valid(y, m, d))
    return 0;
  return y * 10000 + m * 100 + d;
}

/* mm/aaaa -> yyyymm, or 0. */
static int32_t parse_my(const char *s, size_t n) {
  int m, y;
  if (n != 7 || s[2] != '/' || !digits(s, 2) || !digits(s + 3, 4))
    return 0;
  m = num(s, 2);
  y = num(s + 3, 4);
  if (m < 1 || m > 12 || y < 1800)
    return 0;
  return y * 100 + m;
}

/* aaaa-mm -> yyyymm, or 0. */
static int32_t parse_ym(const char *s, size_t n) {
  int m, y;
  if (n != 7 || s[4] != '-' || !digits(s, 4) || !digits(s + 5, 2))
    return 0;
  y = num(s, 4);
  m = num(s + 5, 2);
  if (m < 1 || m > 12 || y < 1800)
    return 0;
  return y * 100 + m;
}

static size_t utf8_chars(const char *s, size_t n) {
  size_t k, c = 0;
  for (k = 0; k < n; k++)
    if (((unsigned char)s[k] & 0xC0) != 0x80)
      c++;
  return c;
}

int hlm__siret_valid(const char *s, size_t len) {
  int sum = 0;
  size_t i;
  if (len != 14 || !digits(s, 14))
    return 0;
  /* La Poste: one SIREN, thousands of establishments; the key is the sum
   * of the digits modulo 5 (INSEE rule). */
  if (memcmp(s, "356000000", 9) == 0) {
    for (i = 0; i < 14; i++)
      sum += s[i] - '0';
    return sum % 5 == 0;
  }
  for (i = 0; i < 14; i++) {
    int d = s[i] - '0';
    if ((13 - i) % 2 == 1) {
      d *= 2;
      if (d > 9)
        d -= 9;
    }
    sum += d;
  }
  return sum % 10 == 0;
}

/* The message part naming a SIRET's defect, or NULL when it is valid. */
static const char *siret_defect(const char *s, size_t n) {
  if (n != 14 || !digits(s, n))
    return "14 chiffres attendus";
  if (!hlm_siren_valid(s, 9))
    return "clé de contrôle (Luhn) du SIREN (9 premiers chiffres) "
           "incorrecte";
  if (!hlm__siret_valid(s, n))
    return "clé de contrôle (Luhn) du SIRET incorrecte";
  return NULL;
}

/* ---- one field ---- */

/* The value of n >= 1 decimal digits s[0..n) in *v; 0 when a byte is not
 * a digit. */
static inline int parse_digits(const char *s, size_t n, int32_t *v) {
  uint32_t x = 0;
  size_t i;
  for (i = 0; i < n; i++) {
    uint32_t d = (uint32_t)(unsigned char)s[i] - '0';
    if (d > 9)
      return 0;
    x = x * 10 + d;
  }
  *v = (int32_t)x;
  return 1;
}

/* Checks value s[0..n) (at offset off of the line) of field k against f;
 * stores it in row.  Returns 1 when valid. */
static inline int check_field(const lpos *p, long k, const rpls_field *f,
                       const char *s, size_t n, uint32_t off, rpls_row *row,
                       rpls_notes *notes) {
  const rpls_ctx *c = p->c;
  int32_t iv = 0;
  int col = f->col;
  if (n == 0) {
    if (f->required) {
      lerr(p, k, 0, "valeur obligatoire manquante");
      return 0;
    }
    return 1;
  }
  switch (f->ck) {
  case CK_NONE:
    return 1;
  case CK_TEXT:
    if (n > f->max && utf8_chars(s, n) > f->max) {
      lerr(p, k, 0, "texte trop long (%zu caractères, au plus %u)",
           utf8_chars(s, n), (unsigned)f->max);
      return 0;
    }
    break;
  case CK_CODE: {
    size_t w = f->width;
    int ok = (w ? n == w : n <= 3) && parse_digits(s, n, &iv) && iv < 128 &&
             ((f->mask[iv >> 6] >> (iv & 63)) & 1u);
    if (!ok) {
      lerr(p, k, 0, "valeur « %.*s » hors de la liste (%s)", shown(s, n), s,
           f->list);
      return 0;
    }
    break;
  }
  case CK_INT:
  case CK_SINT: {
    size_t i0 = (f->ck == CK_SINT && s[0] == '-') ? 1 : 0;
    if (n - i0 == 0 || n - i0 > f->width ||
        !parse_digits(s + i0, n - i0, &iv)) {
      lerr(p, k, 0, "nombre entier d'au plus %u chiffres attendu, lu « %.*s »",
           (unsigned)f->width, shown(s, n), s);
      return 0;
    }
    if (i0)
      iv = -iv;
    break;
  }
  case CK_YEAR:
  case CK_YEAR_ANY:
    if (n != 4 || !parse_digits(s, 4, &iv)) {
      lerr(p, k, 0, "année aaaa attendue, lu « %.*s »", shown(s, n), s);
      return 0;
    }
    if (iv < 1800) {
      lerr(p, k, 0, "année %d antérieure à 1800", (int)iv);
      return 0;
    }
    if (f->ck == CK_YEAR && iv > c->year) {
      lerr(p, k, 0, "année %d postérieure au millésime %d du fichier",
           (int)iv, c->year);
      return 0;
    }
    if (iv > 2200) {
      lerr(p, k, 0, "année %d invraisemblable (après 2200)", (int)iv);
      return 0;
    }
    break;
  case CK_DMY:
    if (!(iv = parse_dmy(s, n))) {
      lerr(p, k, 0, "date invalide « %.*s » : format jj/mm/aaaa attendu",
           shown(s, n), s);
      return 0;
    }
    break;
  case CK_MY:
    if (!(iv = parse_my(s, n))) {
      lerr(p, k, 0, "date invalide « %.*s » : format mm/aaaa attendu",
           shown(s, n), s);
      return 0;
    }
    break;
  case CK_DATE_OD:
    if (!(iv = parse_dmy(s, n))) {
      if (!(iv = parse_iso(s, n))) {
        lerr(p, k, 0,
             "date invalide « %.*s » : format jj/mm/aaaa (ou aaaa-mm-jj) "
             "attendu",
             shown(s, n), s);
        return 0;
      }
      notes->date_iso++;
    }
    break;
  case CK_MONTH_OD:
    if ((iv = parse_my(s, n)) != 0)
      break;
    if ((iv = parse_dmy(s, n)) != 0) {
      iv /= 100;
      break;
    }
    notes->date_iso++;
    if ((iv = parse_ym(s, n)) != 0)
      break;
    if ((iv = parse_iso(s, n)) != 0) {
      iv /= 100;
      break;
    }
    notes->date_iso--;
    lerr(p, k, 0,
         "date invalide « %.*s » : format mm/aaaa (ou jj/mm/aaaa, aaaa-mm) "
         "attendu",
         shown(s, n), s);
    return 0;
  case CK_DEPCOM:
    if (!hlm_depcom_valid(s, n)) {
      lerr(p, k, 0,
           "code commune invalide « %.*s » : 5 caractères du code officiel "
           "géographique attendus (ex. 75056, 2A004, 97101)",
           shown(s, n), s);
      return 0;
    }
    break;
  case CK_DEPT:
    if (!hlm_dept_valid(s, n)) {
      lerr(p, k, 0,
           "code de département invalide « %.*s » (01 à 95, 2A, 2B, 971 à "
           "976)",
           shown(s, n), s);
      return 0;
    }
    break;
  case CK_POSTAL:
    if (n != 5 || !digits(s, 5)) {
      lerr(p, k, 0, "code postal invalide « %.*s » : 5 chiffres attendus",
           shown(s, n), s);
      return 0;
    }
    break;
  case CK_SIREN:
    if (n != 9 || !digits(s, 9)) {
      lerr(p, k, 0, "SIREN invalide « %.*s » : 9 chiffres attendus",
           shown(s, n), s);
      return 0;
    }
    /* the same owner comes line after line: remember the last two keys
     * found valid */
    if (memcmp(s, p->s->siren_ok[0], 9) == 0 ||
        memcmp(s, p->s->siren_ok[1], 9) == 0)
      break;
    if (!hlm_siren_valid(s, n)) {
      lerr(p, k, 0, "SIREN invalide « %.*s » : clé de contrôle (Luhn) "
                    "incorrecte",
           (int)n, s);
      return 0;
    }
    memcpy(p->s->siren_ok[p->s->siren_next], s, 9);
    p->s->siren_next ^= 1;
    break;
  case CK_SIRET: {
    const char *why = siret_defect(s, n);
    if (why) {
      lerr(p, k, 0, "SIRET invalide « %.*s » : %s", shown(s, n), s, why);
      return 0;
    }
    break;
  }
  case CK_CLASS:
    if (n != 1 || s[0] < 'A' || s[0] > 'G') {
      lerr(p, k, 0, "classe « %.*s » hors de la liste (A à G)", shown(s, n),
           s);
      return 0;
    }
    break;
  case CK_TYPECONST:
    if (n == 1 && (s[0] == 'C' || s[0] == 'I'))
      break;
    if (n == 1 && s[0] == 'E') {
      notes->typeconst_e++;
      break;
    }
    lerr(p, k, 0,
         "type de construction « %.*s » hors de la liste (C collectif, I "
         "individuel, E logement étudiant — lettre non confirmée)",
         shown(s, n), s);
    return 0;
  case CK_QPV:
    if (n == 1 && (s[0] == '1' || s[0] == '2')) {
      notes->qpv_flag++;
      break;
    }
    if (n == 8 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
        digits(s + 2, 6)) {
      notes->qpv_code++;
      break;
    }
    lerr(p, k, 0,
         "QPV « %.*s » invalide : 1 (oui), 2 (non) ou un code de quartier "
         "(ex. QP075001) attendu",
         shown(s, n), s);
    return 0;
  case CK_RPLSNUM: {
    size_t i;
    int ok = n <= 9;
    for (i = 0; ok && i < n; i++)
      ok = (s[i] >= '0' && s[i] <= '9') || (s[i] >= 'A' && s[i] <= 'Z') ||
           (s[i] >= 'a' && s[i] <= 'z');
    if (!ok) {
      lerr(p, k, 0,
           "numéro d'organisme invalide « %.*s » : au plus 9 lettres ou "
           "chiffres attendus",
           shown(s, n), s);
      return 0;
    }
    break;
  }
  }
  if (col < 0)
    return 1;
  row->v[col] = f->as_text ? (off << 12) | (uint32_t)(n & 0xFFFu)
                           : (uint32_t)iv;
  row->set[f->set_word] |= f->set_bit;
  return 1;
}

/* ---- the fast path of a valid line ----
 *
 * Most lines are valid.  Their fields are checked kind by kind, in tight
 * loops over the fields of each kind (ctx->fast, built with the header),
 * without recording anything: a line passes (row filled, notes counted)
 * or fails, and a failed line is checked again field by field by
 * check_field, which records its errors in the order of the fields.  The
 * fast checks accept a subset of what check_field accepts (a long text,
 * for instance, goes to check_field) and store the same values. */

enum {
  FAST_CODE,    /* CK_CODE */
  FAST_YEAR,    /* CK_YEAR, CK_YEAR_ANY */
  FAST_INT,     /* CK_INT */
  FAST_TEXT,    /* CK_TEXT */
  FAST_CLASS,   /* CK_CLASS */
  FAST_POSTAL,  /* CK_POSTAL */
  FAST_SIREN,   /* CK_SIREN */
  FAST_DEPCOM,  /* CK_DEPCOM */
  FAST_TYPECONST, /* CK_TYPECONST */
  FAST_QPV,     /* CK_QPV */
  FAST_OTHER,   /* every other check: check_field, quietly */
  FAST_NGROUPS
};

_Static_assert(FAST_NGROUPS <= sizeof ((rpls_ctx *)0)->fast_n /
                                   sizeof ((rpls_ctx *)0)->fast_n[0],
               "rpls_ctx.fast_n has a count per group");

struct rpls_fast {
  const rpls_field *f;
  uint64_t set_lo, set_hi; /* the column's bit in rpls_row.set[0], [1] */
  uint32_t k;              /* field position */
  int col;                 /* f->col (>= 0) */
  int as_text;             /* f->as_text */
};

static int fast_group(const rpls_field *f) {
  switch (f->ck) {
  case CK_CODE:
    return FAST_CODE;
  case CK_YEAR:
  case CK_YEAR_ANY:
    return FAST_YEAR;
  case CK_INT:
    return FAST_INT;
  case CK_TEXT:
    return FAST_TEXT;
  case CK_CLASS:
    return FAST_CLASS;
  case CK_POSTAL:
    return FAST_POSTAL;
  case CK_SIREN:
    return FAST_SIREN;
  case CK_DEPCOM:
    return FAST_DEPCOM;
  case CK_TYPECONST:
    return FAST_TYPECONST;
  case CK_QPV:
    return FAST_QPV;
  default:
    return FAST_OTHER;
  }
}

/* Builds c->fast from c->flat (fields grouped by kind, in field order
 * inside a group; CK_NONE left out). */
static int fast_build(rpls_ctx *c) {
  size_t k, at = 0;
  int g;
  c->fast = hlm_calloc(c->nfields ? c->nfields : 1, sizeof *c->fast);
  if (!c->fast)
    return HLM_ENOMEM;
  for (g = 0; g < FAST_NGROUPS; g++) {
    c->fast_n[g] = 0;
    for (k = 0; k < c->nfields; k++) {
      const rpls_field *f = &c->flat[k];
      /* a checked value that is not stored: the generic check */
      int fg = f->col < 0 ? FAST_OTHER : fast_group(f);
      if (f->ck == CK_NONE || fg != g)
        continue;
      c->fast[at].f = f;
      c->fast[at].k = (uint32_t)k;
      c->fast[at].col = f->col;
      c->fast[at].as_text = f->as_text;
      c->fast[at].set_lo = f->set_word == 0 ? f->set_bit : 0;
      c->fast[at].set_hi = f->set_word == 1 ? f->set_bit : 0;
      at++;
      c->fast_n[g]++;
    }
  }
  return HLM_OK;
}

/* 1 when the 8 bytes at s are decimal digits. */
static inline int digits8(const char *s) {
  uint64_t v;
  memcpy(&v, s, 8);
  return (v & 0xF0F0F0F0F0F0F0F0ULL) == 0x3030303030303030ULL &&
         ((v + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL) ==
             0x3030303030303030ULL;
}

/* 1 when every field of the line passes the fast checks (row filled,
 * notes counted in *notes), 0 otherwise (row and notes to be dropped). */
static int fast_fields(const rpls_ctx *c, char *line, const uint32_t *fs,
                       const uint32_t *fl, rpls_scratch *sc, rpls_row *row,
                       rpls_notes *notes) {
  const struct rpls_fast *x = c->fast, *end;
  uint64_t set0 = 0, set1 = 0;
  int32_t iv;

#define FAST_EACH(g)                                                             for (end = x + c->fast_n[g]; x < end; x++)
/* stores a valid value as check_field does: its place in the line for a
 * field kept as text, else the integer */
#define FAST_PUT(ivv)                                                          \
  do {                                                                         \
    row->v[x->col] = x->as_text ? (uint32_t)(s - line) << 12 |                 \
                                      (uint32_t)(n & 0xFFFu)                   \
                                : (uint32_t)(ivv);                             \
    set0 |= x->set_lo;                                                         \
    set1 |= x->set_hi;                                                         \
  } while (0)
#define FAST_FIELD                                                               const rpls_field *f = x->f;                                                    const char *s = line + fs[x->k];                                               size_t n = fl[x->k];                                                           if (n == 0) {                                                                    if (f->required)                                                                 return 0;                                                                    continue;                                                                    }

  FAST_EACH(FAST_CODE) {
    FAST_FIELD
    if (n == 1) {
      iv = (int32_t)((unsigned char)s[0] - '0');
      if ((uint32_t)iv > 9 || (f->width && f->width != 1))
        return 0;
    } else if (!(f->width ? n == f->width : n <= 3) ||
               !parse_digits(s, n, &iv) || iv >= 128) {
      return 0;
    }
    if (!((f->mask[iv >> 6] >> (iv & 63)) & 1u))
      return 0;
    FAST_PUT(iv);
  }
  FAST_EACH(FAST_YEAR) {
    FAST_FIELD
    if (n != 4 || !parse_digits(s, 4, &iv) || iv < 1800 || iv > 2200 ||
        (f->ck == CK_YEAR && iv > c->year))
      return 0;
    FAST_PUT(iv);
  }
  FAST_EACH(FAST_INT) {
    FAST_FIELD
    if (n > f->width || !parse_digits(s, n, &iv))
      return 0;
    FAST_PUT(iv);
  }
  FAST_EACH(FAST_TEXT) {
    FAST_FIELD
    if (n > f->max)
      return 0; /* maybe fewer characters: check_field counts them */
    FAST_PUT(0);
  }
  FAST_EACH(FAST_CLASS) {
    FAST_FIELD
    if (n != 1 || s[0] < 'A' || s[0] > 'G')
      return 0;
    FAST_PUT(0);
  }
  FAST_EACH(FAST_POSTAL) {
    FAST_FIELD
    if (n != 5 || !digits(s, 5))
      return 0;
    FAST_PUT(0);
  }
  FAST_EACH(FAST_SIREN) {
    FAST_FIELD
    uint64_t a, b0, b1;
    if (n != 9 || !digits8(s) || (unsigned)(s[8] - '0') > 9)
      return 0;
    memcpy(&a, s, 8);
    memcpy(&b0, sc->siren_ok[0], 8);
    memcpy(&b1, sc->siren_ok[1], 8);
    if (!(a == b0 && s[8] == sc->siren_ok[0][8]) &&
        !(a == b1 && s[8] == sc->siren_ok[1][8])) {
      if (!hlm_siren_valid(s, n))
        return 0;
      memcpy(sc->siren_ok[sc->siren_next], s, 9);
      sc->siren_next ^= 1;
    }
    FAST_PUT(0);
  }
  FAST_EACH(FAST_DEPCOM) {
    FAST_FIELD
    if (!hlm_depcom_valid(s, n))
      return 0;
    FAST_PUT(0);
  }
  FAST_EACH(FAST_TYPECONST) {
    FAST_FIELD
    if (n != 1 || (s[0] != 'C' && s[0] != 'I' && s[0] != 'E'))
      return 0;
    notes->typeconst_e += s[0] == 'E';
    FAST_PUT(0);
  }
  FAST_EACH(FAST_QPV) {
    FAST_FIELD
    if (n == 1 && (s[0] == '1' || s[0] == '2'))
      notes->qpv_flag++;
    else if (n == 8 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
             s[1] <= 'Z' && digits(s + 2, 6))
      notes->qpv_code++;
    else
      return 0;
    FAST_PUT(0);
  }
  row->set[0] |= set0;
  row->set[1] |= set1;
  if (c->fast_n[FAST_OTHER]) {
    /* the other checks, with errors counted and not kept */
    rpls_errs quiet;
    lpos p;
    memset(&quiet, 0, sizeof quiet);
    p.c = c;
    p.s = sc;
    p.orig = line;
    p.ostart = fs;
    p.lineno = 0;
    p.e = &quiet;
    FAST_EACH(FAST_OTHER) {
      const rpls_field *f = x->f;
      if (!check_field(&p, (long)x->k, f, line + fs[x->k], fl[x->k],
                       fs[x->k], row, notes))
        return 0;
    }
  }
#undef FAST_EACH
#undef FAST_FIELD
#undef FAST_PUT
  return 1;
}

/* ---- lines ---- */

/* Splits a line that holds '"' (RFC 4180 quoting, "" inside quotes),
 * unquoting in place.  Returns the number of fields, or -1 (with an error
 * recorded) on an unterminated quote or text after a closing quote. */
static long split_quoted(const lpos *p, char *line, size_t len,
                         rpls_scratch *s, uint32_t *ostart) {
  size_t i = 0, cap = s->cap;
  long nf = 0;
  for (;;) {
    size_t st = i, w = i;
    if (i < len && line[i] == '"') {
      size_t j = i + 1;
      for (;;) {
        if (j >= len) {
          lerr(p, -1, st, "guillemet ouvrant sans guillemet fermant");
          return -1;
        }
        if (line[j] == '"') {
          if (j + 1 < len && line[j + 1] == '"') {
            line[w++] = '"';
            j += 2;
            continue;
          }
          j++;
          break;
        }
        line[w++] = line[j++];
      }
      if (j < len && line[j] != ';') {
        lerr(p, -1, j, "caractère inattendu après un guillemet fermant");
        return -1;
      }
      if ((size_t)nf < cap) {
        s->start[nf] = (uint32_t)st;
        s->len[nf] = (uint32_t)(w - st);
        ostart[nf] = (uint32_t)st;
      }
      nf++;
      i = j;
    } else {
      char *e = memchr(line + i, ';', len - i);
      size_t end = e ? (size_t)(e - line) : len;
      if ((size_t)nf < cap) {
        s->start[nf] = (uint32_t)st;
        s->len[nf] = (uint32_t)(end - st);
        ostart[nf] = (uint32_t)st;
      }
      nf++;
      i = end;
    }
    if (i >= len)
      break;
    i++;
    if (i == len) {
      if ((size_t)nf < cap) {
        s->start[nf] = (uint32_t)len;
        s->len[nf] = 0;
        ostart[nf] = (uint32_t)len;
      }
      nf++;
      break;
    }
  }
  return nf;
}

static int scratch_reserve(rpls_scratch *s, size_t nfields, size_t len) {
  if (s->cap < nfields + 1) {
    size_t cap = nfields + 1;
    uint32_t *a = hlm_realloc(s->start, cap * sizeof *a);
    if (!a)
      return HLM_ENOMEM;
    s->start = a;
    a = hlm_realloc(s->len, cap * sizeof *a);
    if (!a)
      return HLM_ENOMEM;
    s->len = a;
    a = hlm_realloc(s->ostart, cap * sizeof *a);
    if (!a)
      return HLM_ENOMEM;
    s->ostart = a;
    s->cap = cap;
  }
  if (len > s->orig_cap) {
    size_t cap = len < 4096 ? 4096 : len;
    char *o = hlm_realloc(s->orig, cap);
    if (!o)
      return HLM_ENOMEM;
    s->orig = o;
    s->orig_cap = cap;
  }
  return HLM_OK;
}

/* Records the field that runs from *st to end (the ';' or the end of the
 * line) as field *nf when there is room for it (nfields + 1 slots: one
 * more field than expected is kept to report it), and moves on. */
static inline void field_end(uint32_t *fs, uint32_t *fl, size_t nfields,
                             size_t *nf, size_t *st, size_t end) {
  if (*nf <= nfields) {
    fs[*nf] = (uint32_t)*st;
    fl[*nf] = (uint32_t)(end - *st);
  }
  (*nf)++;
  *st = end + 1;
}

int hlm__rpls_line(const rpls_ctx *c, char *line, size_t len, long lineno,
                   rpls_scratch *s, rpls_row *row, rpls_errs *e,
                   rpls_notes *notes) {
  const size_t nfields = c->nfields;
  uint32_t *fs, *fl;
  unsigned char acc = 0;
  int quoted = 0, ok = 1;
  size_t i, st = 0, nf = 0;
  lpos p;

  if (s->cap < nfields + 1 && scratch_reserve(s, nfields, 0) < 0)
    return HLM_ENOMEM;
  fs = s->start;
  fl = s->len;
  p.c = c;
  p.s = s;
  p.orig = line;
  p.ostart = fs;
  p.lineno = lineno;
  p.e = e;

  /* One pass: field bounds, and whether the line holds a quote, a CR or
   * bytes beyond ASCII.  Sixteen bytes at a time (SSE2) then eight (SWAR):
   * the ';' of a chunk come from one comparison; the bytes below 0x23
   * ('"', CR, space...) or above 0x7F ("rare") are looked at one by one.
   * The SWAR loop hands a word with a rare byte, and the rest of the line,
   * to the byte loop. */
  i = 0;
#if defined(__SSE2__)
  {
    const __m128i semis = _mm_set1_epi8(';'), low = _mm_set1_epi8(0x23);
    while (i + 16 <= len) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(line + i));
      /* signed comparison: below 0x23, or 0x80 and above */
      unsigned rare = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, low));
      unsigned semi = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, semis));
      while (rare) {
        size_t at = i + (size_t)__builtin_ctz(rare);
        unsigned char ch = (unsigned char)line[at];
        if (ch == '"') {
          quoted = 1;
        } else if (ch == '\r') {
          lerr(&p, -1, at,
               "retour chariot (CR) à l'intérieur de la ligne : une fin de "
               "ligne est LF ou CRLF, jamais un CR seul");
          return 0;
        }
        acc |= ch;
        rare &= rare - 1;
      }
      while (semi) {
        size_t at = i + (size_t)__builtin_ctz(semi);
        field_end(fs, fl, nfields, &nf, &st, at);
        semi &= semi - 1;
      }
      i += 16;
    }
  }
#endif
  while (i + 8 <= len) {
    uint64_t v, lo7, semi, rare;
    memcpy(&v, line + i, 8);
    lo7 = v & 0x7F7F7F7F7F7F7F7FULL;
    /* high bit set exactly in the bytes < 0x23 (among ASCII bytes) */
    rare = ~(lo7 + 0x5D5D5D5D5D5D5D5DULL) & ~v & 0x8080808080808080ULL;
    rare |= v & 0x8080808080808080ULL;
    if (rare)
      break; /* the byte loop below takes over from here */
    {
      uint64_t t = v ^ 0x3B3B3B3B3B3B3B3BULL; /* ';' bytes become 0 */
      semi = ~(((t & 0x7F7F7F7F7F7F7F7FULL) + 0x7F7F7F7F7F7F7F7FULL) | t |
               0x7F7F7F7F7F7F7F7FULL);
    }
    while (semi) {
      size_t at = i + ((size_t)__builtin_ctzll(semi) >> 3);
      field_end(fs, fl, nfields, &nf, &st, at);
      semi &= semi - 1;
    }
    i += 8;
  }
  for (; i < len; i++) {
    unsigned char ch = (unsigned char)line[i];
    if (ch == ';') {
      field_end(fs, fl, nfields, &nf, &st, i);
    } else if (ch <= '"') {
      if (ch == '"')
        quoted = 1;
      else if (ch == '\r') {
        lerr(&p, -1, i,
             "retour chariot (CR) à l'intérieur de la ligne : une fin de "
             "ligne est LF ou CRLF, jamais un CR seul");
        return 0;
      }
    }
    acc |= ch;
  }
  field_end(fs, fl, nfields, &nf, &st, len);

  if (acc & 0x80) {
    size_t bad;
    if (!hlm_utf8_valid(line, len, &bad)) {
      lerr(&p, -1, bad,
           "encodage invalide : le fichier doit être en UTF-8 (octet "
           "0x%02X)",
           (unsigned)(unsigned char)line[bad]);
      return 0;
    }
  }
  if (quoted) {
    long q;
    if (scratch_reserve(s, nfields, len) < 0)
      return HLM_ENOMEM;
    memcpy(s->orig, line, len);
    p.orig = s->orig;
    p.ostart = s->ostart;
    q = split_quoted(&p, line, len, s, s->ostart);
    if (q < 0)
      return 0;
    nf = (size_t)q;
  }
  if (nf != nfields) {
    /* too many: point at the first field in excess; too few: at the end */
    size_t at = len;
    if (nf > nfields)
      at = quoted ? s->ostart[nfields] : fs[nfields];
    lerr(&p, -1, at,
         "%zu champ%s au lieu de %zu (ligne tronquée ou séparateur « ; » en "
         "trop ou manquant)",
         nf, nf > 1 ? "s" : "", nfields);
    return 0;
  }

  memset(row->set, 0, sizeof row->set);
  row->line = line;
  if (c->fast) {
    rpls_notes n1 = {0, 0, 0, 0};
    if (fast_fields(c, line, fs, fl, s, row, &n1)) {
      rpls_notes_add(notes, &n1);
      goto fields_ok;
    }
    memset(row->set, 0, sizeof row->set);
  }
  for (i = 0; i < nfields; i++) {
    const rpls_field *f = &c->flat[i];
    if (f->ck == CK_NONE)
      continue;
    ok &= check_field(&p, (long)i, f, line + fs[i], fl[i], fs[i], row, notes);
  }
  if (!ok)
    return 0;
fields_ok:
  if (c->shape == RPLS_OPENDATA && !rpls_row_has(row, DW_OWNER) &&
      !c->fixed_owner[0]) {
    lerr(&p, -1, 0,
         "propriétaire inconnu : la colonne siren est vide et --owner n'est "
         "pas donné");
    return 0;
  }
  return 1;
}

void hlm__rpls_owner(const rpls_ctx *c, const rpls_row *r, char out[10]) {
  if (c->shape == RPLS_OPENDATA && rpls_row_has(r, DW_OWNER)) {
    size_t n;
    const char *s = rpls_row_text(r, DW_OWNER, &n);
    memcpy(out, s, 9);
    out[9] = '\0';
    return;
  }
  memcpy(out, c->shape == RPLS_OPENDATA ? c->fixed_owner : c->owner, 10);
}

size_t hlm__rpls_manager_key(const rpls_ctx *c, const rpls_row *r,
                             char out[24]) {
  size_t n;
  const char *s;
  if (rpls_row_has(r, DW_MANAGER)) {
    s = rpls_row_text(r, DW_MANAGER, &n);
    memcpy(out, s, 9);
    out[9] = '\0';
    return 9;
  }
  if (rpls_row_has(r, DW_MANAGER_RPLS)) {
    s = rpls_row_text(r, DW_MANAGER_RPLS, &n);
    if (!(n == strlen(c->owner_rpls) && memcmp(s, c->owner_rpls, n) == 0)) {
      out[0] = 'R';
      out[1] = ':';
      memcpy(out + 2, s, n);
      out[2 + n] = '\0';
      return 2 + n;
    }
  }
  hlm__rpls_owner(c, r, out);
  return 9;
}

/* ---- header ---- */

void hlm__rpls_ctx_free(rpls_ctx *c) {
  size_t i;
  if (!c)
    return;
  if (c->names)
    for (i = 0; i < c->nfields; i++)
      hlm_free(c->names[i]);
  hlm_free(c->names);
  hlm_free((void *)c->fields);
  hlm_free(c->flat);
  c->flat = NULL;
  hlm_free(c->fast);
  c->fast = NULL;
  c->names = NULL;
  c->fields = NULL;
}

/* Splits a header line in place (no quoting in submission headers; open-
 * data headers may quote names).  Fills starts/lens (cap entries) and
 * returns the field count. */
static size_t split_plain(const char *t, size_t len, uint32_t *st,
                          uint32_t *ln, size_t cap) {
  size_t i, s = 0, nf = 0;
  for (i = 0; i <= len; i++)
    if (i == len || t[i] == ';') {
      if (nf < cap) {
        st[nf] = (uint32_t)s;
        ln[nf] = (uint32_t)(i - s);
      }
      nf++;
      s = i + 1;
    }
  return nf;
}

static int is_named(const char *s, size_t n, const char *name) {
  return strlen(name) == n && memcmp(s, name, n) == 0;
}

static const rpls_field *od_lookup(const char *s, size_t n) {
  size_t i;
  const char *const *p;
  for (i = 0; i < sizeof od_names / sizeof od_names[0]; i++)
    if (is_named(s, n, od_names[i].name))
      return od_names[i].f;
  for (p = od_ignored_names; *p; p++)
    if (is_named(s, n, *p))
      return &od_ignored;
  for (p = od_ignored_prefixes; *p; p++) {
    size_t k = strlen(*p);
    if (n > k && memcmp(s, *p, k) == 0)
      return &od_ignored;
  }
  return NULL;
}

static int header_fail(hlm_diags *d, const char *path, long line, long col,
                       const char *field, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static int header_fail(hlm_diags *d, const char *path, long line, long col,
                       const char *field, const char *fmt, ...) {
  hlm_error e;
  va_list ap;
  hlm_error_clear(&e);
  e.code = HLM_EINPUT;
  snprintf(e.file, sizeof e.file, "%s", path);
  e.line = line;
  e.column = col;
  snprintf(e.field, sizeof e.field, "%s", field ? field : "");
  va_start(ap, fmt);
  vsnprintf(e.message, sizeof e.message, fmt, ap);
  va_end(ap);
  hlm_diags_add(d, &e);
  return 1;
}

static const char *const sub_header_names[12] = {
    "en-tête pos 1 (année de l'enquête)",
    "en-tête pos 2 (numéro interne de l'organisme)",
    "en-tête pos 3 (raison sociale)",
    "en-tête pos 4 (enseigne)",
    "en-tête pos 5 (adresse)",
    "en-tête pos 6 (adresse)",
    "en-tête pos 7 (adresse)",
    "en-tête pos 8 (adresse)",
    "en-tête pos 9 (adresse)",
    "en-tête pos 10 (SIRET du siège)",
    "en-tête pos 11 (nombre de logements)",
    "en-tête pos 12 (commentaire)"};
static const unsigned short sub_header_max[12] = {4,  9,  100, 50, 38, 38,
                                                  38, 38, 38,  14, 6,  200};

static int submission_header(rpls_ctx *c, const char *path, const char *t,
                             const uint32_t *st, const uint32_t *ln,
                             long lineno, const hlm_import_opts *o,
                             hlm_diags *d) {
  int bad = 0;
  size_t k;
#define HF(k)                                                                  \
  path, lineno, char_column(t, st[k]), sub_header_names[k]
  for (k = 0; k < 12; k++)
    if (utf8_chars(t + st[k], ln[k]) > sub_header_max[k] && k != 9 && k != 0 &&
        k != 10)
      bad |= header_fail(d, HF(k), "texte trop long (%zu caractères, au "
                                   "plus %u)",
                         utf8_chars(t + st[k], ln[k]),
                         (unsigned)sub_header_max[k]);
  /* pos 1: year */
  if (ln[0] != 4 || !digits(t + st[0], 4) || num(t + st[0], 4) < 1990 ||
      num(t + st[0], 4) > 2100)
    bad |= header_fail(d, HF(0), "année aaaa attendue (1990 à 2100), lu "
                                 "« %.*s »",
                       shown(t + st[0], ln[0]), t + st[0]);
  else
    c->year = num(t + st[0], 4);
  /* pos 2: the ministry's internal number */
  if (ln[1] == 0)
    bad |= header_fail(d, HF(1), "valeur obligatoire manquante");
  else if (ln[1] < sizeof c->owner_rpls) {
    memcpy(c->owner_rpls, t + st[1], ln[1]);
    c->owner_rpls[ln[1]] = '\0';
  }
  if (ln[2] == 0)
    bad |= header_fail(d, HF(2), "valeur obligatoire manquante");
  /* pos 10: SIRET, owner = its SIREN */
  {
    const char *why = siret_defect(t + st[9], ln[9]);
    if (ln[9] == 0)
      bad |= header_fail(d, HF(9), "valeur obligatoire manquante");
    else if (why)
      bad |= header_fail(d, HF(9), "SIRET invalide « %.*s » : %s",
                         shown(t + st[9], ln[9]), t + st[9], why);
    else {
      memcpy(c->owner, t + st[9], 9);
      c->owner[9] = '\0';
    }
  }
  /* pos 11: number of dwelling records */
  if (ln[10] == 0 || ln[10] > 6 || !digits(t + st[10], ln[10]))
    bad |= header_fail(d, HF(10), "nombre entier d'au plus 6 chiffres "
                                  "attendu, lu « %.*s »",
                       shown(t + st[10], ln[10]), t + st[10]);
  else
    c->declared = num(t + st[10], ln[10]);
  if (!bad && o->year && o->year != c->year)
    bad |= header_fail(d, HF(0), "--year %d ne correspond pas à l'année %d "
                                 "de l'en-tête",
                       o->year, c->year);
  if (!bad && o->owner && strcmp(o->owner, c->owner) != 0)
    bad |= header_fail(d, HF(9), "--owner %s ne correspond pas au SIREN %s "
                                 "du SIRET de l'en-tête",
                       o->owner, c->owner);
#undef HF
  return bad;
}

int hlm__rpls_header(rpls_ctx *c, const char *path, char *t, size_t len,
                     long lineno, const hlm_import_opts *o, hlm_diags *d,
                     hlm_error *err) {
  uint32_t st[256], ln[256];
  size_t nf, k;
  int bad = 0;

  memset(c, 0, sizeof *c);
  c->path = path;
  c->header_line = lineno;
  if (len > 0 && t[len - 1] == '\r')
    len--;
  {
    size_t badb;
    if (!hlm_utf8_valid(t, len, &badb)) {
      header_fail(d, path, lineno, char_column(t, badb), NULL,
                  "encodage invalide : le fichier doit être en UTF-8 (octet "
                  "0x%02X)",
                  (unsigned)(unsigned char)t[badb]);
      return HLM_EINPUT;
    }
    if (memchr(t, '\r', len)) {
      header_fail(d, path, lineno,
                  char_column(t, (size_t)((char *)memchr(t, '\r', len) - t)),
                  NULL,
                  "retour chariot (CR) à l'intérieur de la ligne : une fin "
                  "de ligne est LF ou CRLF, jamais un CR seul");
      return HLM_EINPUT;
    }
  }
  nf = split_plain(t, len, st, ln, 256);
  if (nf > 256) {
    header_fail(d, path, lineno, 0, NULL,
                "en-tête de %zu colonnes : au plus 256 sont lues", nf);
    return HLM_EINPUT;
  }

  /* A submission header has 12 positions, the year first and the SIRET
   * in the tenth; an open-data header names its columns. */
  if (nf == 12 && ((ln[0] == 4 && digits(t, 4)) ||
                   (ln[9] == 14 && digits(t + st[9], 14)))) {
    /* ---- landlord submission file (arrêté, art. 3, table 1) ---- */
    c->shape = RPLS_SUBMISSION;
    c->nfields = 64;
    if (submission_header(c, path, t, st, ln, lineno, o, d))
      return HLM_EINPUT;
    c->fields = hlm_calloc(64, sizeof *c->fields);
    c->names = hlm_calloc(64, sizeof *c->names);
    if (!c->fields || !c->names)
      goto nomem;
    c->flat = hlm_calloc(64, sizeof *c->flat);
    if (!c->flat)
      goto nomem;
    for (k = 0; k < 64; k++) {
      c->fields[k] = &sub_fields[k];
      c->flat[k] = sub_fields[k];
      field_finish(&c->flat[k]);
      c->names[k] = hlm_strdup(sub_fields[k].label);
      if (!c->names[k])
        goto nomem;
    }
    if (fast_build(c) < 0)
      goto nomem;
    return HLM_OK;
  }

  /* ---- open data: named columns ---- */
  c->shape = RPLS_OPENDATA;
  c->nfields = nf;
  c->fields = hlm_calloc(nf, sizeof *c->fields);
  c->names = hlm_calloc(nf, sizeof *c->names);
  if (!c->fields || !c->names)
    goto nomem;
  for (k = 0; k < nf; k++) {
    const char *s = t + st[k];
    size_t n = ln[k], j;
    const rpls_field *f;
    if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
      s++;
      n -= 2;
    }
    c->names[k] = hlm_strndup(s, n);
    if (!c->names[k])
      goto nomem;
    if (n == 0) {
      bad |= header_fail(d, path, lineno, char_column(t, st[k]), NULL,
                         "nom de colonne vide dans l'en-tête");
      continue;
    }
    f = od_lookup(s, n);
    if (!f) {
      if (!o->ignore_unknown_columns)
        bad |= header_fail(d, path, lineno, char_column(t, st[k]), NULL,
                           "colonne inconnue « %.*s » pour un fichier RPLS "
                           "(utilisez --ignore-unknown-columns pour "
                           "l'ignorer)",
                           shown(s, n), s);
      continue;
    }
    for (j = 0; j < k; j++)
      if (c->fields[j] == f && f != &od_ignored) {
        if (strcmp(c->names[j], c->names[k]) == 0)
          bad |= header_fail(d, path, lineno, char_column(t, st[k]),
                             c->names[k],
                             "colonne en double dans l'en-tête (déjà en "
                             "colonne %ld)",
                             char_column(t, st[j]));
        else
          bad |= header_fail(d, path, lineno, char_column(t, st[k]),
                             c->names[k],
                             "colonne en double : %s et %s désignent la même "
                             "donnée",
                             c->names[j], c->names[k]);
        break;
      }
    if (j < k)
      continue;
    if (f->col == DW_OWNER)
      c->has_owner_col = 1;
    c->fields[k] = f;
  }
  if (bad)
    return HLM_EINPUT;
  {
    /* The columns the count needs (rules-count-thresholds.md, "Data rules
     * the imports enforce"). */
    static const struct {
      const rpls_field *f;
      const char *names;
    } need[] = {{&od_depcom, "DEPCOM (ou DEPCOM_CODE)"},
                {&od_conv, "CONV"},
                {&od_construct, "CONSTRUCT"},
                {&od_origine, "ORIGINE"},
                {&od_patrimoine, "PATRIMOINE"}};
    size_t q;
    for (q = 0; q < sizeof need / sizeof need[0]; q++) {
      for (k = 0; k < nf; k++)
        if (c->fields[k] == need[q].f)
          break;
      if (k == nf)
        bad |= header_fail(d, path, lineno, 0, need[q].names,
                           "colonne obligatoire absente de l'en-tête");
    }
  }
  if (o->owner)
    snprintf(c->fixed_owner, sizeof c->fixed_owner, "%s", o->owner);
  if (!c->has_owner_col && !o->owner)
    bad |= header_fail(d, path, lineno, 0, "siren",
                       "propriétaire inconnu : le fichier n'a pas de colonne "
                       "siren (ou owner) ; indiquez le SIREN du propriétaire "
                       "avec --owner SIREN");
  if (!o->year)
    bad |= header_fail(d, path, 0, 0, NULL,
                       "millésime inconnu : un fichier de données détaillées "
                       "ne porte pas son année ; indiquez-la avec --year AAAA "
                       "(état du parc au 1er janvier)");
  c->year = o->year;
  if (bad)
    return HLM_EINPUT;
  /* the checks, contiguous, for the hot loop */
  c->flat = hlm_calloc(nf, sizeof *c->flat);
  if (!c->flat)
    goto nomem;
  for (k = 0; k < nf; k++) {
    c->flat[k] = c->fields[k] ? *c->fields[k] : od_ignored;
    field_finish(&c->flat[k]);
  }
  if (fast_build(c) < 0)
    goto nomem;
  return HLM_OK;
nomem:
  return hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
}
