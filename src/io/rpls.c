/*
 * rpls.c: the RPLS readers (submission file and open data): the block
 * engine that streams a file through worker threads, `hlm rpls validate`
 * (hlm_rpls_validate: check + per-manager tallies, no store) and the
 * import (hlm_import_rpls: replace, for the file's year, the stock of every
 * owner present in it).
 *
 * The engine: a reader thread cuts the file into blocks of whole lines
 * (read(2) into a small ring of buffers: a file is never loaded whole, and
 * the memory used does not grow with its size); worker threads check the
 * lines of a block (rpls_parse.c), add each valid line to their own tallies
 * and, for an import, type it into a row that points into the block; the
 * calling thread takes blocks back in file order, numbers their lines,
 * keeps their errors in order and, for an import, inserts their rows (one
 * INSERT ... SELECT per block over a virtual table that reads the rows the
 * workers typed) inside one transaction.  Any error means ROLLBACK: the
 * store is left as it was.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hlm/alloc.h"
#include "hlm/law.h"
#include "hlm/model.h"
#include "io/rpls_int.h"
#include "store/store_int.h"

#define VALIDATE_BLOCK (1024u * 1024u)
#define IMPORT_BLOCK (256u * 1024u)
#define HEADER_MAX (256u * 1024u)

/* ---- tallies: counts per key (open addressing) ---- */

typedef struct tally {
  char key[40]; /* "" = empty slot */
  int64_t lines, conv, pre77_nc, built10, entered6;
} tally;

typedef struct tally_map {
  tally *t;
  size_t cap, n;
} tally_map;

static uint64_t hash_key(const char *k) {
  uint64_t h = 1469598103934665603ULL;
  for (; *k; k++)
    h = (h ^ (unsigned char)*k) * 1099511628211ULL;
  return h;
}

/* The entry of key (created with zero counts); NULL when out of memory. */
static tally *tally_get(tally_map *m, const char *key) {
  size_t i;
  if (m->n * 2 >= m->cap) {
    size_t cap = m->cap ? m->cap * 2 : 64, j;
    tally *t = hlm_calloc(cap, sizeof *t);
    if (!t)
      return NULL;
    for (j = 0; j < m->cap; j++)
      if (m->t[j].key[0]) {
        size_t k = hash_key(m->t[j].key) & (cap - 1);
        while (t[k].key[0])
          k = (k + 1) & (cap - 1);
        t[k] = m->t[j];
      }
    hlm_free(m->t);
    m->t = t;
    m->cap = cap;
  }
  i = hash_key(key) & (m->cap - 1);
  while (m->t[i].key[0]) {
    if (strcmp(m->t[i].key, key) == 0)
      return &m->t[i];
    i = (i + 1) & (m->cap - 1);
  }
  snprintf(m->t[i].key, sizeof m->t[i].key, "%s", key);
  m->n++;
  return &m->t[i];
}

static void tally_map_free(tally_map *m) {
  hlm_free(m->t);
  memset(m, 0, sizeof *m);
}

/* ---- import rows ----
 *
 * For an import, a worker keeps of each valid line only what the store
 * takes: the typed columns of dwelling_rows (DW_MANAGER .. DW_DPESERRE),
 * the owner, and the other columns already written as the JSON array of
 * dwelling_rows.rest (schema.c, migration 3) in the block's text buffer.
 * A compact row (96 bytes instead of a full rpls_row's 320) keeps the
 * hand-over between the worker and the SQLite thread in the caches. */

#define FEED_CORE (DW_DPESERRE + 1) /* typed columns of dwelling_rows */
_Static_assert(FEED_CORE < 30 && DW_NSTORED > 64 && DW_NSTORED <= 128,
               "the typed columns fit irow.set; the others span set[0..1]");

enum { IROW_REST = 1u << 30, IROW_OWNER = 1u << 31 };

typedef struct irow {
  const char *line;      /* text values: (offset << 12 | length) in line */
  uint32_t set;          /* bit c: column c < FEED_CORE set; IROW_REST,
                            IROW_OWNER (the line names its owner) */
  uint32_t owner;        /* the owner's SIREN in line, with IROW_OWNER */
  uint32_t v[FEED_CORE];
  uint32_t rest_off, rest_len; /* the JSON array in the slot's text */
} irow;

typedef struct textbuf {
  char *b;
  size_t n, cap;
} textbuf;

/* Room for more bytes in t; 0 when out of memory. */
static int text_room(textbuf *t, size_t more) {
  if (t->n + more > t->cap) {
    size_t cap = t->cap ? t->cap : 4096;
    char *b;
    while (cap < t->n + more)
      cap *= 2;
    b = hlm_realloc(t->b, cap);
    if (!b)
      return 0;
    t->b = b;
    t->cap = cap;
  }
  return 1;
}

/* Appends t[0..n) to buf as a JSON string. */
static int json_str(textbuf *buf, const char *t, size_t n) {
  size_t i;
  if (!text_room(buf, 6 * n + 2))
    return 0;
  buf->b[buf->n++] = '"';
  for (i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)t[i];
    if (ch == '"' || ch == '\\') {
      buf->b[buf->n++] = '\\';
      buf->b[buf->n++] = (char)ch;
    } else if (ch < 0x20) {
      buf->n += (size_t)snprintf(buf->b + buf->n, 7, "\\u%04x", ch);
    } else {
      buf->b[buf->n++] = (char)ch;
    }
  }
  buf->b[buf->n++] = '"';
  return 1;
}

/* Appends to buf the JSON array of the columns FEED_CORE .. of r, up to
 * its last set one (at least one is set).  0 when out of memory. */
static int rest_json(textbuf *buf, const rpls_row *r) {
  int last = FEED_CORE, c;
  for (c = FEED_CORE; c < DW_NSTORED; c++)
    if (rpls_row_has(r, c))
      last = c;
  for (c = FEED_CORE; c <= last; c++) {
    char b[32];
    int v = (int)r->v[c];
    size_t n;
    if (!text_room(buf, 40))
      return 0;
    buf->b[buf->n++] = c == FEED_CORE ? '[' : ',';
    if (!rpls_row_has(r, c)) {
      memcpy(buf->b + buf->n, "null", 4);
      buf->n += 4;
      continue;
    }
    switch (hlm__rpls_cols[c].kind) {
    case RPLS_KIND_INT:
      buf->n += (size_t)snprintf(buf->b + buf->n, 16, "%d", v);
      break;
    case RPLS_KIND_TEXT: {
      const char *t = rpls_row_text(r, c, &n);
      if (!json_str(buf, t, n))
        return 0;
      break;
    }
    case RPLS_KIND_YMD:
      n = (size_t)snprintf(b, sizeof b, "%04d-%02d-%02d", v / 10000,
                           v / 100 % 100, v % 100);
      if (!json_str(buf, b, n))
        return 0;
      break;
    case RPLS_KIND_YM:
      n = (size_t)snprintf(b, sizeof b, "%04d-%02d", v / 100, v % 100);
      if (!json_str(buf, b, n))
        return 0;
      break;
    }
  }
  if (!text_room(buf, 1))
    return 0;
  buf->b[buf->n++] = ']';
  return 1;
}

/* The compact row of a valid line r (rest written to buf).  0 when out of
 * memory. */
static int make_irow(irow *o, const rpls_row *r, textbuf *buf) {
  int c;
  o->line = r->line;
  o->set = (uint32_t)(r->set[0] & ((1u << FEED_CORE) - 1));
  for (c = 0; c < FEED_CORE; c++)
    o->v[c] = r->v[c];
  if (rpls_row_has(r, DW_OWNER)) {
    o->set |= IROW_OWNER;
    o->owner = r->v[DW_OWNER];
  }
  /* most open-data rows set none of the other columns: one test */
  if ((r->set[0] >> FEED_CORE) ||
      (r->set[1] & ((1ULL << (DW_NSTORED - 64)) - 1))) {
    size_t at = buf->n;
    if (!rest_json(buf, r))
      return 0;
    o->set |= IROW_REST;
    o->rest_off = (uint32_t)at;
    o->rest_len = (uint32_t)(buf->n - at);
  }
  return 1;
}

/* ---- the engine ---- */

enum { SLOT_FREE, SLOT_FILLED, SLOT_PARSED };

typedef struct slot {
  char *buf;
  size_t cap, len;
  uint64_t seq;
  int state;
  int last;       /* the file ends with this block */
  int too_long;   /* a line longer than the buffer starts the block */
  int ioerr;      /* read error (errno) */
  uint64_t end;   /* file offset after this block */
  long nlines;    /* physical lines of the block */
  long ndata;     /* non-blank lines */
  rpls_errs errs;
  irow *rows;     /* import: the valid lines */
  size_t nrows, rcap;
  textbuf text;   /* import: their packed columns (JSON) */
} slot;

typedef struct engine engine;

typedef struct worker {
  pthread_t th;
  engine *en;
  rpls_scratch sc;
  rpls_notes notes;
  tally_map map;
  char last_key[40]; /* the key of the previous row and its entry */
  tally *last;
  int oom;
} worker;

struct engine {
  int fd;
  const rpls_ctx *c;
  int import;        /* key tallies by owner/manager/pos 53; fill rows */
  size_t block;
  slot *slots;
  size_t nslots;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  uint64_t next_parse;
  uint64_t filled;   /* blocks handed out by the reader */
  int reader_done;
  int stop;
  pthread_t reader;
  worker *w;
  int nw;
};

/* Reads the file from its current offset into slots, in order. */
static void *reader_main(void *arg) {
  engine *en = arg;
  char *carry = NULL;
  size_t carry_len = 0;
  uint64_t off, seq;
  off = (uint64_t)lseek(en->fd, 0, SEEK_CUR);
  carry = hlm_malloc(2 * en->block);
  for (seq = 0;; seq++) {
    slot *s = &en->slots[seq % en->nslots];
    size_t len, cut;
    int eof = 0, has_nl = 0, err = 0;
    pthread_mutex_lock(&en->mu);
    while (s->state != SLOT_FREE && !en->stop)
      pthread_cond_wait(&en->cv, &en->mu);
    pthread_mutex_unlock(&en->mu);
    if (en->stop)
      break;
    s->seq = seq;
    s->last = s->too_long = s->ioerr = 0;
    if (!carry) {
      s->ioerr = ENOMEM;
      s->len = 0;
      s->last = 1;
      goto hand;
    }
    memcpy(s->buf, carry, carry_len);
    len = carry_len;
    for (;;) {
      ssize_t r;
      if (len >= en->block && has_nl)
        break;
      if (len == s->cap)
        break;
      r = read(en->fd, s->buf + len,
               s->cap - len < en->block ? s->cap - len : en->block);
      if (r < 0) {
        if (errno == EINTR)
          continue;
        err = errno;
        break;
      }
      if (r == 0) {
        eof = 1;
        break;
      }
      if (!has_nl && memchr(s->buf + len, '\n', (size_t)r))
        has_nl = 1;
      len += (size_t)r;
    }
    if (err) {
      s->ioerr = err;
      s->len = 0;
      s->last = 1;
    } else if (eof) {
      s->len = len;
      carry_len = 0;
      s->last = 1;
    } else if (has_nl || memchr(s->buf, '\n', len)) {
      const char *nl = s->buf + len;
      while (nl > s->buf && nl[-1] != '\n')
        nl--;
      cut = (size_t)(nl - s->buf);
      carry_len = len - cut;
      memcpy(carry, s->buf + cut, carry_len);
      s->len = cut;
    } else {
      s->too_long = 1;
      s->len = 0;
      s->last = 1;
    }
    off += s->len;
    s->end = off;
  hand:
    pthread_mutex_lock(&en->mu);
    s->state = SLOT_FILLED;
    en->filled = seq + 1;
    if (s->last)
      en->reader_done = 1;
    pthread_cond_broadcast(&en->cv);
    pthread_mutex_unlock(&en->mu);
    if (s->last)
      break;
  }
  pthread_mutex_lock(&en->mu);
  en->reader_done = 1;
  pthread_cond_broadcast(&en->cv);
  pthread_mutex_unlock(&en->mu);
  hlm_free(carry);
  return NULL;
}

/* Adds one valid row to the worker's tallies. */
static int tally_row(worker *w, const rpls_row *r) {
  const rpls_ctx *c = w->en->c;
  char key[40];
  size_t klen;
  hlm_line_flags fl;
  tally *t;
  int conv = rpls_row_has(r, DW_CONV) ? (int)r->v[DW_CONV] : 0;
  int cons = rpls_row_has(r, DW_CONSTRUCT) ? (int)r->v[DW_CONSTRUCT] : 0;
  int orig = rpls_row_has(r, DW_ORIGINE) ? (int)r->v[DW_ORIGINE] : 0;
  int patr = rpls_row_has(r, DW_PATRIMOINE) ? (int)r->v[DW_PATRIMOINE] : 0;
  if (w->en->import) {
    /* owner \x1f manager SIREN \x1f position 53 (stock_agg's key) */
    char owner[10];
    size_t k = 0, n;
    hlm__rpls_owner(c, r, owner);
    memcpy(key, owner, 9);
    k = 9;
    key[k++] = '\x1f';
    if (rpls_row_has(r, DW_MANAGER)) {
      const char *m = rpls_row_text(r, DW_MANAGER, &n);
      if (!(n == 9 && memcmp(m, owner, 9) == 0)) {
        memcpy(key + k, m, n);
        k += n;
      }
    }
    key[k++] = '\x1f';
    if (rpls_row_has(r, DW_MANAGER_RPLS)) {
      const char *m = rpls_row_text(r, DW_MANAGER_RPLS, &n);
      if (!(n == strlen(c->owner_rpls) && memcmp(m, c->owner_rpls, n) == 0)) {
        memcpy(key + k, m, n);
        k += n;
      }
    }
    key[k] = '\0';
    klen = k;
  } else {
    klen = hlm__rpls_manager_key(c, r, key);
  }
  hlm_dwelling_classify(c->year, conv, cons, orig, patr, &fl);
  /* lines of one manager come together: compare with the previous key
   * (its bytes and NUL) before looking the key up */
  if (w->last && (klen == 9 ? memcmp(w->last_key, key, 10) == 0
                            : memcmp(w->last_key, key, klen + 1) == 0)) {
    t = w->last; /* the entry stays in place until the next insertion */
  } else {
    t = tally_get(&w->map, key);
    if (!t)
      return HLM_ENOMEM;
    w->last = t;
    memcpy(w->last_key, key, klen + 1);
  }
  t->lines++;
  t->conv += fl.conv;
  t->pre77_nc += fl.pre77_nc;
  t->built10 += fl.built10;
  t->entered6 += fl.entered6;
  return HLM_OK;
}

/* Checks every line of block s. */
static void parse_block(worker *w, slot *s) {
  engine *en = w->en;
  char *p = s->buf, *end = s->buf + s->len;
  long lineno = 0, ndata = 0;
  rpls_row tmp;
  rpls_notes notes = {0, 0, 0, 0}; /* this block's, added at its end */
  s->nlines = s->ndata = 0;
  s->nrows = 0;
  s->text.n = 0;
  s->errs.n = 0;
  s->errs.total = 0;
  while (p < end) {
    char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
    int rc;
    lineno++;
    if (len > 0 && p[len - 1] == '\r')
      len--;
    if (len == 0)
      goto next;
    ndata++;
    rc = hlm__rpls_line(en->c, p, len, lineno, &w->sc, &tmp, &s->errs,
                        &notes);
    if (rc < 0) {
      w->oom = 1;
      break;
    }
    if (rc == 1) {
      if (tally_row(w, &tmp) < 0) {
        w->oom = 1;
        break;
      }
      if (en->import) {
        if (s->nrows == s->rcap) {
          size_t cap = s->rcap ? s->rcap * 2 : 1024;
          irow *r = hlm_realloc(s->rows, cap * sizeof *r);
          if (!r) {
            w->oom = 1;
            break;
          }
          s->rows = r;
          s->rcap = cap;
        }
        if (!make_irow(&s->rows[s->nrows], &tmp, &s->text)) {
          w->oom = 1;
          break;
        }
        s->nrows++;
      }
    }
  next:
    if (!nl)
      break;
    p = nl + 1;
  }
  s->nlines = lineno;
  s->ndata = ndata;
  rpls_notes_add(&w->notes, &notes);
}

static void *worker_main(void *arg) {
  worker *w = arg;
  engine *en = w->en;
  for (;;) {
    slot *s;
    uint64_t seq;
    pthread_mutex_lock(&en->mu);
    for (;;) {
      if (en->stop)
        break;
      if (en->next_parse < en->filled) {
        s = &en->slots[en->next_parse % en->nslots];
        if (s->state == SLOT_FILLED && s->seq == en->next_parse)
          break;
      } else if (en->reader_done) {
        break;
      }
      pthread_cond_wait(&en->cv, &en->mu);
    }
    if (en->stop || en->next_parse >= en->filled) {
      pthread_mutex_unlock(&en->mu);
      break;
    }
    seq = en->next_parse++;
    pthread_mutex_unlock(&en->mu);
    s = &en->slots[seq % en->nslots];
    if (!s->too_long && !s->ioerr)
      parse_block(w, s);
    pthread_mutex_lock(&en->mu);
    s->state = SLOT_PARSED;
    pthread_cond_broadcast(&en->cv);
    pthread_mutex_unlock(&en->mu);
  }
  return NULL;
}

static void engine_free(engine *en) {
  size_t i;
  int k;
  if (en->slots)
    for (i = 0; i < en->nslots; i++) {
      hlm_free(en->slots[i].buf);
      hlm__rpls_errs_free(&en->slots[i].errs);
      hlm_free(en->slots[i].rows);
      hlm_free(en->slots[i].text.b);
    }
  hlm_free(en->slots);
  if (en->w)
    for (k = 0; k < en->nw; k++) {
      hlm__rpls_scratch_free(&en->w[k].sc);
      tally_map_free(&en->w[k].map);
    }
  hlm_free(en->w);
  pthread_mutex_destroy(&en->mu);
  pthread_cond_destroy(&en->cv);
}

/* Prepares the engine on fd (positioned after the header) with nw
 * workers.  Starts nothing yet. */
static int engine_init(engine *en, int fd, const rpls_ctx *c, int import,
                       int nw, size_t max_errors, hlm_error *err) {
  size_t i;
  memset(en, 0, sizeof *en);
  pthread_mutex_init(&en->mu, NULL);
  pthread_cond_init(&en->cv, NULL);
  en->fd = fd;
  en->c = c;
  en->import = import;
  en->block = import ? IMPORT_BLOCK : VALIDATE_BLOCK;
  en->nw = nw;
  en->nslots = (size_t)nw * 2 + 2;
  en->slots = hlm_calloc(en->nslots, sizeof *en->slots);
  en->w = hlm_calloc((size_t)nw, sizeof *en->w);
  if (!en->slots || !en->w)
    return hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
  for (i = 0; i < en->nslots; i++) {
    slot *s = &en->slots[i];
    s->cap = 2 * en->block;
    s->buf = hlm_malloc(s->cap);
    if (!s->buf)
      return hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
    s->errs.max = max_errors;
  }
  for (i = 0; i < (size_t)nw; i++)
    en->w[i].en = en;
  return HLM_OK;
}

static int engine_start(engine *en, hlm_error *err) {
  int k;
  if (pthread_create(&en->reader, NULL, reader_main, en) != 0)
    return hlm_error_set(err, HLM_EINTERNAL, "impossible de créer un fil "
                                             "d'exécution");
  for (k = 0; k < en->nw; k++)
    if (pthread_create(&en->w[k].th, NULL, worker_main, &en->w[k]) != 0) {
      en->nw = k;
      return hlm_error_set(err, HLM_EINTERNAL, "impossible de créer un fil "
                                               "d'exécution");
    }
  return HLM_OK;
}

static void engine_stop(engine *en) {
  int k;
  pthread_mutex_lock(&en->mu);
  en->stop = 1;
  pthread_cond_broadcast(&en->cv);
  pthread_mutex_unlock(&en->mu);
  pthread_join(en->reader, NULL);
  for (k = 0; k < en->nw; k++)
    pthread_join(en->w[k].th, NULL);
}

/* Waits for block seq parsed; NULL at the end of the file. */
static slot *engine_take(engine *en, uint64_t seq) {
  slot *s = &en->slots[seq % en->nslots];
  pthread_mutex_lock(&en->mu);
  for (;;) {
    if (seq < en->filled && s->seq == seq && s->state == SLOT_PARSED)
      break;
    if (en->reader_done && seq >= en->filled) {
      s = NULL;
      break;
    }
    pthread_cond_wait(&en->cv, &en->mu);
  }
  pthread_mutex_unlock(&en->mu);
  return s;
}

static void engine_give(engine *en, slot *s) {
  pthread_mutex_lock(&en->mu);
  s->state = SLOT_FREE;
  pthread_cond_broadcast(&en->cv);
  pthread_mutex_unlock(&en->mu);
}

/* ---- the header line ---- */

/* Reads the first non-blank line of fd into *out (allocated, NUL-
 * terminated, BOM and end of line removed); leaves fd just after it.
 * Returns 1 (a line, *lineno its number), 0 (the file is empty or blank)
 * or a negative code. */
static int read_header(int fd, const char *path, char **out, size_t *outlen,
                       long *lineno, hlm_diags *d, hlm_error *err) {
  char *buf = hlm_malloc(HEADER_MAX + 1);
  size_t len = 0, start = 0, i;
  long line = 0;
  uint64_t consumed = 0;
  int eof = 0;
  *out = NULL;
  if (!buf)
    return hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
  for (;;) {
    char *nl;
    while (!eof && len < HEADER_MAX && !memchr(buf + start, '\n', len - start)) {
      ssize_t r = read(fd, buf + len, HEADER_MAX - len);
      if (r < 0) {
        if (errno == EINTR)
          continue;
        hlm_free(buf);
        return hlm_error_at(err, HLM_EIO, path, 0, 0, NULL,
                            "erreur de lecture : %s", strerror(errno));
      }
      if (r == 0)
        eof = 1;
      len += (size_t)r;
    }
    if (line == 0 && len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
      start = 3;
    nl = memchr(buf + start, '\n', len - start);
    if (!nl && !eof) {
      hlm_diags_at(d, path, line + 1, 0, NULL,
                   "ligne d'en-tête trop longue (plus de %u octets)",
                   HEADER_MAX);
      hlm_free(buf);
      return HLM_EINPUT;
    }
    line++;
    {
      size_t end = nl ? (size_t)(nl - buf) : len, l = end - start;
      size_t t = l;
      while (t > 0 && buf[start + t - 1] == '\r')
        t--;
      for (i = 0; i < t && (buf[start + i] == ' ' || buf[start + i] == '\t');
           i++)
        ;
      if (i < t) {
        char *h = hlm_malloc(l + 1);
        if (!h) {
          hlm_free(buf);
          return hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
        }
        memcpy(h, buf + start, l);
        h[l] = '\0';
        *out = h;
        *outlen = l;
        *lineno = line;
        consumed += (nl ? end + 1 : end);
        hlm_free(buf);
        if (lseek(fd, (off_t)consumed, SEEK_SET) < 0)
          return hlm_error_at(err, HLM_EIO, path, 0, 0, NULL,
                              "erreur de lecture : %s", strerror(errno));
        return 1;
      }
      if (!nl) {
        hlm_free(buf);
        return 0;
      }
      /* blank line before the header: drop it */
      consumed += end + 1;
      memmove(buf, buf + end + 1, len - end - 1);
      len -= end + 1;
      start = 0;
    }
  }
}

/* ---- shared run ---- */

/* What one run of the engine produces. */
typedef struct run {
  rpls_ctx c;
  int64_t lines;     /* data lines (non-blank) */
  rpls_notes notes;
  tally_map map;     /* merged tallies */
  uint64_t size;
} run;

/* Import hooks: after the header (prepare the statements), and for each
 * block (insert its rows). */
typedef int (*header_fn)(void *ctx, const rpls_ctx *c, hlm_error *err);
typedef int (*block_fn)(void *ctx, const slot *s, hlm_error *err);

static int cpu_count(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

/* Reads fd whole: header, then every line through the engine with nw
 * workers; errors to d, rows to fn (when set, only while d has no error).
 * Returns HLM_OK, HLM_EINPUT (errors in d) or another code in err. */
static int run_file(run *R, int fd, const char *path,
                    const hlm_import_opts *o, int import, int nw,
                    header_fn hfn, block_fn fn, void *fnctx, hlm_diags *d,
                    hlm_error *err) {
  char *head = NULL;
  size_t hlen = 0;
  long hline = 0, base;
  engine en;
  int rc, k, started = 0, en_init = 0;
  uint64_t seq, last_progress = 0;
  struct stat st;

  memset(R, 0, sizeof *R);
  if (fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode))
      return hlm_error_at(err, HLM_EIO, path, 0, 0, NULL,
                          "c'est un répertoire, pas un fichier");
    if (S_ISREG(st.st_mode))
      R->size = (uint64_t)st.st_size;
  }
  rc = read_header(fd, path, &head, &hlen, &hline, d, err);
  if (rc < 0)
    return rc;
  if (rc == 0) {
    hlm_diags_at(d, path, 1, 0, NULL,
                 "fichier vide : la ligne d'en-tête manque (en-tête du "
                 "bailleur ou noms des colonnes)");
    return HLM_EINPUT;
  }
  rc = hlm__rpls_header(&R->c, path, head, hlen, hline, o, d, err);
  if (rc < 0)
    goto done;
  R->c.want_rows = import;
  if (hfn && (rc = hfn(fnctx, &R->c, err)) < 0)
    goto done;

  if ((rc = engine_init(&en, fd, &R->c, import, nw, d->max, err)) < 0) {
    en_init = 1;
    goto done;
  }
  en_init = 1;
  if ((rc = engine_start(&en, err)) < 0)
    goto done;
  started = 1;
  base = hline;
  for (seq = 0;; seq++) {
    slot *s = engine_take(&en, seq);
    size_t i;
    if (!s)
      break;
    if (s->ioerr) {
      rc = hlm_error_at(err, s->ioerr == ENOMEM ? HLM_ENOMEM : HLM_EIO, path,
                        base + 1, 0, NULL, "erreur de lecture : %s",
                        strerror(s->ioerr));
      goto done;
    }
    if (s->too_long) {
      hlm_diags_at(d, path, base + 1, 0, NULL,
                   "ligne trop longue (plus de %zu octets)", en.block);
      rc = HLM_EINPUT;
      goto done;
    }
    for (i = 0; i < s->errs.n; i++) {
      hlm_error e = s->errs.items[i];
      e.line += base;
      hlm_diags_add(d, &e);
    }
    d->total += s->errs.total - s->errs.n;
    base += s->nlines;
    R->lines += s->ndata;
    if (fn && d->total == 0 && s->nrows > 0 &&
        (rc = fn(fnctx, s, err)) < 0)
      goto done;
    if (o->progress && s->end - last_progress > (4u << 20)) {
      o->progress(o->progress_ctx, s->end, R->size);
      last_progress = s->end;
    }
    engine_give(&en, s);
  }
  engine_stop(&en);
  started = 0;
  for (k = 0; k < en.nw; k++)
    if (en.w[k].oom) {
      rc = hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
      goto done;
    }
  /* merge the workers' tallies and notes */
  for (k = 0; k < en.nw; k++) {
    size_t i;
    rpls_notes_add(&R->notes, &en.w[k].notes);
    for (i = 0; i < en.w[k].map.cap; i++) {
      const tally *t = &en.w[k].map.t[i];
      tally *m;
      if (!t->key[0])
        continue;
      m = tally_get(&R->map, t->key);
      if (!m) {
        rc = hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
        goto done;
      }
      m->lines += t->lines;
      m->conv += t->conv;
      m->pre77_nc += t->pre77_nc;
      m->built10 += t->built10;
      m->entered6 += t->entered6;
    }
  }
  if (R->c.shape == RPLS_SUBMISSION && R->lines != R->c.declared)
    hlm_diags_at(d, path, R->c.header_line, 0,
                 "en-tête pos 11 (nombre de logements)",
                 "l'en-tête annonce %ld logement%s, le fichier en contient "
                 "%lld",
                 R->c.declared, R->c.declared > 1 ? "s" : "",
                 (long long)R->lines);
  if (o->progress)
    o->progress(o->progress_ctx, R->size, R->size);
  rc = d->total > 0 ? HLM_EINPUT : HLM_OK;
done:
  if (started)
    engine_stop(&en);
  if (en_init)
    engine_free(&en);
  hlm_free(head);
  return rc;
}

static void run_free(run *R) {
  hlm__rpls_ctx_free(&R->c);
  tally_map_free(&R->map);
}

/* The French notes of the readings applied. */
static void format_notes(const run *R, char *out, size_t n) {
  size_t k = 0;
  int64_t r53 = 0;
  size_t i;
  out[0] = '\0';
#define ADD(...)                                                               \
  do {                                                                         \
    if (k < n)                                                                 \
      k += (size_t)snprintf(out + k, n - k, __VA_ARGS__);                      \
  } while (0)
  if (R->notes.typeconst_e)
    ADD("%sTYPECONST : %lld ligne(s) de type « E » acceptée(s) et lue(s) "
        "comme logement étudiant (lettre non confirmée par les sources).",
        k ? " " : "", (long long)R->notes.typeconst_e);
  if (R->notes.qpv_flag || R->notes.qpv_code)
    ADD("%sQPV_CODE : la forme n'est pas confirmée ; les deux lectures sont "
        "acceptées (1/2 oui-non : %lld ligne(s) ; code de quartier : %lld "
        "ligne(s)).",
        k ? " " : "", (long long)R->notes.qpv_flag,
        (long long)R->notes.qpv_code);
  if (R->notes.date_iso)
    ADD("%sDates : %lld valeur(s) au format ISO (aaaa-mm-jj ou aaaa-mm) "
        "acceptée(s) à côté du format de l'arrêté.",
        k ? " " : "", (long long)R->notes.date_iso);
  for (i = 0; i < R->map.cap; i++) {
    const tally *t = &R->map.t[i];
    if (!t->key[0])
      continue;
    if (t->key[0] == 'R' && t->key[1] == ':')
      r53 += t->lines;
    else {
      const char *x = strrchr(t->key, '\x1f');
      if (x && x[1])
        r53 += t->lines;
    }
  }
  if (r53)
    ADD("%sPosition 53 : %lld logement(s) géré(s) par un organisme désigné "
        "par son numéro interne ; il est rattaché au moment du décompte à "
        "l'organisme dont rpls_number est ce numéro.",
        k ? " " : "", (long long)r53);
#undef ADD
}

/* ---- validate ---- */

static int cmp_tally(const void *a, const void *b) {
  return strcmp(((const hlm_rpls_tally *)a)->key,
                ((const hlm_rpls_tally *)b)->key);
}

int hlm__rpls_validate_fd(int fd, const char *path, const hlm_import_opts *o,
                          int threads, hlm_rpls_summary *sum, hlm_diags *d,
                          hlm_error *err) {
  run R;
  int rc;
  size_t i, k = 0;
  memset(sum, 0, sizeof *sum);
  if (threads <= 0)
    threads = cpu_count();
  rc = run_file(&R, fd, path, o, 0, threads, NULL, NULL, NULL, d, err);
  sum->shape = R.c.shape;
  sum->year = R.c.year;
  sum->lines = R.lines;
  format_notes(&R, sum->notes, sizeof sum->notes);
  if (R.map.n > 0) {
    sum->tallies = hlm_calloc(R.map.n, sizeof *sum->tallies);
    if (!sum->tallies) {
      run_free(&R);
      return hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
    }
    for (i = 0; i < R.map.cap; i++) {
      const tally *t = &R.map.t[i];
      hlm_rpls_tally *x;
      if (!t->key[0])
        continue;
      x = &sum->tallies[k++];
      memcpy(x->key, t->key, sizeof x->key - 1); /* keys are < 24 bytes */
      x->key[sizeof x->key - 1] = '\0';
      x->lines = t->lines;
      x->conv = t->conv;
      x->pre77_nc = t->pre77_nc;
      x->built10 = t->built10;
      x->entered6 = t->entered6;
    }
    sum->n_tallies = k;
    qsort(sum->tallies, k, sizeof *sum->tallies, cmp_tally);
  }
  run_free(&R);
  return rc;
}

int hlm_rpls_validate(const char *path, const hlm_import_opts *o,
                      int threads, hlm_rpls_summary *sum, hlm_diags *d,
                      hlm_error *err) {
  int fd, rc;
  memset(sum, 0, sizeof *sum);
  fd = open(path, O_RDONLY);
  if (fd < 0)
    return hlm_error_at(err, HLM_EIO, path, 0, 0, NULL,
                        "impossible d'ouvrir le fichier : %s",
                        strerror(errno));
#ifdef POSIX_FADV_SEQUENTIAL
  posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  rc = hlm__rpls_validate_fd(fd, path, o, threads, sum, d, err);
  close(fd);
  return rc;
}

void hlm_rpls_summary_free(hlm_rpls_summary *sum) {
  if (!sum)
    return;
  hlm_free(sum->tallies);
  sum->tallies = NULL;
  sum->n_tallies = 0;
}

/* ---- import ---- */

typedef struct owner_stock {
  char owner[10];
  int64_t id;   /* rpls_stocks.id of the new stock */
  int64_t old;  /* id of the stock it replaces, 0 none */
  int64_t lines;
} owner_stock;

/* Owners by SIREN: open addressing over the owner array's indexes. */
typedef struct owner_index {
  int32_t *slot; /* index + 1, 0 = empty */
  size_t cap;
} owner_index;

static size_t owner_hash(const char *o, size_t cap) {
  uint64_t v = 0;
  int i;
  for (i = 0; i < 9; i++)
    v = v * 10 + (uint64_t)(o[i] - '0');
  return (size_t)((v * 0x9E3779B97F4A7C15ULL) >> 20) & (cap - 1);
}

typedef struct importer {
  hlm_store *s;
  const rpls_ctx *c;
  const char *path;
  sqlite3_stmt *ins, *find, *del_stock, *del_agg, *new_stock;
  int module;        /* the feed module is registered on the connection */
  /* the block being inserted (read by the feed's cursor) */
  const slot *sl;
  int64_t *stock_of; /* per row of sl: rpls_stocks.id */
  size_t stock_cap;
  owner_stock *owners;
  size_t n_owners, cap_owners;
  owner_index idx;
  owner_stock *last; /* the owner of the previous row */
} importer;

static owner_stock *find_owner(importer *im, const char *owner) {
  size_t i;
  if (im->last && memcmp(im->last->owner, owner, 9) == 0)
    return im->last;
  if (!im->idx.cap)
    return NULL;
  for (i = owner_hash(owner, im->idx.cap); im->idx.slot[i];
       i = (i + 1) & (im->idx.cap - 1)) {
    owner_stock *o = &im->owners[im->idx.slot[i] - 1];
    if (memcmp(o->owner, owner, 9) == 0)
      return im->last = o;
  }
  return NULL;
}

/* Indexes owners[0 .. n_owners) (after a growth or an addition). */
static int index_owners(importer *im) {
  size_t i, j;
  if ((im->n_owners + 1) * 2 > im->idx.cap) {
    size_t cap = im->idx.cap ? im->idx.cap * 2 : 256;
    int32_t *t = hlm_calloc(cap, sizeof *t);
    if (!t)
      return HLM_ENOMEM;
    hlm_free(im->idx.slot);
    im->idx.slot = t;
    im->idx.cap = cap;
    for (i = 0; i + 1 < im->n_owners; i++) {
      for (j = owner_hash(im->owners[i].owner, cap); t[j];
           j = (j + 1) & (cap - 1))
        ;
      t[j] = (int32_t)i + 1;
    }
  }
  i = im->n_owners - 1;
  for (j = owner_hash(im->owners[i].owner, im->idx.cap); im->idx.slot[j];
       j = (j + 1) & (im->idx.cap - 1))
    ;
  im->idx.slot[j] = (int32_t)i + 1;
  return HLM_OK;
}

/* First line of an owner: its previous stock of that year (if any) is
 * dropped (its dwellings are deleted at the end, by one scan), and a new
 * stock row is created. */
static owner_stock *open_owner(importer *im, const char *owner,
                               hlm_error *err) {
  owner_stock *o;
  if (im->n_owners == im->cap_owners) {
    size_t cap = im->cap_owners ? im->cap_owners * 2 : 64;
    owner_stock *p = hlm_realloc(im->owners, cap * sizeof *p);
    if (!p) {
      hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
      return NULL;
    }
    im->owners = p;
    im->cap_owners = cap;
  }
  o = &im->owners[im->n_owners];
  memset(o, 0, sizeof *o);
  memcpy(o->owner, owner, 10);
  sqlite3_bind_int(im->find, 1, im->c->year);
  sqlite3_bind_text(im->find, 2, owner, 9, SQLITE_STATIC);
  if (sqlite3_step(im->find) == SQLITE_ROW)
    o->old = sqlite3_column_int64(im->find, 0);
  sqlite3_reset(im->find);
  if (o->old) {
    sqlite3_bind_int64(im->del_stock, 1, o->old);
    sqlite3_bind_int64(im->del_agg, 1, o->old);
    if (sqlite3_step(im->del_stock) != SQLITE_DONE ||
        sqlite3_step(im->del_agg) != SQLITE_DONE) {
      hlm__store_fail(im->s, err, "remplacement du parc");
      return NULL;
    }
    sqlite3_reset(im->del_stock);
    sqlite3_reset(im->del_agg);
  }
  sqlite3_bind_int(im->new_stock, 1, im->c->year);
  sqlite3_bind_text(im->new_stock, 2, owner, 9, SQLITE_STATIC);
  sqlite3_bind_int(im->new_stock, 3, im->c->shape);
  sqlite3_bind_text(im->new_stock, 4, im->path, -1, SQLITE_STATIC);
  if (sqlite3_step(im->new_stock) != SQLITE_DONE) {
    hlm__store_fail(im->s, err, "création du parc");
    return NULL;
  }
  sqlite3_reset(im->new_stock);
  o->id = sqlite3_last_insert_rowid(hlm__store_db(im->s));
  im->n_owners++;
  if (index_owners(im) < 0) {
    hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
    return NULL;
  }
  return im->last = o;
}

/* ---- the feed: the rows of a block as a virtual table ----
 *
 * "INSERT INTO dwelling_rows SELECT * FROM hlm_rpls_feed" once per block:
 * SQLite reads each value from the row the worker typed (no bind, no
 * statement per row); text values point into the block (SQLITE_STATIC:
 * the block outlives the step).  The columns: stock, the 17 typed columns
 * of dwelling_rows (DW_MANAGER .. DW_DPESERRE), then rest, the other
 * columns as one JSON array (schema.c, migration 3). */

#define FEED_NAME "hlm_rpls_feed"

typedef struct feed_vtab {
  sqlite3_vtab base;
  importer *im;
} feed_vtab;

typedef struct feed_cursor {
  sqlite3_vtab_cursor base;
  size_t row;
} feed_cursor;

static int feed_connect(sqlite3 *db, void *aux, int argc,
                        const char *const *argv, sqlite3_vtab **out,
                        char **errmsg) {
  feed_vtab *v;
  char sql[1024];
  size_t k = 0;
  int c, rc;
  (void)argc;
  (void)argv;
  (void)errmsg;
  k += (size_t)snprintf(sql + k, sizeof sql - k, "CREATE TABLE x(stock");
  for (c = 0; c < FEED_CORE; c++)
    k += (size_t)snprintf(sql + k, sizeof sql - k, ",%s",
                          hlm__rpls_cols[c].name);
  snprintf(sql + k, sizeof sql - k, ",rest)");
  if ((rc = sqlite3_declare_vtab(db, sql)) != SQLITE_OK)
    return rc;
  v = sqlite3_malloc(sizeof *v);
  if (!v)
    return SQLITE_NOMEM;
  memset(v, 0, sizeof *v);
  v->im = aux;
  *out = &v->base;
  return SQLITE_OK;
}

static int feed_disconnect(sqlite3_vtab *v) {
  sqlite3_free(v);
  return SQLITE_OK;
}

static int feed_best_index(sqlite3_vtab *v, sqlite3_index_info *info) {
  (void)v;
  info->estimatedCost = 1e6;
  info->estimatedRows = 1000000;
  return SQLITE_OK;
}

static int feed_open(sqlite3_vtab *v, sqlite3_vtab_cursor **out) {
  feed_cursor *cu = sqlite3_malloc(sizeof *cu);
  (void)v;
  if (!cu)
    return SQLITE_NOMEM;
  memset(cu, 0, sizeof *cu);
  *out = &cu->base;
  return SQLITE_OK;
}

static int feed_close(sqlite3_vtab_cursor *cu) {
  sqlite3_free(cu);
  return SQLITE_OK;
}

static int feed_filter(sqlite3_vtab_cursor *cu, int idx, const char *idxs,
                       int argc, sqlite3_value **argv) {
  (void)idx;
  (void)idxs;
  (void)argc;
  (void)argv;
  ((feed_cursor *)cu)->row = 0;
  return SQLITE_OK;
}

static int feed_next(sqlite3_vtab_cursor *cu) {
  ((feed_cursor *)cu)->row++;
  return SQLITE_OK;
}

static int feed_eof(sqlite3_vtab_cursor *cu) {
  const importer *im = ((feed_vtab *)cu->pVtab)->im;
  return !im->sl || ((feed_cursor *)cu)->row >= im->sl->nrows;
}

static int feed_rowid(sqlite3_vtab_cursor *cu, sqlite3_int64 *id) {
  *id = (sqlite3_int64)((feed_cursor *)cu)->row;
  return SQLITE_OK;
}

static int feed_column(sqlite3_vtab_cursor *cu, sqlite3_context *ctx,
                       int i) {
  const importer *im = ((feed_vtab *)cu->pVtab)->im;
  size_t row = ((feed_cursor *)cu)->row;
  const irow *r = &im->sl->rows[row];
  int c = i - 1;
  if (i == 0) {
    sqlite3_result_int64(ctx, im->stock_of[row]);
  } else if (c < FEED_CORE) {
    if (!((r->set >> c) & 1u))
      return SQLITE_OK; /* NULL */
    if (hlm__rpls_cols[c].kind == RPLS_KIND_INT)
      sqlite3_result_int(ctx, (int)r->v[c]);
    else /* the typed columns are INT or TEXT */
      sqlite3_result_text(ctx, r->line + (r->v[c] >> 12),
                          (int)(r->v[c] & 0xFFFu), SQLITE_STATIC);
  } else if (r->set & IROW_REST) {
    sqlite3_result_text(ctx, im->sl->text.b + r->rest_off, (int)r->rest_len,
                        SQLITE_STATIC);
  }
  return SQLITE_OK;
}

static const sqlite3_module feed_module = {
    /* no xCreate: an eponymous table, read only */
    .iVersion = 0,
    .xConnect = feed_connect,
    .xBestIndex = feed_best_index,
    .xDisconnect = feed_disconnect,
    .xOpen = feed_open,
    .xClose = feed_close,
    .xFilter = feed_filter,
    .xNext = feed_next,
    .xEof = feed_eof,
    .xColumn = feed_column,
    .xRowid = feed_rowid,
};

/* Inserts the rows of a block: the owner (stock) of every row first (this
 * may create stocks), then one INSERT ... SELECT over the feed. */
static int insert_block(void *ctx, const slot *sl, hlm_error *err) {
  importer *im = ctx;
  size_t r;
  if (sl->nrows > im->stock_cap) {
    int64_t *p = hlm_realloc(im->stock_of, sl->nrows * sizeof *p);
    if (!p)
      return hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
    im->stock_of = p;
    im->stock_cap = sl->nrows;
  }
  for (r = 0; r < sl->nrows; r++) {
    char owner[10];
    owner_stock *o;
    const irow *ir = &sl->rows[r];
    if (ir->set & IROW_OWNER) {
      memcpy(owner, ir->line + (ir->owner >> 12), 9);
      owner[9] = '\0';
    } else {
      memcpy(owner, im->c->shape == RPLS_OPENDATA ? im->c->fixed_owner
                                                  : im->c->owner,
             10);
    }
    o = find_owner(im, owner);
    if (!o && !(o = open_owner(im, owner, err)))
      return err->code ? err->code : HLM_ESTORE;
    o->lines++;
    im->stock_of[r] = o->id;
  }
  im->sl = sl;
  if (sqlite3_step(im->ins) != SQLITE_DONE) {
    sqlite3_reset(im->ins);
    im->sl = NULL;
    return hlm__store_fail(im->s, err, "insertion d'un logement");
  }
  sqlite3_reset(im->ins);
  im->sl = NULL;
  return HLM_OK;
}

/* After the header: the statements of the import. */
static int prepare_import(void *ctx, const rpls_ctx *c, hlm_error *err) {
  importer *im = ctx;
  char sql[1024];
  size_t k = 0;
  int rc, i;
  im->c = c;
  if (sqlite3_create_module_v2(hlm__store_db(im->s), FEED_NAME, &feed_module,
                               im, NULL) != SQLITE_OK)
    return hlm__store_fail(im->s, err, "préparation");
  im->module = 1;
  /* every column, in table order, even those a file of this header
   * leaves NULL: SQLite then reads the feed's values straight into the
   * registers of the new record (a column list that skips some adds a
   * copy of each value) */
  k += (size_t)snprintf(sql + k, sizeof sql - k,
                        "INSERT INTO dwelling_rows(stock");
  for (i = 0; i < FEED_CORE; i++)
    k += (size_t)snprintf(sql + k, sizeof sql - k, ",%s",
                          hlm__rpls_cols[i].name);
  snprintf(sql + k, sizeof sql - k, ",rest) SELECT * FROM " FEED_NAME);
  rc = hlm__store_prepare(im->s, sql, &im->ins, err);
  if (rc < 0 ||
      (rc = hlm__store_prepare(im->s, "SELECT id FROM rpls_stocks WHERE "
                                      "year = ? AND owner = ?",
                               &im->find, err)) < 0 ||
      (rc = hlm__store_prepare(im->s, "DELETE FROM rpls_stocks WHERE id = ?",
                               &im->del_stock, err)) < 0 ||
      (rc = hlm__store_prepare(im->s, "DELETE FROM stock_agg WHERE stock = ?",
                               &im->del_agg, err)) < 0 ||
      (rc = hlm__store_prepare(im->s, "INSERT INTO rpls_stocks(year, owner, "
                                      "shape, file, lines) "
                                      "VALUES(?,?,?,?,0)",
                               &im->new_stock, err)) < 0)
    return rc;
  return HLM_OK;
}

/* Ends the import: stock sizes, per-manager sums, the old dwellings of the
 * replaced stocks (one scan), the journal. */
static int finish_import(importer *im, const run *R, hlm_error *err) {
  sqlite3_stmt *st = NULL;
  size_t i;
  int rc = HLM_OK, any_old = 0;
  hlm_store *s = im->s;

  if ((rc = hlm__store_prepare(s, "UPDATE rpls_stocks SET lines = ? WHERE "
                                  "id = ?",
                               &st, err)) < 0)
    return rc;
  for (i = 0; i < im->n_owners; i++) {
    sqlite3_bind_int64(st, 1, im->owners[i].lines);
    sqlite3_bind_int64(st, 2, im->owners[i].id);
    if (sqlite3_step(st) != SQLITE_DONE) {
      rc = hlm__store_fail(s, err, "taille du parc");
      goto done;
    }
    sqlite3_reset(st);
    any_old |= im->owners[i].old != 0;
  }
  sqlite3_finalize(st);
  st = NULL;

  if ((rc = hlm__store_prepare(
           s,
           "INSERT INTO stock_agg(stock, manager, manager_rpls, lines, conv,"
           " pre77_nc, built10, entered6) VALUES(?,?,?,?,?,?,?,?)",
           &st, err)) < 0)
    return rc;
  for (i = 0; i < R->map.cap; i++) {
    const tally *t = &R->map.t[i];
    const char *m, *r;
    owner_stock *o;
    if (!t->key[0])
      continue;
    o = find_owner(im, t->key);
    if (!o) {
      rc = hlm_error_set(err, HLM_EINTERNAL, "parc introuvable pour %.9s",
                         t->key);
      goto done;
    }
    m = t->key + 10;
    r = strchr(m, '\x1f') + 1;
    sqlite3_bind_int64(st, 1, o->id);
    sqlite3_bind_text(st, 2, m, (int)(r - 1 - m), SQLITE_STATIC);
    sqlite3_bind_text(st, 3, r, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, t->lines);
    sqlite3_bind_int64(st, 5, t->conv);
    sqlite3_bind_int64(st, 6, t->pre77_nc);
    sqlite3_bind_int64(st, 7, t->built10);
    sqlite3_bind_int64(st, 8, t->entered6);
    if (sqlite3_step(st) != SQLITE_DONE) {
      rc = hlm__store_fail(s, err, "sommes par gestionnaire");
      goto done;
    }
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  st = NULL;

  if (any_old) {
    /* The dwellings of the replaced stocks: one scan of the table (it has
     * no index on stock, which keeps the insert fast). */
    if ((rc = hlm__store_exec(s, "CREATE TEMP TABLE IF NOT EXISTS "
                                 "rpls_replaced(id INTEGER PRIMARY KEY)",
                              err)) < 0 ||
        (rc = hlm__store_exec(s, "DELETE FROM temp.rpls_replaced", err)) < 0)
      goto done;
    if ((rc = hlm__store_prepare(s, "INSERT INTO temp.rpls_replaced(id) "
                                    "VALUES(?)",
                                 &st, err)) < 0)
      goto done;
    for (i = 0; i < im->n_owners; i++)
      if (im->owners[i].old) {
        sqlite3_bind_int64(st, 1, im->owners[i].old);
        if (sqlite3_step(st) != SQLITE_DONE) {
          rc = hlm__store_fail(s, err, "remplacement du parc");
          goto done;
        }
        sqlite3_reset(st);
      }
    sqlite3_finalize(st);
    st = NULL;
    if ((rc = hlm__store_exec(s, "DELETE FROM dwelling_rows WHERE stock IN "
                                 "(SELECT id FROM temp.rpls_replaced)",
                              err)) < 0)
      goto done;
  }

  if ((rc = hlm__store_prepare(
           s, "INSERT INTO import_log(kind, file, rows) VALUES('rpls',?,?)",
           &st, err)) < 0)
    goto done;
  sqlite3_bind_text(st, 1, im->path, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 2, R->lines);
  if (sqlite3_step(st) != SQLITE_DONE)
    rc = hlm__store_fail(s, err, "journal");
done:
  sqlite3_finalize(st);
  return rc;
}

int hlm_import_rpls(hlm_store *s, const char *path, const hlm_import_opts *o,
                    hlm_import_report *rep, hlm_diags *d, hlm_error *err) {
  importer im;
  run R;
  int fd, rc, in_tx = 0, have_run = 0, journal = 0;
  hlm_diags d2;

  memset(rep, 0, sizeof *rep);
  memset(&im, 0, sizeof im);
  hlm_diags_init(&d2, d->max);
  fd = open(path, O_RDONLY);
  if (fd < 0)
    return hlm_error_at(err, HLM_EIO, path, 0, 0, NULL,
                        "impossible d'ouvrir le fichier : %s",
                        strerror(errno));
#ifdef POSIX_FADV_SEQUENTIAL
  posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  im.s = s;
  im.path = path;

  /* Pass 1: the whole file is checked (every core, no store) before the
   * store is touched: an invalid file leaves it byte for byte as it was. */
  rc = run_file(&R, fd, path, o, 0, cpu_count(), NULL, NULL, NULL, d, err);
  run_free(&R);
  if (rc < 0)
    goto done;
  if (lseek(fd, 0, SEEK_SET) < 0) {
    rc = hlm_error_at(err, HLM_EIO, path, 0, 0, NULL, "erreur de lecture : %s",
                      strerror(errno));
    goto done;
  }

  /* Pass 2, in one transaction.  A rollback journal for the time of the
   * import: the new pages are written once (WAL would write them twice,
   * to the log then to the base); the journal keeps the import atomic.
   * The switch fails harmlessly (stays WAL) when another connection is
   * open.  A large page cache: the new stock is written at COMMIT. */
  if (hlm__store_exec(s, "PRAGMA journal_mode=DELETE", NULL) == HLM_OK)
    journal = 1;
  if ((rc = hlm_store_begin(s, err)) < 0)
    goto done;
  in_tx = 1;
  if ((rc = hlm__store_exec(s, "PRAGMA cache_size = -262144", err)) < 0)
    goto done;
  /* one parser thread feeds this (SQLite) thread; errors here mean the
   * file changed since pass 1 */
  rc = run_file(&R, fd, path, o, 1, 1, prepare_import, insert_block, &im, &d2,
                err);
  have_run = 1;
  if (d2.total > 0) {
    size_t i;
    for (i = 0; i < d2.n; i++)
      hlm_diags_add(d, &d2.items[i]);
    d->total += d2.total - d2.n;
  }
  if (rc < 0)
    goto done;
  if ((rc = finish_import(&im, &R, err)) < 0)
    goto done;
  rc = hlm_store_commit(s, err);
  in_tx = 0;
  if (rc < 0)
    goto done;
  rep->rows = R.lines;
  rep->owners = (int64_t)im.n_owners;
  rep->year = R.c.year;
  rep->shape = R.c.shape;
  format_notes(&R, rep->notes, sizeof rep->notes);
  if (R.lines == 0 && !rep->notes[0])
    snprintf(rep->notes, sizeof rep->notes,
             "le fichier ne contient aucune ligne logement : aucun parc n'a "
             "été remplacé");
done:
  sqlite3_finalize(im.ins);
  sqlite3_finalize(im.find);
  sqlite3_finalize(im.del_stock);
  sqlite3_finalize(im.del_agg);
  sqlite3_finalize(im.new_stock);
  if (in_tx)
    hlm_store_rollback(s);
  if (have_run) {
    hlm__store_exec(s, "PRAGMA cache_size = -2000", NULL);
    run_free(&R);
  }
  if (journal)
    hlm__store_exec(s, "PRAGMA journal_mode=WAL", NULL);
  hlm_diags_free(&d2);
  if (im.module) /* the feed points to im: remove it with im */
    sqlite3_create_module_v2(hlm__store_db(s), FEED_NAME, NULL, NULL, NULL);
  hlm_free(im.owners);
  hlm_free(im.idx.slot);
  hlm_free(im.stock_of);
  close(fd);
  return rc;
}
