/*
 * capital_cli.c: the capital commands seen from outside, on the example
 * store of docs/capital.md (docs/examples/capital):
 *  - every `$ hlm …` example of docs/capital.md prints exactly the output
 *    written under it;
 *  - every `  $ hlm …` example of the --help of votes, share-price and
 *    transfers runs and exits 0;
 *  - the JSON contracts of spec/rules-capital-money.md (keys and values);
 *  - the exit codes of spec/cli.md (0, 1, 2, 3).
 * Usage: capital_cli HLM_BINARY SOURCE_DIR
 */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_test.h"

static const char *hlm, *src;

/* Runs "hlm ARGS" (args: the text after "hlm "), returns the exit code
 * and the stdout (malloc'ed) in *out. */
static int run(const char *args, char **out) {
  char cmd[4096], *buf;
  int rc;
  snprintf(cmd, sizeof cmd, "%s %s 2>/dev/null", hlm, args);
  rc = run_capture(cmd, &buf);
  if (out)
    *out = buf;
  else
    free(buf);
  ct_pass();
  return rc;
}

static json_t *run_json(const char *args) {
  char *out;
  json_error_t e;
  json_t *doc;
  int rc = run(args, &out);
  doc = json_loads(out, 0, &e);
  if (rc != 0 || !doc)
    ct_fail("hlm %s : code %d, JSON %s", args, rc, doc ? "valide" : e.text);
  free(out);
  return doc;
}

static void expect_code(const char *args, int want) {
  int rc = run(args, NULL);
  if (rc != want)
    ct_fail("hlm %s : code de sortie %d, attendu %d", args, rc, want);
}

/* ---- docs/capital.md ---- */

static void doc_examples(void) {
  char path[1024], line[4096], *want = NULL, args[4096] = "";
  size_t wn = 0, wcap = 0;
  int in_block = 0, examples = 0;
  FILE *fp;
  snprintf(path, sizeof path, "%s/docs/capital.md", src);
  fp = fopen(path, "r");
  if (!fp) {
    ct_fail("%s illisible", path);
    return;
  }
  while (fgets(line, sizeof line, fp)) {
    if (!in_block) {
      if (strcmp(line, "```console\n") == 0) {
        in_block = 1;
        args[0] = '\0';
        wn = 0;
      }
      continue;
    }
    if (strcmp(line, "```\n") == 0 || strcmp(line, "```") == 0) {
      char *got;
      in_block = 0;
      if (!args[0])
        continue;
      examples++;
      run(args, &got);
      if (strcmp(got, want ? want : "") != 0) {
        ct_fail("docs/capital.md : « hlm %s » ne donne pas la sortie écrite "
             "(obtenu :\n%s)",
             args, got);
      }
      free(got);
      continue;
    }
    if (!args[0] && strncmp(line, "$ hlm ", 6) == 0) {
      snprintf(args, sizeof args, "%s", line + 6);
      args[strcspn(args, "\n")] = '\0';
      continue;
    }
    if (wn + strlen(line) + 1 > wcap) {
      wcap = (wn + strlen(line) + 1) * 2;
      want = realloc(want, wcap);
      if (!want)
        exit(4);
    }
    memcpy(want + wn, line, strlen(line) + 1);
    wn += strlen(line);
  }
  fclose(fp);
  free(want);
  if (examples < 5)
    ct_fail("docs/capital.md : %d exemples seulement", examples);
}

/* ---- --help ---- */

static void help_examples(const char *command) {
  char args[256], *out, *p;
  int n = 0;
  snprintf(args, sizeof args, "%s --help", command);
  if (run(args, &out) != 0)
    ct_fail("hlm %s --help : code non nul", command);
  if (!strstr(out, "Exemple"))
    ct_fail("hlm %s --help : pas d'exemple", command);
  for (p = out; (p = strstr(p, "\n  $ hlm ")) != NULL;) {
    char ex[1024];
    size_t len;
    p += 9;
    len = strcspn(p, "\n");
    snprintf(ex, sizeof ex, "%.*s", (int)len, p);
    n++;
    if (run(ex, NULL) != 0)
      ct_fail("exemple de hlm %s --help : « hlm %s » échoue", command, ex);
  }
  if (n == 0)
    ct_fail("hlm %s --help : aucun exemple « $ hlm »", command);
  free(out);
}

/* ---- JSON contracts ---- */

static void expect_int(json_t *o, const char *key, json_int_t want,
                       const char *where) {
  json_t *v = json_object_get(o, key);
  if (!json_is_integer(v) || json_integer_value(v) != want)
    ct_fail("%s : %s ≠ %lld", where, key, (long long)want);
}

static void expect_str(json_t *o, const char *key, const char *want,
                       const char *where) {
  json_t *v = json_object_get(o, key);
  if (want == NULL) {
    if (!json_is_null(v))
      ct_fail("%s : %s devrait être null", where, key);
    return;
  }
  if (!json_is_string(v) || strcmp(json_string_value(v), want) != 0)
    ct_fail("%s : %s ≠ « %s »", where, key, want);
}

static void json_votes(void) {
  json_t *d = run_json("--db exemple.db votes 100000009 --as-of 2024-03-15 "
                       "--format json");
  json_t *c, *h, *t;
  size_t i;
  int found = 0;
  if (!d)
    return;
  expect_str(d, "company", "100000009", "votes");
  expect_str(d, "as_of", "2024-03-15", "votes");
  expect_int(d, "total_votes", 100000, "votes");
  c = json_object_get(d, "categories");
  if (json_array_size(c) != 4)
    ct_fail("votes : 4 catégories attendues");
  else {
    expect_int(json_array_get(c, 0), "category", 1, "votes cat 1");
    expect_int(json_array_get(c, 0), "shares", 6000, "votes cat 1");
    expect_int(json_array_get(c, 0), "votes", 61537, "votes cat 1");
    expect_int(json_array_get(c, 3), "votes", 5128, "votes cat 4");
    expect_int(json_array_get(c, 1), "votes", 23335, "votes cat 2");
  }
  h = json_object_get(d, "holders");
  json_array_foreach(h, i, t) {
    if (strcmp(json_string_value(json_object_get(t, "holder")), "P:T1") == 0) {
      found = 1;
      expect_int(t, "category", 3, "votes P:T1");
      expect_int(t, "shares", 1, "votes P:T1");
      expect_int(t, "votes", 3334, "votes P:T1");
    }
  }
  if (!found)
    ct_fail("votes : P:T1 absent");
  t = json_object_get(d, "ties");
  if (json_array_size(t) != 1 || json_array_size(json_array_get(t, 0)) != 3 ||
      strcmp(json_string_value(json_array_get(json_array_get(t, 0), 0)),
             "P:T1") != 0)
    ct_fail("votes : ties ≠ [[\"P:T1\", \"P:T2\", \"P:T3\"]]");
  if (!json_is_array(json_object_get(d, "trace")) ||
      json_array_size(json_object_get(d, "trace")) == 0)
    ct_fail("votes : trace vide");
  json_decref(d);
  d = run_json("--db exemple.db votes --all --as-of 2024-03-15 --format json");
  if (d && json_array_size(json_object_get(d, "companies")) != 1)
    ct_fail("votes --all : une ESH avec actionnariat attendue");
  json_decref(d);
}

static void json_price(void) {
  json_t *d, *y;
  d = run_json("--db exemple.db share-price --company 100000009 --sold "
               "2025-06-30 --base-cents 10000 --acquired 2016-03-15 --format "
               "json");
  if (d) {
    expect_str(d, "company", "100000009", "share-price");
    expect_str(d, "sold", "2025-06-30", "share-price");
    expect_str(d, "version", "2014-03-27", "share-price");
    expect_str(d, "base", "acquisition", "share-price");
    expect_int(d, "base_cents", 10000, "share-price");
    expect_int(d, "dividends_cents", 0, "share-price");
    expect_int(d, "cap_cents", 12550, "share-price");
    y = json_object_get(d, "years");
    if (json_array_size(y) != 9)
      ct_fail("share-price : 9 années attendues");
    else {
      expect_int(json_array_get(y, 0), "year", 2016, "share-price 2016");
      expect_int(json_array_get(y, 0), "livret_a_bp", 75, "share-price 2016");
      expect_int(json_array_get(y, 0), "interest_cents", 225,
                 "share-price 2016");
    }
    json_decref(d);
  }
  d = run_json("--db exemple.db share-price --company 100000009 --sold "
               "2025-06-30 --format json");
  if (d) {
    expect_str(d, "base", "nominal", "share-price nominal");
    expect_str(d, "version", "2014-03-27", "share-price nominal");
    expect_int(d, "cap_cents", 16425, "share-price nominal");
    json_decref(d);
  }
  d = run_json("--db exemple.db share-price --company 100000009 --sold "
               "2010-06-30 --format json");
  if (d) {
    expect_str(d, "version", "2008-01-01", "share-price 2010");
    expect_str(d, "base", "nominal", "share-price 2010");
    json_decref(d);
  }
  d = run_json("--db exemple.db share-price --company 100000009 --sold "
               "2007-06-30 --format json");
  if (d) {
    expect_str(d, "version", NULL, "share-price 2007");
    expect_str(d, "cap_cents", NULL, "share-price 2007");
    json_decref(d);
  }
}

static void json_transfers(void) {
  static const struct {
    const char *id, *status, *refusal, *deadline;
  } want[] = {
      {"C1", "FORBIDDEN_50PCT", NULL, NULL},
      {"C2", "FREE", NULL, NULL},
      {"C3", "PENDING", NULL, "2024-04-30"},
      {"C4", "PURCHASED", "EXPRESS", NULL},
      {"C5", "APPROVED_DEEMED", "SILENCE", NULL},
      {"C6", "PURCHASE_PENDING", "SILENCE", "2024-05-29"},
      {"C7", "PURCHASE_PENDING", "EXPRESS", "2024-04-15"},
  };
  json_t *d = run_json("--db exemple.db transfers --as-of 2024-03-15 "
                       "--format json"),
         *a;
  size_t i;
  if (!d)
    return;
  expect_str(d, "as_of", "2024-03-15", "transfers");
  a = json_object_get(d, "transfers");
  if (json_array_size(a) != sizeof want / sizeof *want)
    ct_fail("transfers : %zu cessions", json_array_size(a));
  for (i = 0; i < json_array_size(a) && i < sizeof want / sizeof *want;
       i++) {
    json_t *t = json_array_get(a, i);
    expect_str(t, "id", want[i].id, want[i].id);
    expect_str(t, "company", "700000003", want[i].id);
    expect_str(t, "status", want[i].status, want[i].id);
    expect_str(t, "refusal", want[i].refusal, want[i].id);
    expect_str(t, "deadline", want[i].deadline, want[i].id);
    if (!json_is_array(json_object_get(t, "trace")))
      ct_fail("%s : trace absente", want[i].id);
  }
  json_decref(d);
}

int main(int argc, char **argv) {
  char tmp[] = "/tmp/hlm-capital-cli-XXXXXX", cmd[4096];
  if (argc != 3) {
    fprintf(stderr, "usage : capital_cli HLM SOURCE_DIR\n");
    return 2;
  }
  hlm = argv[1];
  src = argv[2];
  if (!mkdtemp(tmp) || chdir(tmp) != 0) {
    perror(tmp);
    return 4;
  }
  snprintf(cmd, sizeof cmd, "sh %s/docs/examples/capital/load.sh %s exemple.db",
           src, hlm);
  if (system(cmd) != 0) {
    fprintf(stderr, "chargement de l'exemple impossible\n");
    return 4;
  }
  doc_examples();
  help_examples("votes");
  help_examples("share-price");
  help_examples("transfers");
  json_votes();
  json_price();
  json_transfers();
  /* exit codes (spec/cli.md) */
  expect_code("--db exemple.db votes 999999999", 3);
  expect_code("--db exemple.db votes 700000003", 3);
  expect_code("--db exemple.db votes 100000009 --as-of 2004-07-03", 3);
  expect_code("--db exemple.db votes 100000009 --bogus", 2);
  expect_code("--db exemple.db votes 100000009 --all", 2);
  expect_code("--db exemple.db share-price --company 100000009", 2);
  expect_code("--db exemple.db share-price --company 100000009 --sold "
              "2025-01-01 --base-cents 100",
              2);
  expect_code("--db exemple.db share-price --company 100000009 --sold "
              "2025-01-01 --holder 200000008 --base-cents 100 --acquired "
              "2020-01-01",
              2);
  expect_code("--db exemple.db share-price --company 999999999 --sold "
              "2025-01-01",
              3);
  expect_code("--db exemple.db share-price --company 800000002 --sold "
              "2025-01-01",
              3);
  expect_code("--db exemple.db share-price --company 100000009 --sold "
              "2025-01-01 --holder P:NOBODY",
              3);
  expect_code("--db exemple.db share-price --company 700000003 --sold "
              "2025-01-01",
              0);
  expect_code("--db exemple.db transfers --company 100000009", 3);
  expect_code("--db exemple.db transfers --company 700000003 --format csv", 0);
  expect_code("--db exemple.db check --as-of 2024-03-15 --rule R423-86", 1);
  expect_code("--db exemple.db check --as-of 2024-03-15 --rule L423-5", 0);
  expect_code("--db exemple.db votes --format csv --as-of 2024-03-15", 0);
  snprintf(cmd, sizeof cmd, "rm -rf %s", tmp);
  if (system(cmd) != 0)
    fprintf(stderr, "nettoyage de %s impossible\n", tmp);
  return ct_summary();
}
