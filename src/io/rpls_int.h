/*
 * rpls_int.h (internal): the RPLS reader's pieces shared by the line
 * parser (rpls_parse.c), the block engine and the two entry points
 * (rpls.c), and the fuzz target.
 *
 * The reader never loads a file whole: a reader thread cuts it into blocks
 * of whole lines, worker threads check every line of a block (and, for an
 * import, type its values into rows that point into the block), and the
 * calling thread takes the blocks back in file order (to number lines and
 * keep errors in order) and, for an import, inserts the rows.
 */
#ifndef HLM_IO_RPLS_INT_H
#define HLM_IO_RPLS_INT_H

#include <stddef.h>
#include <stdint.h>

#include "hlm/io.h"

/* The shapes of hlm_import_report.shape / hlm_rpls_summary.shape. */
enum { RPLS_SUBMISSION = 1, RPLS_OPENDATA = 2 };

/* The stored columns of table dwellings (schema.c), in table order, then
 * the pseudo-column OWNER (open data: the owner's SIREN of the line). */
#define RPLS_COLUMNS(X)                                                        \
  X(MANAGER, "manager", TEXT)                                                  \
  X(MANAGER_RPLS, "manager_rpls", TEXT)                                        \
  X(DEPCOM, "depcom", TEXT)                                                    \
  X(CODEPOSTAL, "codepostal", TEXT)                                            \
  X(DROIT, "droit", INT)                                                       \
  X(TYPECONST, "typeconst", TEXT)                                              \
  X(NBPIECE, "nbpiece", INT)                                                   \
  X(SURFHAB, "surfhab", INT)                                                   \
  X(CONSTRUCT, "construct", INT)                                               \
  X(LOCAT, "locat", INT)                                                       \
  X(PATRIMOINE, "patrimoine", INT)                                             \
  X(ORIGINE, "origine", INT)                                                   \
  X(FINAN, "finan", INT)                                                       \
  X(CONV, "conv", INT)                                                         \
  X(QPV, "qpv", TEXT)                                                          \
  X(DPEENERGIE, "dpeenergie", TEXT)                                            \
  X(DPESERRE, "dpeserre", TEXT)                                                \
  X(DPEDATE, "dpedate", YM)                                                    \
  X(DATCONV, "datconv", YMD)                                                   \
  X(NUMCONV, "numconv", TEXT)                                                  \
  X(FINANAUTRE, "finanautre", TEXT)                                            \
  X(CUS, "cus", INT)                                                           \
  X(SRU_EXPIR, "sru_expir", INT)                                               \
  X(SRU_ALINEA, "sru_alinea", INT)                                             \
  X(NEWLOGT, "newlogt", INT)                                                   \
  X(PMR, "pmr", TEXT)                                                          \
  X(REG_CODE, "reg_code", TEXT)                                                \
  X(DEP_CODE, "dep_code", TEXT)                                                \
  X(EPCI_CODE, "epci_code", TEXT)                                              \
  X(LIBCOM, "libcom", TEXT)                                                    \
  X(NUMVOIE, "numvoie", TEXT)                                                  \
  X(INDREP, "indrep", TEXT)                                                    \
  X(TYPVOIE, "typvoie", TEXT)                                                  \
  X(NOMVOIE, "nomvoie", TEXT)                                                  \
  X(ETAGE, "etage", TEXT)                                                      \
  X(COMPLIDENT, "complident", TEXT)                                            \
  X(LIEUDIT, "lieudit", TEXT)                                                  \
  X(IMMEUBLE, "immeuble", TEXT)                                                \
  X(CODSEGPATRIM, "codsegpatrim", TEXT)                                        \
  X(LIBSEGPATRIM, "libsegpatrim", TEXT)                                        \
  X(GEO_X, "x", TEXT)                                                              \
  X(GEO_Y, "y", TEXT)                                                              \
  X(RPLS_ID, "rpls_id", TEXT)                                                  \
  X(SI_ID, "si_id", TEXT)                                                      \
  X(NUMAPPT, "numappt", TEXT)                                                  \
  X(NUMBOITE, "numboite", TEXT)                                                \
  X(ESCALIER, "escalier", TEXT)                                                \
  X(COULOIR, "couloir", TEXT)                                                  \
  X(ENTREE, "entree", TEXT)                                                    \
  X(BATIMENT, "batiment", TEXT)                                                \
  X(PROGRAMME, "programme", TEXT)                                              \
  X(PREV_OWNER, "prev_owner", TEXT)                                            \
  X(PREV_SIRET, "prev_siret", TEXT)                                            \
  X(SORTIE, "sortie", INT)                                                     \
  X(DISPARITION, "disparition", INT)                                           \
  X(CREATION, "creation", INT)                                                 \
  X(OCCUPATION, "occupation", INT)                                             \
  X(BAIL, "bail", YM)                                                          \
  X(MODESURF, "modesurf", INT)                                                 \
  X(SURFLOYER, "surfloyer", INT)                                               \
  X(LOYERPRINC, "loyerprinc", INT)                                             \
  X(LOYERACC, "loyeracc", INT)                                                 \
  X(CONTRIB, "contrib", INT)                                                   \
  X(LOYERMAX_APL, "loyermax_apl", INT)                                         \
  X(LOYERMAX_CUS, "loyermax_cus", INT)                                         \
  X(VENTE_TYPE, "vente_type", INT)                                             \
  X(MISE_VENTE, "mise_vente", INT)                                             \
  X(PRIX_VENTE, "prix_vente", INT)                                             \
  X(PRODUIT_VENTE, "produit_vente", INT)                                       \
  X(DATE_OFFRE, "date_offre", YM)                                              \
  X(CONTINGENT, "contingent", INT)                                             \
  X(COMMENTAIRE, "commentaire", TEXT)

#define RPLS_X_ENUM(id, name, kind) DW_##id,
enum { RPLS_COLUMNS(RPLS_X_ENUM) DW_NSTORED, DW_OWNER = DW_NSTORED, DW_N };
#undef RPLS_X_ENUM

/* How a stored column is bound: integer, text, or a date held as an
 * integer (yyyymmdd, yyyymm) and bound as "YYYY-MM-DD" / "YYYY-MM". */
enum { RPLS_KIND_INT, RPLS_KIND_TEXT, RPLS_KIND_YMD, RPLS_KIND_YM };

typedef struct rpls_colinfo {
  const char *name;
  int kind;
} rpls_colinfo;
extern const rpls_colinfo hlm__rpls_cols[DW_NSTORED];

/* One typed line.  v[c] holds an integer (kinds INT, YMD, YM) or, for a
 * TEXT column, (offset << 12 | length) of the value inside line.  A column
 * is set when its bit is in set[]. */
typedef struct rpls_row {
  const char *line;
  uint64_t set[(DW_N + 63) / 64];
  uint32_t v[DW_N];
} rpls_row;

static inline int rpls_row_has(const rpls_row *r, int c) {
  return (int)((r->set[c >> 6] >> (c & 63)) & 1u);
}
static inline const char *rpls_row_text(const rpls_row *r, int c,
                                        size_t *len) {
  *len = r->v[c] & 0xFFFu;
  return r->line + (r->v[c] >> 12);
}

/* One input error kept by a worker: the line is relative to its block
 * until the consumer rebases it. */
typedef struct rpls_errs {
  hlm_error *items;
  size_t n, cap, max;
  size_t total;
} rpls_errs;

/* How one field of a line is checked (rpls_parse.c). */
typedef struct rpls_field rpls_field;

/* The file, as its first line describes it.  Built once, then read-only
 * (shared by the workers). */
typedef struct rpls_ctx {
  const char *path;
  int shape;
  int year;          /* millésime */
  int want_rows;     /* import: fill rows */
  size_t nfields;    /* fields of every data line */
  const rpls_field **fields; /* per position: its check (NULL: ignored) */
  rpls_field *flat;          /* the same checks, copied side by side */
  struct rpls_fast *fast;    /* the fast path's checks, grouped by kind */
  size_t fast_n[16];         /* fields per group (rpls_parse.c) */
  char **names;      /* per position: the name used in messages */
  /* submission file */
  char owner[10];      /* SIREN of the header's SIRET */
  char owner_rpls[16]; /* header position 2 */
  long declared;       /* header position 11 */
  /* open data */
  char fixed_owner[10]; /* --owner, "" none */
  int has_owner_col;
  long header_line;     /* line number of the header (1 unless blank) */
} rpls_ctx;

/* Counters of the readings applied (notes of the report). */
typedef struct rpls_notes {
  int64_t typeconst_e; /* TYPECONST 'E' (third letter, unconfirmed) */
  int64_t qpv_flag;    /* QPV_CODE 1/2 */
  int64_t qpv_code;    /* QPV_CODE a quartier code */
  int64_t date_iso;    /* open-data date written YYYY-MM-DD / YYYY-MM */
} rpls_notes;

/* a += b. */
static inline void rpls_notes_add(rpls_notes *a, const rpls_notes *b) {
  a->typeconst_e += b->typeconst_e;
  a->qpv_flag += b->qpv_flag;
  a->qpv_code += b->qpv_code;
  a->date_iso += b->date_iso;
}

/* Per worker: the line scratch (field bounds). */
typedef struct rpls_scratch {
  uint32_t *start, *len; /* field bounds (after unquoting) */
  uint32_t *ostart;      /* field starts in the original line (quoted) */
  size_t cap;            /* entries of the three arrays */
  char *orig;            /* copy of a quoted line before unquoting */
  size_t orig_cap;
  char siren_ok[2][9];   /* the last SIRENs found valid */
  int siren_next;
} rpls_scratch;

/* Parses the first line (header) text[0..len) of path into c (shape,
 * fields, year, owner...).  Errors go to d; returns HLM_OK, HLM_EINPUT
 * (errors recorded in d) or HLM_ENOMEM.  Frees with hlm__rpls_ctx_free. */
int hlm__rpls_header(rpls_ctx *c, const char *path, char *text, size_t len,
                     long lineno, const hlm_import_opts *o, hlm_diags *d,
                     hlm_error *err);
void hlm__rpls_ctx_free(rpls_ctx *c);

/* Checks one data line (without its end of line; modified in place when
 * it holds quotes) numbered lineno.  Returns 1 when the line is valid
 * (row filled), 0 when errors were recorded in e, negative on ENOMEM. */
int hlm__rpls_line(const rpls_ctx *c, char *line, size_t len, long lineno,
                   rpls_scratch *s, rpls_row *row, rpls_errs *e,
                   rpls_notes *notes);

/* The key of the manager of a valid row: the manager's SIREN, "R:<pos
 * 53>" or the owner's SIREN.  out has room for 24 bytes; returns the
 * key's length. */
size_t hlm__rpls_manager_key(const rpls_ctx *c, const rpls_row *r,
                             char out[24]);
/* The owner SIREN of a valid row (9 digits + NUL). */
void hlm__rpls_owner(const rpls_ctx *c, const rpls_row *r, char out[10]);

/* The stored column (DW_*) of a field, -1 when it is not stored. */
int hlm__rpls_field_col(const rpls_field *f);

void hlm__rpls_errs_free(rpls_errs *e);
void hlm__rpls_scratch_free(rpls_scratch *s);

/* Runs the validation on an open file descriptor (the fuzz target's way
 * in).  Same contract as hlm_rpls_validate. */
int hlm__rpls_validate_fd(int fd, const char *path, const hlm_import_opts *o,
                          int threads, hlm_rpls_summary *sum, hlm_diags *d,
                          hlm_error *err);

/* SIRET: 14 digits, Luhn key (La Poste's SIRETs, SIREN 356000000, use
 * the sum of their digits modulo 5 instead). */
int hlm__siret_valid(const char *s, size_t len);

#endif
