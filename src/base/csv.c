/*
 * csv.c: the streaming ';'-separated reader (see csv.h).
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "base/csv.h"
#include "hlm/alloc.h"

#define CSV_CHUNK (256 * 1024)

int hlm_utf8_valid(const char *str, size_t len, size_t *bad) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while (i < len) {
    unsigned c = s[i];
    size_t n, k;
    unsigned cp;
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      cp = c & 0x07;
    } else {
      *bad = i;
      return 0;
    }
    for (k = 1; k <= n; k++) {
      if (i + k >= len || (s[i + k] & 0xC0) != 0x80) {
        *bad = i;
        return 0;
      }
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      *bad = i;
      return 0;
    }
    i += n + 1;
  }
  return 1;
}

int hlm_csv_open(hlm_csv *c, const char *path, hlm_error *err) {
  struct stat st;
  memset(c, 0, sizeof *c);
  c->path = path;
  c->sep = ';';
  c->max_line = 1 << 20;
  c->fp = fopen(path, "rb");
  if (!c->fp)
    return hlm_error_at(err, HLM_EIO, path, 0, 0, NULL,
                        "impossible d'ouvrir le fichier : %s", strerror(errno));
  if (fstat(fileno(c->fp), &st) == 0 && S_ISREG(st.st_mode))
    c->size = (uint64_t)st.st_size;
  else if (fstat(fileno(c->fp), &st) == 0 && S_ISDIR(st.st_mode)) {
    fclose(c->fp);
    c->fp = NULL;
    return hlm_error_at(err, HLM_EIO, path, 0, 0, NULL,
                        "c'est un répertoire, pas un fichier");
  }
  c->cap = CSV_CHUNK;
  c->buf = hlm_malloc(c->cap);
  if (!c->buf) {
    fclose(c->fp);
    c->fp = NULL;
    return hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
  }
  return HLM_OK;
}

void hlm_csv_close(hlm_csv *c) {
  if (c->fp)
    fclose(c->fp);
  hlm_free(c->buf);
  hlm_free(c->rec);
  hlm_free(c->fields);
  memset(c, 0, sizeof *c);
}

/* Makes sure the buffer holds a whole line from pos, reading more. Returns
 * the length of the line (without its LF) and sets *has_nl; -1 when the
 * line exceeds max_line; -2 on read error. */
static long fill_line(hlm_csv *c, int *has_nl) {
  for (;;) {
    char *nl = memchr(c->buf + c->pos, '\n', c->len - c->pos);
    if (nl) {
      /* a line already in the buffer may still exceed max_line */
      if ((size_t)(nl - (c->buf + c->pos)) > c->max_line)
        return -1;
      *has_nl = 1;
      return (long)(nl - (c->buf + c->pos));
    }
    if (c->eof) {
      *has_nl = 0;
      return (long)(c->len - c->pos);
    }
    if (c->len - c->pos >= c->max_line)
      return -1;
    if (c->pos > 0) {
      memmove(c->buf, c->buf + c->pos, c->len - c->pos);
      c->len -= c->pos;
      c->pos = 0;
    }
    if (c->len == c->cap) {
      size_t cap = c->cap * 2;
      char *p = hlm_realloc(c->buf, cap);
      if (!p)
        return -2;
      c->buf = p;
      c->cap = cap;
    }
    {
      size_t got = fread(c->buf + c->len, 1, c->cap - c->len, c->fp);
      if (got == 0) {
        if (ferror(c->fp))
          return -2;
        c->eof = 1;
      }
      c->len += got;
    }
  }
}

static int push_field(hlm_csv *c, const char *p, size_t len, size_t off) {
  if (c->nf == c->fcap) {
    size_t cap = c->fcap ? c->fcap * 2 : 32;
    hlm_csv_field *f = hlm_realloc(c->fields, cap * sizeof *f);
    if (!f)
      return HLM_ENOMEM;
    c->fields = f;
    c->fcap = cap;
  }
  c->fields[c->nf].p = p;
  c->fields[c->nf].len = len;
  c->fields[c->nf].offset = off;
  c->nf++;
  return HLM_OK;
}

/* Splits the line held in c->rec (len bytes) into fields, unquoting. */
static int split(hlm_csv *c, size_t len, hlm_error *err) {
  char *s = c->rec;
  size_t i = 0;
  c->nf = 0;
  for (;;) {
    size_t start = i;
    if (i < len && s[i] == '"') {
      size_t w = i; /* write position: unquote in place */
      size_t j = i + 1;
      for (;;) {
        if (j >= len)
          return hlm_error_at(err, HLM_EINPUT, c->path, c->line,
                              (long)start + 1, NULL,
                              "guillemet ouvrant sans guillemet fermant");
        if (s[j] == '"') {
          if (j + 1 < len && s[j + 1] == '"') {
            s[w++] = '"';
            j += 2;
            continue;
          }
          j++;
          break;
        }
        s[w++] = s[j++];
      }
      if (j < len && s[j] != c->sep)
        return hlm_error_at(err, HLM_EINPUT, c->path, c->line, (long)j + 1,
                            NULL, "caractère inattendu après un guillemet "
                                  "fermant");
      if (push_field(c, s + start, w - start, start) < 0)
        return hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
      i = j;
    } else {
      char *e = memchr(s + i, c->sep, len - i);
      size_t end = e ? (size_t)(e - s) : len;
      if (push_field(c, s + start, end - start, start) < 0)
        return hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
      i = end;
    }
    if (i >= len)
      break;
    i++; /* the separator */
    if (i == len) {
      if (push_field(c, s + len, 0, len) < 0)
        return hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
      break;
    }
  }
  return HLM_OK;
}

int hlm_csv_next(hlm_csv *c, hlm_error *err) {
  for (;;) {
    int has_nl = 0;
    long n;
    size_t len, bad;
    const char *line;
    if (c->pos >= c->len && c->eof)
      return 0;
    n = fill_line(c, &has_nl);
    if (n == -2)
      return hlm_error_at(err, HLM_EIO, c->path, c->line + 1, 0, NULL,
                          "erreur de lecture : %s", strerror(errno));
    if (n == -1) {
      /* skip the whole overlong line */
      c->line++;
      for (;;) {
        char *nl;
        nl = memchr(c->buf + c->pos, '\n', c->len - c->pos);
        if (nl) {
          c->consumed += (uint64_t)(nl + 1 - (c->buf + c->pos));
          c->pos = (size_t)(nl + 1 - c->buf);
          break;
        }
        c->consumed += c->len - c->pos;
        c->pos = c->len = 0;
        if (c->eof)
          break;
        c->len = fread(c->buf, 1, c->cap, c->fp);
        if (c->len == 0)
          c->eof = 1;
      }
      return hlm_error_at(err, HLM_EINPUT, c->path, c->line, 0, NULL,
                          "ligne trop longue (plus de %zu octets)",
                          c->max_line);
    }
    if (n == 0 && !has_nl && c->eof) {
      c->pos = c->len;
      return 0;
    }
    line = c->buf + c->pos;
    len = (size_t)n;
    c->pos += len + (has_nl ? 1 : 0);
    c->consumed += len + (has_nl ? 1 : 0);
    c->line++;
    if (c->line == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
      line += 3;
      len -= 3;
    }
    if (len > 0 && line[len - 1] == '\r')
      len--;
    if (len == 0)
      continue; /* blank line */
    if (!hlm_utf8_valid(line, len, &bad))
      return hlm_error_at(err, HLM_EINPUT, c->path, c->line, (long)bad + 1,
                          NULL, "encodage invalide : le fichier doit être en "
                                "UTF-8 (octet 0x%02X)",
                          (unsigned)(unsigned char)line[bad]);
    if (len + 1 > c->rec_cap) {
      size_t cap = len + 1 > 256 ? len + 1 : 256;
      char *p = hlm_realloc(c->rec, cap);
      if (!p)
        return hlm_error_set(err, HLM_ENOMEM, "mémoire insuffisante");
      c->rec = p;
      c->rec_cap = cap;
    }
    memcpy(c->rec, line, len);
    c->rec[len] = '\0';
    c->raw = line;
    c->raw_len = len;
    {
      int rc = split(c, len, err);
      if (rc < 0)
        return rc;
    }
    return 1;
  }
}

long hlm_csv_column(const hlm_csv *c, size_t i) {
  size_t off, k;
  long col = 1;
  if (i >= c->nf)
    off = c->raw_len;
  else
    off = c->fields[i].offset;
  /* count characters (UTF-8 lead bytes) before the field */
  for (k = 0; k < off && k < c->raw_len; k++)
    if (((unsigned char)c->raw[k] & 0xC0) != 0x80)
      col++;
  return col;
}

int hlm_csv_field_is(const hlm_csv_field *f, const char *s) {
  size_t n = strlen(s);
  return f->len == n && memcmp(f->p, s, n) == 0;
}
