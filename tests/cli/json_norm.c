/*
 * json_norm.c: prints a JSON document in one canonical form (keys sorted,
 * two-space indent) without the keys named on the command line, so that
 * the CLI golden tests compare `hlm … --format json` with hand-written
 * expected files without jq or python (jansson is already a dependency).
 *
 * Usage: json_norm FILE [KEY...]   (FILE "-" is stdin)
 * Exit 0, or 1 when FILE is not one JSON document.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

static void drop(json_t *v, char **keys, int n) {
  size_t i;
  if (json_is_object(v)) {
    const char *k;
    json_t *x;
    void *tmp;
    int j;
    json_object_foreach_safe(v, tmp, k, x) {
      for (j = 0; j < n; j++)
        if (strcmp(k, keys[j]) == 0)
          break;
      if (j < n)
        json_object_del(v, k);
      else
        drop(x, keys, n);
    }
  } else if (json_is_array(v)) {
    for (i = 0; i < json_array_size(v); i++)
      drop(json_array_get(v, i), keys, n);
  }
}

int main(int argc, char **argv) {
  json_error_t e;
  json_t *doc;
  if (argc < 2) {
    fprintf(stderr, "usage : json_norm FICHIER [CLÉ...]\n");
    return 2;
  }
  doc = strcmp(argv[1], "-") == 0 ? json_loadf(stdin, 0, &e)
                                  : json_load_file(argv[1], 0, &e);
  if (!doc) {
    fprintf(stderr, "%s:%d:%d: JSON invalide : %s\n", argv[1], e.line,
            e.column, e.text);
    return 1;
  }
  drop(doc, argv + 2, argc - 2);
  json_dumpf(doc, stdout, JSON_SORT_KEYS | JSON_INDENT(2));
  fputc('\n', stdout);
  json_decref(doc);
  return 0;
}
